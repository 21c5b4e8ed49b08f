/** One listing of each library folder per open, shared by the checks that read them (the sweep, conflicted copies). */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** A folder's names (relative to the library), or none when it does not exist. */
export type ListFolder = (folder: string) => Promise<string[]>;

/** Lists each folder once, however many checks ask: at 1,000 papers each listing of a shard folder costs ~0.5 ms. */
export function folderListings(dir: string): ListFolder {
  const listed = new Map<string, Promise<string[]>>();
  return (folder) => {
    let names = listed.get(folder);
    if (!names) listed.set(folder, (names = readdir(path.join(dir, folder)).catch(() => [] as string[])));
    return names;
  };
}
