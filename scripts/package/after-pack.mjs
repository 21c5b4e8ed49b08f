// electron-builder's afterPack hook (electron-builder.yml): flip the fuses after the app is packed, before signing.
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { fuseWire } from './fuses.mjs';

/**
 * Through electron-builder's own `addElectronFuses`, which knows where each platform puts the binary.
 * @param {import('app-builder-lib').AfterPackContext} context
 */
export default async function afterPack(context) {
  const wire = fuseWire(
    // The enum's name → index half; its reverse mapping (index → name) is skipped by fuseWire's name lookup.
    /** @type {Record<import('./fuses.mjs').FuseName, number>} */ (/** @type {unknown} */ (FuseV1Options)),
    FuseVersion.V1,
    context.electronPlatformName,
  );
  await context.packager.addElectronFuses(
    context,
    // version is FuseVersion.V1 itself, which fuseWire takes as a plain string.
    /** @type {import("@electron/fuses").FuseConfig} */ (/** @type {unknown} */ (wire)),
  );
}
