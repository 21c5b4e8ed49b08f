import { appendFile, cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTENT } from '../../../../shared/models/paper.js';
import { parseEditLog } from '../../../../electron/library/storage/edit-log.js';
import {
  CONTENTS_DIR,
  EDIT_LOG_FILE,
  JOURNAL_FILE,
  QUARANTINE_DIR,
  paperShardFile,
} from '../../../../electron/library/storage/layout.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import { readShardTexts } from '../../../../electron/library/search/index/shard-texts.js';
import { pendingEditsByShard } from '../../../../electron/library/storage/edit-log.js';
import { shardOf, DEFAULT_SHARD_COUNT } from '../../../../electron/library/storage/layout.js';
import { paperRecord } from '../../../helpers/paper-record.js';
import { librarySnapshot } from '../../../helpers/snapshot.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const now = () => new Date('2026-03-01T10:00:00.000Z');
const open = (dir: string, mode: 'read' | 'write' = 'write') => LibraryStore.open({ dir, mode, holder: 'test', now });
const ID = 'p0000000000001';
const ids = Array.from({ length: 40 }, (_, i) => `p${String(i + 1).padStart(13, '0')}`);

/** A library of 40 papers, written into their shards (closed), then opened again. */
async function library(): Promise<{ dir: string; store: LibraryStore }> {
  const dir = await tempDir();
  const first = await open(dir);
  await first.commit({ records: ids.map((id) => paperRecord(id)), contents: new Map() });
  await first.close();
  return { dir, store: await open(dir) };
}

/** What a crash at this moment leaves: the folder copied as it is, without the writer's lock. */
async function crashImage(dir: string): Promise<string> {
  const copy = await tempDir();
  await cp(dir, copy, { recursive: true });
  await rm(path.join(copy, 'write.lock'), { force: true });
  return copy;
}

