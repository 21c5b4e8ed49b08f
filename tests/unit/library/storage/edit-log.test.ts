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
import { loggedEditsByShard } from '../../../../electron/library/storage/edit-log.js';
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
    // More papers than the log takes: written through the journal into the shards.
    await store.commit({ records: ids.map((id) => paperRecord(id, { title: `Bulk ${id}` })), contents: new Map() });
    await expect(stat(path.join(dir, EDIT_LOG_FILE))).rejects.toThrow();
    await expect(stat(path.join(dir, JOURNAL_FILE))).rejects.toThrow();
    const reopened = await open(await crashImage(dir));
    expect((await reopened.getRecord(ID))?.title).toBe(`Bulk ${ID}`);
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
    const logged = await readShardTexts(dir, shard, DEFAULT_SHARD_COUNT, loggedEditsByShard(dir, DEFAULT_SHARD_COUNT));
    expect(logged.fromLog).toBe(true);
    expect(logged.docs.find((d) => d.id === ID)?.record.title).toContain('zeppelin');
    await store.exclusive((writer) => writer.writeLogged());
    const written = await readShardTexts(dir, shard, DEFAULT_SHARD_COUNT, loggedEditsByShard(dir, DEFAULT_SHARD_COUNT));
    expect(written.fromLog).toBe(false);
    expect(written.docs.find((d) => d.id === ID)?.record.title).toContain('zeppelin');
    expect(written.stamp).not.toEqual(logged.stamp);
    await store.close();
  });
});
