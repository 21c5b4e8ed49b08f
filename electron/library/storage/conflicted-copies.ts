/**
 * The names cloud drives give the second version of a file two machines changed at once ("conflicted
 * copies"), told apart from the library's own files. Pure: names in, names out.
 */

export const CLOUD_DRIVES = ['dropbox', 'syncthing', 'onedrive', 'icloud'] as const;
export type CloudDrive = (typeof CLOUD_DRIVES)[number];

/** A conflicted copy: its name, the name of the file it is a version of, and which drive made it. */
export interface ConflictedCopy {
  readonly name: string;
  readonly original: string;
  readonly drive: CloudDrive;
}

/** `name.ext` → [`name`, `.ext`] (no extension: `''`). */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot)];
}

/** Syncthing: `000.sync-conflict-20260102-123456-ABCDEFG.json` (date, time, the first 7 characters of the device id). */
const SYNCTHING = /^(.+)\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}$/;
/**
 * Dropbox: `000 (conflicted copy).json`, `000 (Jane's conflicted copy 2026-01-02).json`, and the same with a
 * number when that name is taken (`… 2026-01-02 (1))`); the apostrophe may be typographic.
 */
const DROPBOX = /^(.+) \((?:[^()]*['\u2019]s )?conflicted copy(?: \d{4}-\d{2}-\d{2})?(?: \(\d+\))?\)$/i;
/** iCloud Drive: `000 2.json` (a space and a number from 2). */
const ICLOUD = /^(.+) ([2-9]|[1-9]\d+)$/;
/**
 * OneDrive: `000-DESKTOP-ABC.json`, the computer's name after a hyphen (and `-1`, `-2` when that is taken).
 * As Microsoft's support pages describe it and users report it; no formal specification was found. A computer
 * name may hold hyphens itself, so every hyphen is tried as the split.
 */
const ONEDRIVE_MACHINE = /^[A-Za-z0-9][A-Za-z0-9-]{0,30}$/;

/**
 * The conflicted copy `name` is, or null. `isOriginal` says which names are the library's own files: a
 * name counts as a copy only of one of them (so `000 2.json` is a copy only where `000.json` is a shard).
 */
export function conflictedCopyOf(name: string, isOriginal: (name: string) => boolean): ConflictedCopy | null {
  if (isOriginal(name)) return null;
  const [stem, ext] = splitExtension(name);
  const found = (original: string, drive: CloudDrive): ConflictedCopy | null =>
    isOriginal(original) ? { name, original, drive } : null;
  for (const [pattern, drive] of [
    [SYNCTHING, 'syncthing'],
    [DROPBOX, 'dropbox'],
    [ICLOUD, 'icloud'],
  ] as const) {
    const base = pattern.exec(stem)?.[1];
    const copy = base === undefined ? null : found(`${base}${ext}`, drive);
    if (copy) return copy;
  }
  for (let at = stem.indexOf('-'); at > 0; at = stem.indexOf('-', at + 1)) {
    if (!ONEDRIVE_MACHINE.test(stem.slice(at + 1))) continue;
    const copy = found(`${stem.slice(0, at)}${ext}`, 'onedrive');
    if (copy) return copy;
  }
  return null;
}

/** Every conflicted copy among `names` (a folder's listing), in name order. */
export function conflictedCopies(names: readonly string[], isOriginal: (name: string) => boolean): ConflictedCopy[] {
  // Found first, then put in order: a listing is thousands of shards and (nearly always) no copy.
  return names
    .map((name) => conflictedCopyOf(name, isOriginal))
    .filter((copy): copy is ConflictedCopy => copy !== null)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
