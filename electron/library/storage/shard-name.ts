import { shardFileName } from './layout.js';

/** Every shard file name, by shard count: a listing of 2,048 names is checked against a set, not parsed name by name. */
const namesByCount = new Map<number, ReadonlySet<string>>();

/** Whether `name` is the file of one of a library's shards (`0a3.json` of 1024), not some other file beside them. */
export function isShardName(name: string, shardCount: number): boolean {
  let names = namesByCount.get(shardCount);
  if (!names) {
    names = new Set(Array.from({ length: shardCount }, (_, index) => shardFileName(index, shardCount)));
    namesByCount.set(shardCount, names);
  }
  return names.has(name);
}
