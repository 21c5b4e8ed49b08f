import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SettingsSchema } from '../../shared/models/settings.js';

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

/**
 * `MARGIN_LIBRARY`, else the folder chosen in the app's Settings, else `library/` in the given user-data folder (the
 * app passes Electron's own). The CLI and the app read the same settings, so they open the same library.
 */
export function libraryIn(userData: string, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env.MARGIN_LIBRARY;
  if (fromEnv) return path.resolve(fromEnv);
  return chosenLibraryFolder(userData) ?? path.join(userData, 'library');
}

/**
 * The library folder chosen in Settings (`settings.json` beside the library), or null: none chosen, no file, or a
 * file that fails its schema (the app sets a damaged one aside when it starts). Synchronous: read once at start.
 */
export function chosenLibraryFolder(userData: string): string | null {
  let text: string;
  try {
    text = readFileSync(path.join(userData, 'settings.json'), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.libraryFolder : null;
  } catch {
    return null;
  }
}
