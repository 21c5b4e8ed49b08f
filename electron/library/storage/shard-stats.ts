import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { shardFileName } from './layout.js';

/**
 * Each shard file's stats in `folder`, by shard (undefined: no such file, or it cannot be asked about). The folder
 * is listed first, so only files that exist are asked about: most of a small library's shards do not.
 */
export function shardFileStats(folder: string, shardCount: number): Array<Stats | undefined> {
  let present: Set<string>;
  try {
    present = new Set(readdirSync(folder));
  } catch {
    present = new Set();
  }
  // Joined by hand: path.join for each of a thousand files was a tenth of this at open.
  const prefix = folder + path.sep;
  return Array.from({ length: shardCount }, (_, shard) => {
    const name = shardFileName(shard, shardCount);
    if (!present.has(name)) return undefined;
    try {
      return statSync(prefix + name, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
  });
}
