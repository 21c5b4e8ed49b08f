import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseEditLog } from '../../electron/library/storage/edit-log.js';
import { DEFAULT_SHARD_COUNT, JournalSchema, shardFileName, shardOf } from '../../electron/library/storage/layout.js';

type Shard = { version: number; papers?: Record<string, unknown>; contents?: Record<string, unknown> };

/**
 * What a library holds, for before/after comparisons: its top-level data files as they are, and each shard with
 * the changes not yet in it on top, a large change's journal and then the edit log's (the store writes them into
 * their shards whenever edits pause, which changes files but not what the library holds).
 */
export async function librarySnapshot(dir: string): Promise<string> {
  const parts: string[] = [];
  const logText = await readFile(path.join(dir, 'edits.log'), 'utf8').catch(() => '');
  const journalText = await readFile(path.join(dir, 'journal.json'), 'utf8').catch(() => null);
  const changes = [
    ...(journalText === null ? [] : [JournalSchema.parse(JSON.parse(journalText))]),
    ...parseEditLog(logText).changes,
  ];
  const shards = new Map<string, Shard>();
  for (const sub of ['papers', 'contents'] as const) {
    for (const name of await jsonFiles(path.join(dir, sub)))
      shards.set(`${sub}/${name}`, JSON.parse(await readFile(path.join(dir, sub, name), 'utf8')) as Shard);
  }
  for (const change of changes) {
    for (const [key, map] of [
      ['papers', change.papers],
      ['contents', change.contents],
    ] as const) {
      for (const [id, value] of Object.entries(map)) holder(shards, key, id)[id] = value;
      for (const id of change.deleted) delete holder(shards, key, id)[id];
    }
  }
  for (const name of await jsonFiles(dir))
    if (name !== 'journal.json') parts.push(name, await readFile(path.join(dir, name), 'utf8'));
  for (const key of [...shards.keys()].sort()) {
    const shard = shards.get(key);
    const members = shard?.papers ?? shard?.contents ?? {};
    if (Object.keys(members).length > 0) parts.push(key, stable(shard));
  }
  return parts.join('\n');
}

async function jsonFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.json')).sort();
}

/** The members of the shard a logged change of `id` lands in (the shard file is found by its papers' ids). */
function holder(shards: Map<string, Shard>, key: 'papers' | 'contents', id: string): Record<string, unknown> {
  const name = `${key}/${shardName(id)}`;
  let shard = shards.get(name);
  if (!shard) shards.set(name, (shard = { version: 1, [key]: {} }));
  const members = shard[key] ?? {};
  shard[key] = members;
  return members;
}

function shardName(id: string): string {
  return shardFileName(shardOf(id, DEFAULT_SHARD_COUNT), DEFAULT_SHARD_COUNT);
}

/** JSON with object keys sorted, so equal content compares equal however it was written. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
