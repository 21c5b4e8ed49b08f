import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SavedSearches } from '../../../../electron/library/saved-searches.js';
import { CONTENTS_DIR, PAPERS_DIR, shardOf, shardFileName } from '../../../../electron/library/storage/layout.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import { listSnapshots } from '../../../../electron/library/storage/snapshots.js';
import {
  CONFLICTED_COPIES_DIR,
  mergeConflictedCopies,
} from '../../../../electron/library/sync/merge-conflicted-copies.js';
import type { PaperContent, PaperRecord } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const now = () => new Date('2026-02-01T00:00:00.000Z');
const T1 = '2026-01-10T00:00:00.000Z';
const T2 = '2026-01-11T00:00:00.000Z';
const A = 'paper0001';

async function open(dir: string): Promise<LibraryStore> {
  return LibraryStore.open({ dir, mode: 'write', holder: 'test', now });
}

/** The name of the shard file holding `id` (the default 1024 shards). */
const shardName = (id: string) => shardFileName(shardOf(id, 1024), 1024);

/** A conflicted copy the way a drive leaves it: the shard's JSON as the other machine wrote it, under another name. */
async function writeCopy(dir: string, folder: string, name: string, data: unknown): Promise<void> {
  await writeFile(path.join(dir, folder, name), `${JSON.stringify(data, null, 2)}\n`);
}

