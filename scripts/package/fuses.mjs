// Electron's fuses for the packaged app: switches compiled into the binary that no flag or variable can turn back.
// Plain JS because electron-builder imports the afterPack hook as it is (no build step); tsc checks it (checkJs).

/**
 * Each fuse by its @electron/fuses name. Every fuse of the V1 wire is named, so a new Electron's default never
 * decides for us silently.
 * @type {Readonly<Record<FuseName, boolean>>}
 */
export const FUSES = Object.freeze({
  // The binary must not double as a plain Node (ELECTRON_RUN_AS_NODE would run any script with the app's rights).
  RunAsNode: false,
  // Chromium's cookie store on disk encrypted with the OS keychain, as Chrome does.
  EnableCookieEncryption: true,
  // NODE_OPTIONS and NODE_EXTRA_CA_CERTS could preload code or trust another CA.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect and SIGUSR1 would open a debugger into the process that owns the library.
  EnableNodeCliInspectArguments: false,
  // The app.asar is checked against the hash embedded at packaging (macOS, and Windows since Electron 30).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only the (validated) app.asar is loaded, never an app/ folder dropped beside it.
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The UI is served from app:// (electron/main/app-protocol.ts): file:// needs none of its old privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * @typedef {'RunAsNode' | 'EnableCookieEncryption' | 'EnableNodeOptionsEnvironmentVariable'
 *   | 'EnableNodeCliInspectArguments' | 'EnableEmbeddedAsarIntegrityValidation' | 'OnlyLoadAppFromAsar'
 *   | 'LoadBrowserProcessSpecificV8Snapshot' | 'GrantFileProtocolExtraPrivileges'} FuseName
 */

/**
 * The wire @electron/fuses flips: its option indices (passed in, so this module imports nothing) mapped to FUSES.
 * On macOS flipping a fuse breaks the ad-hoc signature an arm64 binary needs to start, so it is redone.
 * @param {Readonly<Record<FuseName, number>>} options @electron/fuses' `FuseV1Options`
 * @param {string} version @electron/fuses' `FuseVersion.V1`
 * @param {string} platform electron-builder's `electronPlatformName` (darwin, mas, win32, linux)
 * @returns {{ version: string; resetAdHocDarwinSignature: boolean } & Record<number, boolean>}
 */
export function fuseWire(options, version, platform) {
  /** @type {Record<number, boolean>} */
  const wire = {};
  for (const [name, on] of Object.entries(FUSES)) {
    const index = options[/** @type {FuseName} */ (name)];
    if (typeof index !== 'number') throw new Error(`fuses: @electron/fuses has no fuse named ${name}`);
    wire[index] = on;
  }
  return { ...wire, version, resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas' };
}
