import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { shardFileName } from './layout.js';
import { turns } from './turns.js';

/**
 * Each shard file's stats in `folder`, by shard (undefined: no such file, or it cannot be asked about). The folder
 * is listed first, so only files that exist are asked about: most of a small library's shards do not.
 */
export function shardFileStats(folder: string, shardCount: number): Array<Stats | undefined> {
  return [...eachShardStats(folder, shardCount)];
}

/**
 * `shardFileStats` in turns of the event loop, for work in the background: 1,024 blocking `stat`s took ~40 ms
 * at once on a slow disk, in the list snapshot's stamp after every large change.
 */
export async function shardFileStatsInTurns(folder: string, shardCount: number): Promise<Array<Stats | undefined>> {
  const work = turns();
  const stats: Array<Stats | undefined> = [];
  for (const stat of eachShardStats(folder, shardCount)) {
    stats.push(stat);
    if ((stats.length & 63) === 0 && work.due()) await work.turn();
  }
  return stats;
}

function* eachShardStats(folder: string, shardCount: number): Generator<Stats | undefined> {
  let present: Set<string>;
  try {
    present = new Set(readdirSync(folder));
  } catch {
    present = new Set();
  }
  // Joined by hand: path.join for each of a thousand files was a tenth of this at open.
  const prefix = folder + path.sep;
  for (let shard = 0; shard < shardCount; shard++) {
    const name = shardFileName(shard, shardCount);
    if (!present.has(name)) yield undefined;
    else
      try {
        yield statSync(prefix + name, { throwIfNoEntry: false });
      } catch {
        yield undefined;
      }
  }
}