describe('mergeConflictedCopies', () => {
  it('merges a conflicted copy of a papers shard paper by paper, and moves the copy aside', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.putRecord(paperRecord(A, { tags: ['mine'], updatedAt: T1 }));
    const theirs: PaperRecord = paperRecord(A, { tags: ['theirs'], status: 'read', updatedAt: T2 });
    const name = shardName(A).replace('.json', " (Jane's conflicted copy 2026-01-11).json");
    await writeCopy(dir, PAPERS_DIR, name, { version: 1, papers: { [A]: theirs } });

    const [outcome, ...rest] = await mergeConflictedCopies(store, now);

    expect(rest).toEqual([]);
    expect(outcome).toMatchObject({
      copy: `papers/${name}`,
      original: `papers/${shardName(A)}`,
      drive: 'dropbox',
      outcome: 'merged',
      keptAt: `${CONFLICTED_COPIES_DIR}/papers-${name}`,
      papersChanged: 1,
    });
    expect(await store.getRecord(A)).toMatchObject({ tags: ['mine', 'theirs'], status: 'read', updatedAt: T2 });
    expect(await readdir(path.join(dir, PAPERS_DIR))).not.toContain(name);
    await store.close();
    // On disk, not only in memory.
    const reopened = await open(dir);
    expect((await reopened.getRecord(A))?.status).toBe('read');
    await reopened.close();
  });

  it('adds the papers only the copy has, and keeps those only the library has', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.putRecord(paperRecord(A));
    // A paper of the same shard as A, only on the other machine.
    const other = Array.from({ length: 5000 }, (_, i) => `paper${String(i).padStart(5, '0')}x`).find(
      (id) => id !== A && shardName(id) === shardName(A),
    );
    if (other === undefined) throw new Error('no id in the same shard');
    await writeCopy(dir, PAPERS_DIR, shardName(A).replace('.json', ' 2.json'), {
      version: 1,
      papers: { [other]: paperRecord(other) },
    });
    const [outcome] = await mergeConflictedCopies(store, now);
    expect(outcome).toMatchObject({ drive: 'icloud', outcome: 'merged', papersChanged: 1 });
    expect((await store.allRecords()).map((r) => r.id).sort()).toEqual([A, other].sort());
    await store.close();
  });

  it('keeps both versions of a note both machines changed, and the counts follow the merged content', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const mine: PaperContent = { abstract: 'x', note: { text: 'my line', updatedAt: T1 }, annotations: [] };
    await store.commit({
      records: [paperRecord(A, { hasNote: true })],
      contents: new Map([[A, mine]]),
    });
    const theirs: PaperContent = { abstract: 'x', note: { text: 'their line', updatedAt: T2 }, annotations: [] };
    await writeCopy(dir, CONTENTS_DIR, shardName(A).replace('.json', '.sync-conflict-20260111-101010-ABCDEFG.json'), {
      version: 1,
      contents: { [A]: theirs },
    });
    const [outcome] = await mergeConflictedCopies(store, now);
    expect(outcome?.drive).toBe('syncthing');
    expect(outcome?.report?.papers[0]?.noteConflicts).toBe(1);
    const note = (await store.getContent(A)).note?.text ?? '';
    expect(note).toContain('my line');
    expect(note).toContain('their line');
    expect(note).toContain('<<<<<<<');
    await store.close();
  });

  it('moves an unreadable copy aside and changes nothing', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.putRecord(paperRecord(A, { status: 'reading' }));
    await store.exclusive((writer) => writer.writeLogged()); // from the edit log into its shard file
    const shard = path.join(dir, PAPERS_DIR, shardName(A));
    const before = await readFile(shard, 'utf8');
    const name = shardName(A).replace('.json', ' (conflicted copy).json');
    await writeFile(path.join(dir, PAPERS_DIR, name), '{"version": 1, "papers": {');
    const [outcome] = await mergeConflictedCopies(store, now);
    expect(outcome).toMatchObject({ outcome: 'unreadable', keptAt: `${CONFLICTED_COPIES_DIR}/papers-${name}` });
    expect(await readFile(shard, 'utf8')).toBe(before);
    expect(await readFile(path.join(dir, CONFLICTED_COPIES_DIR, `papers-${name}`), 'utf8')).toContain('"papers"');
    await store.close();
  });

  it('merges a conflicted copy of the saved searches, and of the triage memory', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const searches = await SavedSearches.open(dir);
    await searches.save('Mine', 'tag:mine');
    await writeCopy(dir, '.', 'searches-DESKTOP-ABC.json', {
      version: 1,
      searches: [{ id: 'theirs1', name: 'Theirs', query: 'tag:theirs' }],
    });
    await mkdir(path.join(dir, 'triage'), { recursive: true });
    await writeCopy(dir, 'triage', 'watch 2.json', {
      version: 1,
      watch: { keywords: ['diffusion'], authors: [], quickTags: [] },
    });
    const outcomes = await mergeConflictedCopies(store, now);
    expect(outcomes.map((o) => [o.copy, o.outcome])).toEqual([
      ['searches-DESKTOP-ABC.json', 'merged'],
      ['triage/watch 2.json', 'merged'],
    ]);
    expect(
      (await SavedSearches.open(dir))
        .list()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Mine', 'Theirs']);
    const watch = JSON.parse(await readFile(path.join(dir, 'triage', 'watch.json'), 'utf8')) as unknown;
    expect(watch).toEqual({ version: 1, watch: { keywords: ['diffusion'], authors: [], quickTags: [] } });
    expect((await readdir(path.join(dir, CONFLICTED_COPIES_DIR))).sort()).toEqual([
      'searches-DESKTOP-ABC.json',
      'triage-watch 2.json',
    ]);
    await store.close();
  });

  it('backs the library up before merging, even beside an unreadable copy a backup could not keep', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.putRecord(paperRecord(A, { tags: ['mine'] }));
    const stem = shardName(A).replace('.json', '');
    await writeFile(path.join(dir, PAPERS_DIR, `${stem} 2.json`), '{"version": 1, "pa');
    await writeCopy(dir, PAPERS_DIR, `${stem} 3.json`, {
      version: 1,
      papers: { [A]: paperRecord(A, { tags: ['theirs'] }) },
    });
    const outcomes = await mergeConflictedCopies(store, now);
    expect(outcomes.map((o) => [o.copy, o.outcome])).toEqual([
      [`papers/${stem} 2.json`, 'unreadable'],
      [`papers/${stem} 3.json`, 'merged'],
    ]);
    expect((await listSnapshots(dir)).map((b) => b.reason)).toEqual(['before-merging-copies']);
    expect((await store.getRecord(A))?.tags).toEqual(['mine', 'theirs']);
    await store.close();
  });

  it('finds nothing to do in a library without copies', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.putRecord(paperRecord(A));
    expect(await mergeConflictedCopies(store, now)).toEqual([]);
    await store.close();
  });
});
