import { shardFileName } from './layout.js';

/** Whether `name` is the file of one of a library's shards (`0a3.json` of 1024), not some other file beside them. */
export function isShardName(name: string, shardCount: number): boolean {
  const hex = /^([0-9a-f]+)\.json$/.exec(name)?.[1];
  if (hex === undefined) return false;
  const index = Number.parseInt(hex, 16);
  return index < shardCount && shardFileName(index, shardCount) === name;
}
