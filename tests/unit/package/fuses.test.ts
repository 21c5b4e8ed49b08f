import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import afterPack from '../../../scripts/package/after-pack.mjs';
import { FUSES, fuseWire, type FuseName } from '../../../scripts/package/fuses.mjs';

// The enum object maps both ways (name → index and index → name); its name half is what fuseWire reads.
const OPTIONS = FuseV1Options as unknown as Record<FuseName, number>;

describe('Electron fuses of the packaged app', () => {
  it('turns off Node entry points and turns on cookie encryption and asar-only loading with integrity checks', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(FUSES)).toBe(true);
  });

  it('names every fuse @electron/fuses knows, so none is left to a default', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
  });

  it('maps the settings onto the V1 wire by index', () => {
    const wire = fuseWire(OPTIONS, FuseVersion.V1, 'linux');
    expect(wire).toMatchObject({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: false,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
  });

  it('redoes the ad-hoc signature on macOS only', () => {
    expect(fuseWire(OPTIONS, FuseVersion.V1, 'darwin').resetAdHocDarwinSignature).toBe(true);
    expect(fuseWire(OPTIONS, FuseVersion.V1, 'mas').resetAdHocDarwinSignature).toBe(true);
    expect(fuseWire(OPTIONS, FuseVersion.V1, 'win32').resetAdHocDarwinSignature).toBe(false);
  });

  it('refuses a fuse list @electron/fuses does not match', () => {
    const { RunAsNode: _gone, ...older } = OPTIONS;
    expect(() => fuseWire(older as Record<FuseName, number>, FuseVersion.V1, 'linux')).toThrow(
      /no fuse named RunAsNode/,
    );
  });

  it('is what the afterPack hook hands electron-builder, for the platform being packed', async () => {
    const flipped: unknown[] = [];
    const context = {
      electronPlatformName: 'darwin',
      packager: { addElectronFuses: (_context: unknown, wire: unknown) => Promise.resolve(flipped.push(wire)) },
    };
    // Only the two fields the hook reads are faked; electron-builder's context has many more.
    await afterPack(context as unknown as Parameters<typeof afterPack>[0]);
    expect(flipped).toEqual([fuseWire(OPTIONS, FuseVersion.V1, 'darwin')]);
  });
});