describe('the edit log', () => {
  it('makes an edit durable by one appended line, leaving its shard file as it was', async () => {
    const { dir, store } = await library();
    const shard = paperShardFile(dir, ID);
    const shardBefore = await stat(shard);
    await store.putRecord(paperRecord(ID, { title: 'Edited once' }));
    await store.putContent(ID, { ...EMPTY_CONTENT, note: { text: 'a note', updatedAt: '2026-03-01T10:00:00.000Z' } });
    expect((await stat(shard)).mtimeMs).toBe(shardBefore.mtimeMs);
    const { changes, problem } = parseEditLog(await readFile(path.join(dir, EDIT_LOG_FILE), 'utf8'));
    expect(problem).toBeNull();
    expect(changes.map((c) => [Object.keys(c.papers), Object.keys(c.contents)])).toEqual([
      [[ID], []],
      [[], [ID]],
    ]);
    expect((await store.getRecord(ID))?.title).toBe('Edited once');
    await store.close();
  });

  it('is replayed into the shards at the next open after a crash, then removed', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'Before the crash' }));
    await store.putContent(ID, { ...EMPTY_CONTENT, note: { text: 'kept', updatedAt: '2026-03-01T10:00:00.000Z' } });
    const image = await crashImage(dir);
    const held = await librarySnapshot(image);
    const reopened = await open(image);
    expect((await reopened.getRecord(ID))?.title).toBe('Before the crash');
    expect((await reopened.getContent(ID)).note?.text).toBe('kept');
    expect(reopened.notices).toEqual([]);
    await expect(stat(path.join(image, EDIT_LOG_FILE))).rejects.toThrow();
    const onDisk = JSON.parse(await readFile(paperShardFile(image, ID), 'utf8')) as {
      papers: Record<string, { title: string }>;
    };
    expect(onDisk.papers[ID]?.title).toBe('Before the crash');
    expect(await librarySnapshot(image)).toBe(held);
    await reopened.close();
    await store.close();
  });

  it('is read, not replayed, by a reader while the writer holds it', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'Seen by a reader' }));
    const reader = await open(dir, 'read');
    expect((await reader.getRecord(ID))?.title).toBe('Seen by a reader');
    expect(await readFile(path.join(dir, EDIT_LOG_FILE), 'utf8')).toContain('Seen by a reader');
    await reader.close();
    await store.close();
  });

  it('leaves out an unfinished last line (an append the crash cut short) without a word', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'Acknowledged' }));
    const image = await crashImage(dir);
    await appendFile(path.join(image, EDIT_LOG_FILE), '{"version":1,"papers":{"p0000000000001":{"title":"Half');
    const reopened = await open(image);
    expect((await reopened.getRecord(ID))?.title).toBe('Acknowledged');
    expect(reopened.notices).toEqual([]);
    await reopened.close();
    await store.close();
  });

  it('keeps a damaged log aside, applies the edits before the bad line, and says which line', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'First edit' }));
    const image = await crashImage(dir);
    const log = path.join(image, EDIT_LOG_FILE);
    const good = await readFile(log, 'utf8');
    await writeFile(log, `${good}{"version":1,"papers":{"p0000000000002":{"title":7}}}\n${good}`);
    const reopened = await open(image);
    expect((await reopened.getRecord(ID))?.title).toBe('First edit');
    expect((await reopened.getRecord(ids[1] ?? ''))?.title).toBe(`Title ${ids[1]}`);
    const message = reopened.notices.map((n) => n.message).join('\n');
    expect(message).toMatch(/edits\.log: line 2 has unexpected content at field papers\.p0000000000002/);
    expect(message).toMatch(/kept at .*quarantine/);
    const kept = await readdir(path.join(image, QUARANTINE_DIR));
    expect(kept).toHaveLength(1);
    expect(await readFile(path.join(image, QUARANTINE_DIR, kept[0] ?? ''), 'utf8')).toContain('"title":7');
    await reopened.close();
    await store.close();
  });

  it('is written into the shards and removed when compacted, and at close', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'Compacted' }));
    await store.exclusive((writer) => writer.writeLogged());
    await expect(stat(path.join(dir, EDIT_LOG_FILE))).rejects.toThrow();
    expect(await readFile(paperShardFile(dir, ID), 'utf8')).toContain('Compacted');
    await store.putContent(ID, {
      ...EMPTY_CONTENT,
      note: { text: 'written at close', updatedAt: '2026-03-01T10:00:00.000Z' },
    });
    await store.close();
    await expect(stat(path.join(dir, EDIT_LOG_FILE))).rejects.toThrow();
    const contents = await readdir(path.join(dir, CONTENTS_DIR));
    const texts = await Promise.all(contents.map((n) => readFile(path.join(dir, CONTENTS_DIR, n), 'utf8')));
    expect(texts.some((t) => t.includes('written at close'))).toBe(true);
  });

  it('is written into the shards before a large change, so a crash after it never undoes that change', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'Logged first' }));
    // More papers than the log takes: committed through the journal.
    await store.commit({ records: ids.map((id) => paperRecord(id, { title: `Bulk ${id}` })), contents: new Map() });
    await expect(stat(path.join(dir, EDIT_LOG_FILE))).rejects.toThrow();
    expect(await readFile(paperShardFile(dir, ID), 'utf8')).toContain('Logged first');
    const reopened = await open(await crashImage(dir));
    expect((await reopened.getRecord(ID))?.title).toBe(`Bulk ${ID}`);
    await reopened.close();
    await store.close();
  });

  it('takes a large change through the journal, whose shards are written at the next compaction', async () => {
    const { dir, store } = await library();
    const before = await readFile(paperShardFile(dir, ID), 'utf8');
    await store.commit({ records: ids.map((id) => paperRecord(id, { title: `Bulk ${id}` })), contents: new Map() });
    // Committed: the journal is on disk, the shard files are as they were, the store has the change.
    expect(await readFile(path.join(dir, JOURNAL_FILE), 'utf8')).toContain(`Bulk ${ID}`);
    expect(await readFile(paperShardFile(dir, ID), 'utf8')).toBe(before);
    expect((await store.getRecord(ID))?.title).toBe(`Bulk ${ID}`);
    const reader = await open(dir, 'read');
    expect((await reader.getRecord(ID))?.title).toBe(`Bulk ${ID}`);
    await reader.close();
    await store.exclusive((writer) => writer.writeLogged());
    await expect(stat(path.join(dir, JOURNAL_FILE))).rejects.toThrow();
    expect(await readFile(paperShardFile(dir, ID), 'utf8')).toContain(`Bulk ${ID}`);
    await store.close();
  });

  it('logs an edit made after a large change behind its journal, and replays both in order after a crash', async () => {
    const { dir, store } = await library();
    await store.commit({ records: ids.map((id) => paperRecord(id, { title: `Bulk ${id}` })), contents: new Map() });
    await store.putRecord(paperRecord(ID, { title: 'Edited after the import' }));
    expect(await readFile(path.join(dir, EDIT_LOG_FILE), 'utf8')).toContain('Edited after the import');
    const crashed = await crashImage(dir);
    const reopened = await open(crashed);
    expect((await reopened.getRecord(ID))?.title).toBe('Edited after the import');
    expect((await reopened.getRecord(ids[1] ?? ''))?.title).toBe(`Bulk ${ids[1]}`);
    expect(reopened.notices).toEqual([]);
    await reopened.close();
    // Compacted, then a crash: the journal is gone with the log, so nothing replays the import over the edit.
    await store.exclusive((writer) => writer.writeLogged());
    await expect(stat(path.join(dir, JOURNAL_FILE))).rejects.toThrow();
    await expect(stat(path.join(dir, EDIT_LOG_FILE))).rejects.toThrow();
    const later = await open(await crashImage(dir));
    expect((await later.getRecord(ID))?.title).toBe('Edited after the import');
    await later.close();
    await store.close();
  });

  it('writes what is pending before a second large change, so the older journal never replays over it', async () => {
    const { dir, store } = await library();
    await store.commit({ records: ids.map((id) => paperRecord(id, { title: `First ${id}` })), contents: new Map() });
    await store.putRecord(paperRecord(ID, { title: 'Between the two' }));
    await store.commit({
      records: ids.slice(1).map((id) => paperRecord(id, { title: `Second ${id}` })),
      contents: new Map(),
    });
    await expect(stat(path.join(dir, EDIT_LOG_FILE))).rejects.toThrow();
    const reopened = await open(await crashImage(dir));
    expect((await reopened.getRecord(ID))?.title).toBe('Between the two');
    expect((await reopened.getRecord(ids[1] ?? ''))?.title).toBe(`Second ${ids[1]}`);
    await reopened.close();
    await store.close();
  });

  it('takes small change sets, deletions included, and replays them in order', async () => {
    const { dir, store } = await library();
    const [a = '', b = ''] = ids;
    await store.commit({
      records: [paperRecord(a, { title: 'A1' }), paperRecord(b, { title: 'B1' })],
      contents: new Map(),
    });
    await store.commit({ records: [], contents: new Map(), deleted: [b] });
    await store.commit({ records: [paperRecord(a, { title: 'A2' })], contents: new Map() });
    expect((await readFile(path.join(dir, EDIT_LOG_FILE), 'utf8')).trim().split('\n')).toHaveLength(3);
    const reopened = await open(await crashImage(dir));
    expect((await reopened.getRecord(a))?.title).toBe('A2');
    expect(await reopened.getRecord(b)).toBeUndefined();
    expect((await reopened.allRecords()).length).toBe(ids.length - 1);
    await reopened.close();
    await store.close();
  });

  it('is on top of the shard files the search worker reads, marked so the shard is read again once compacted', async () => {
    const { dir, store } = await library();
    await store.putRecord(paperRecord(ID, { title: 'Zeppelin overhead' }));
    const shard = shardOf(ID, DEFAULT_SHARD_COUNT);
    const logged = await readShardTexts(dir, shard, DEFAULT_SHARD_COUNT, pendingEditsByShard(dir, DEFAULT_SHARD_COUNT));
    expect(logged.fromLog).toBe(true);
    expect(logged.docs.find((d) => d.id === ID)?.record.title).toContain('zeppelin');
    await store.exclusive((writer) => writer.writeLogged());
    const written = await readShardTexts(
      dir,
      shard,
      DEFAULT_SHARD_COUNT,
      pendingEditsByShard(dir, DEFAULT_SHARD_COUNT),
    );
    expect(written.fromLog).toBe(false);
    expect(written.docs.find((d) => d.id === ID)?.record.title).toContain('zeppelin');
    expect(written.stamp).not.toEqual(logged.stamp);
    await store.close();
  });

  it('puts a large change still in its journal on top of the files the search worker reads', async () => {
    const { dir, store } = await library();
    await store.commit({ records: ids.map((id) => paperRecord(id, { title: `Quokka ${id}` })), contents: new Map() });
    const shard = shardOf(ID, DEFAULT_SHARD_COUNT);
    const pending = await readShardTexts(
      dir,
      shard,
      DEFAULT_SHARD_COUNT,
      pendingEditsByShard(dir, DEFAULT_SHARD_COUNT),
    );
    expect(pending.fromLog).toBe(true);
    expect(pending.docs.find((d) => d.id === ID)?.record.title).toContain('quokka');
    await store.close();
  });
});
