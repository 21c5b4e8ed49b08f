import path from 'node:path';

/** The desktop app's folder name under the OS user-data directory (what Electron's `app.getPath('userData')` gives). */
export const APP_FOLDER = 'Margin';

export interface LocationEnv {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Per-OS user data folder, matching Electron's choice so the CLI and the app share one library. */
export function userDataDir({ platform, home, env }: LocationEnv): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_FOLDER);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), APP_FOLDER);
}

/** `--library DIR`, else `MARGIN_LIBRARY`, else the app's own library folder. */
export function resolveLibraryDir(flag: string | undefined, location: LocationEnv): string {
  if (flag) return path.resolve(flag);
  return libraryIn(userDataDir(location), location.env);
}

/** `MARGIN_LIBRARY`, else `library/` in the given user-data folder (the app passes Electron's own). */
export function libraryIn(userData: string, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env.MARGIN_LIBRARY;
  return fromEnv ? path.resolve(fromEnv) : path.join(userData, 'library');
}
