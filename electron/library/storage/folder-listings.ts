/** One listing of each library folder per open, shared by the checks that read them (the sweep, conflicted copies). */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** A folder's names (relative to the library), or none when it does not exist. */
export type ListFolder = (folder: string) => string[];

/** Lists each folder once, however many checks ask: at 1,000 papers each listing of a shard folder costs ~0.5 ms. */
export function folderListings(dir: string): ListFolder {
  const listed = new Map<string, string[]>();
  return (folder) => {
    let names = listed.get(folder);
    // Blocking (see readIfExistsSync): listed while the library opens, before anything else runs.
    if (!names) listed.set(folder, (names = listSync(path.join(dir, folder))));
    return names;
  };
}

function listSync(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
