import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  finishSnapshot,
  KEEP_SNAPSHOTS,
  listSnapshots,
  restoreSnapshot,
  SNAPSHOTS_DIR,
  stageSnapshot,
  takeSnapshot,
  type SnapshotInfo,
} from '../../../../electron/library/storage/snapshots.js';
import { LibraryError } from '../../../../electron/library/storage/errors.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** Hard links fail while `failLinks` is set, as they do across devices or on file systems without them. */
const fsControl = vi.hoisted(() => ({ failLinks: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const link: typeof actual.link = async (from, to) => {
    if (fsControl.failLinks)
      throw Object.assign(new Error(`EXDEV: cross-device link not permitted, link '${String(from)}'`), {
        code: 'EXDEV',
      });
    return actual.link(from, to);
  };
  return { ...actual, link, default: { ...actual, link } };
});

const NOW = new Date('2026-11-27T09:00:00.000Z');
const STAMP = '2026-11-27T09-00-00-000Z';

const MANIFEST = { format: 'margin-library', version: 1, shardCount: 2, createdAt: '2026-01-01T00:00:00.000Z' };

/** A small library written by hand: a manifest, two paper shards and one content shard. */
async function makeLibrary(): Promise<string> {
  const dir = await tempDir('margin-snapshots-');
  await mkdir(path.join(dir, 'papers'));
  await mkdir(path.join(dir, 'contents'));
  await writeJson(path.join(dir, 'margin.json'), MANIFEST);
  await writeJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'first' } });
  await writeJson(path.join(dir, 'papers', '1.json'), { version: 1, papers: { b: 'second' } });
  await writeJson(path.join(dir, 'contents', '0.json'), { version: 1, contents: { a: 'abstract' } });
  return dir;
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFile(file, JSON.stringify(value));
}

/** Replace a file the way the library does: a new file renamed over the old one, never written in place. */
async function replaceJson(file: string, value: unknown): Promise<void> {
  await writeJson(`${file}.new`, value);
  await rename(`${file}.new`, file);
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8'));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function tree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return out.sort();
}

const snapshotDir = (dir: string, name: string) => path.join(dir, SNAPSHOTS_DIR, name);

/** The error a promise rejects with, checked to be a LibraryError. */
async function libraryError(promise: Promise<unknown>): Promise<LibraryError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof LibraryError)) throw new Error(`expected a LibraryError, got ${String(error)}`);
  return error;
}

/** A clock one minute apart for each snapshot. */
const minute = (n: number) => new Date(NOW.getTime() + n * 60_000);

describe('takeSnapshot', () => {
  it('publishes a backup of the shards and the manifest under a name of its time and reason', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    expect(SNAPSHOTS_DIR).toBe(path.join('backups', 'snapshots'));
    expect(info).toEqual({ name: `${STAMP}-manual`, reason: 'manual', createdAt: NOW.toISOString(), files: 4 });
    expect(await readdir(path.join(dir, SNAPSHOTS_DIR))).toEqual([`${STAMP}-manual`]);
    expect(await tree(snapshotDir(dir, info.name))).toEqual([
      'backup.json',
      'contents/0.json',
      'margin.json',
      'papers/0.json',
      'papers/1.json',
    ]);
    expect(await readJson(path.join(snapshotDir(dir, info.name), 'papers', '1.json'))).toEqual({
      version: 1,
      papers: { b: 'second' },
    });
    expect(await readFile(path.join(snapshotDir(dir, info.name), 'backup.json'), 'utf8')).toBe(
      `${JSON.stringify(info, null, 2)}\n`,
    );
  });

  it('links the files instead of copying them', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    for (const file of ['margin.json', 'papers/0.json', 'papers/1.json', 'contents/0.json']) {
      const original = await stat(path.join(dir, file));
      const backedUp = await stat(path.join(snapshotDir(dir, info.name), file));
      expect(backedUp.ino).toBe(original.ino);
      expect(original.nlink).toBe(2);
    }
  });

  it('copies the files when they cannot be linked', async () => {
    const dir = await makeLibrary();
    fsControl.failLinks = true;
    let info: SnapshotInfo;
    try {
      info = await takeSnapshot(dir, 'manual', NOW);
    } finally {
      fsControl.failLinks = false;
    }
    expect(info.files).toBe(4);
    for (const file of ['margin.json', 'papers/0.json', 'papers/1.json', 'contents/0.json']) {
      const original = await stat(path.join(dir, file));
      const backedUp = await stat(path.join(snapshotDir(dir, info.name), file));
      expect(backedUp.ino).not.toBe(original.ino);
      expect(original.nlink).toBe(1);
      expect(await readFile(path.join(snapshotDir(dir, info.name), file), 'utf8')).toBe(
        await readFile(path.join(dir, file), 'utf8'),
      );
    }
  });

  it('keeps the state at backup time when the library later replaces its files', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'edited' } });
    await rm(path.join(dir, 'papers', '1.json'));
    expect(await readJson(path.join(snapshotDir(dir, info.name), 'papers', '0.json'))).toEqual({
      version: 1,
      papers: { a: 'first' },
    });
    expect(await exists(path.join(snapshotDir(dir, info.name), 'papers', '1.json'))).toBe(true);
  });

  it('takes saved searches and distinct pairs along when they exist', async () => {
    const dir = await makeLibrary();
    await writeJson(path.join(dir, 'searches.json'), { version: 1, searches: [] });
    await writeJson(path.join(dir, 'distinct.json'), { version: 1, pairs: [] });
    const info = await takeSnapshot(dir, 'manual', NOW);
    expect(info.files).toBe(6);
    expect(await readdir(snapshotDir(dir, info.name))).toEqual(
      expect.arrayContaining(['searches.json', 'distinct.json']),
    );
  });

  it('leaves out what is not a library data file: other files, conflicted copies, the journal, quarantine and earlier backups', async () => {
    const dir = await makeLibrary();
    await writeFile(path.join(dir, 'papers', 'notes.txt'), 'not json');
    await writeFile(path.join(dir, 'papers', '0.json.tmp'), '{}');
    // Cloud drives' conflicted copies, even unreadable ones, are merged elsewhere: never in a backup.
    await writeFile(path.join(dir, 'papers', '0 (conflicted copy).json'), 'not json at all');
    await writeFile(path.join(dir, 'contents', '0.sync-conflict-20260102-123456-ABCDEFG.json'), '{');
    await writeJson(path.join(dir, 'journal.json'), { version: 1, papers: {}, contents: {} });
    await writeJson(path.join(dir, 'other.json'), {});
    await mkdir(path.join(dir, 'quarantine'));
    await writeJson(path.join(dir, 'quarantine', 'bad.json'), {});
    const first = await takeSnapshot(dir, 'first', NOW);
    const second = await takeSnapshot(dir, 'second', minute(1));
    expect(second.files).toBe(4);
    expect(await tree(snapshotDir(dir, second.name))).toEqual(await tree(snapshotDir(dir, first.name)));
    expect(await tree(snapshotDir(dir, second.name))).toEqual([
      'backup.json',
      'contents/0.json',
      'margin.json',
      'papers/0.json',
      'papers/1.json',
    ]);
  });

  it('backs up a library with no shards yet, keeping its empty folders', async () => {
    const dir = await tempDir('margin-snapshots-');
    await writeJson(path.join(dir, 'margin.json'), MANIFEST);
    const info = await takeSnapshot(dir, 'manual', NOW);
    expect(info.files).toBe(1);
    expect((await readdir(snapshotDir(dir, info.name))).sort()).toEqual([
      'backup.json',
      'contents',
      'margin.json',
      'papers',
    ]);
    expect(await readdir(path.join(snapshotDir(dir, info.name), 'papers'))).toEqual([]);
  });

  it('counts nothing in a folder that holds no library at all', async () => {
    const dir = await tempDir('margin-snapshots-');
    const info = await takeSnapshot(dir, 'manual', NOW);
    expect(info.files).toBe(0);
    expect(await listSnapshots(dir)).toEqual([info]);
  });

  it.each([
    ['before-restore', 'before-restore'],
    ['Before Restore!', 'Before-Restore-'],
    ['../../etc/passwd', '-etc-passwd'],
    ['résumé', 'r-sum-'],
    ['', ''],
    ['a'.repeat(40), 'a'.repeat(30)],
    ['import of digest 2026-11-27 (cs.CL)', 'import-of-digest-2026-11-27-cs'],
  ])('names a backup for reason %j with %j, keeping the reason as given', async (reason, part) => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, reason, NOW);
    expect(info.name).toBe(`${STAMP}-${part}`);
    expect(info.reason).toBe(reason);
    expect(await readdir(path.join(dir, SNAPSHOTS_DIR))).toEqual([info.name]);
  });

  it('numbers backups taken at the same moment for the same reason', async () => {
    const dir = await makeLibrary();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((await takeSnapshot(dir, 'manual', NOW)).name);
    expect(names).toEqual([`${STAMP}-manual`, `${STAMP}-manual-0002`, `${STAMP}-manual-0003`]);
    expect((await readdir(path.join(dir, SNAPSHOTS_DIR))).sort()).toEqual(names);
  });

  it('keeps the newest when more than ten are taken in the same millisecond', async () => {
    const dir = await makeLibrary();
    const names: string[] = [];
    for (let i = 0; i < KEEP_SNAPSHOTS + 2; i++) names.push((await takeSnapshot(dir, 'manual', NOW)).name);
    const listed = (await listSnapshots(dir)).map((s) => s.name);
    expect(listed).toEqual(names.slice(2).reverse());
    // The last one taken is still there, and its name was never used before.
    expect(new Set(names).size).toBe(names.length);
    expect(await exists(snapshotDir(dir, names.at(-1) ?? ''))).toBe(true);
  });

  it('refuses a library file that does not read back, and publishes nothing', async () => {
    const dir = await makeLibrary();
    await writeFile(path.join(dir, 'papers', '1.json'), '{"version": 1, "papers": {');
    const error = await libraryError(takeSnapshot(dir, 'manual', NOW));
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe(
      `backup file ${path.join(snapshotDir(dir, `${STAMP}-manual.partial`), 'papers', '1.json')} does not read back; the backup was not kept`,
    );
    expect(await listSnapshots(dir)).toEqual([]);
    expect(await exists(snapshotDir(dir, `${STAMP}-manual`))).toBe(false);
  });

  it('refuses a corrupt manifest too', async () => {
    const dir = await makeLibrary();
    await writeFile(path.join(dir, 'margin.json'), 'margin');
    expect((await libraryError(takeSnapshot(dir, 'manual', NOW))).code).toBe('corrupt');
    expect(await listSnapshots(dir)).toEqual([]);
  });

  it('rejects an invalid date before writing anything', async () => {
    const dir = await makeLibrary();
    await expect(takeSnapshot(dir, 'manual', new Date(Number.NaN))).rejects.toThrow(RangeError);
    expect(await exists(path.join(dir, 'backups'))).toBe(false);
  });
});

describe('stageSnapshot and finishSnapshot', () => {
  it('stage into a .partial folder that is not listed until finished', async () => {
    const dir = await makeLibrary();
    const staged = await stageSnapshot(dir, 'import', NOW);
    expect(staged).toEqual({
      info: { name: `${STAMP}-import`, reason: 'import', createdAt: NOW.toISOString(), files: 4 },
      staging: `${snapshotDir(dir, `${STAMP}-import`)}.partial`,
      target: snapshotDir(dir, `${STAMP}-import`),
    });
    expect(await readdir(path.join(dir, SNAPSHOTS_DIR))).toEqual([`${STAMP}-import.partial`]);
    expect(await exists(path.join(staged.staging, 'backup.json'))).toBe(false);
    expect(await listSnapshots(dir)).toEqual([]);

    expect(await finishSnapshot(dir, staged)).toEqual(staged.info);
    expect(await readdir(path.join(dir, SNAPSHOTS_DIR))).toEqual([`${STAMP}-import`]);
    expect(await listSnapshots(dir)).toEqual([staged.info]);
  });

  it('keep the state at staging time while edits go on before the finish', async () => {
    const dir = await makeLibrary();
    const staged = await stageSnapshot(dir, 'import', NOW);
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'during' } });
    await writeJson(path.join(dir, 'papers', '2.json'), { version: 1, papers: { c: 'new' } });
    const info = await finishSnapshot(dir, staged);
    expect(info.files).toBe(4);
    expect(await readJson(path.join(staged.target, 'papers', '0.json'))).toEqual({
      version: 1,
      papers: { a: 'first' },
    });
    expect(await exists(path.join(staged.target, 'papers', '2.json'))).toBe(false);
  });

  it('clear a stale .partial folder of the same name before staging', async () => {
    const dir = await makeLibrary();
    const stale = `${snapshotDir(dir, `${STAMP}-manual`)}.partial`;
    await mkdir(path.join(stale, 'papers'), { recursive: true });
    await writeFile(path.join(stale, 'papers', 'junk.json'), 'not json at all');
    const info = await takeSnapshot(dir, 'manual', NOW);
    expect(info.name).toBe(`${STAMP}-manual`);
    expect(await tree(snapshotDir(dir, info.name))).not.toContain('papers/junk.json');
    expect(await exists(stale)).toBe(false);
  });

  it('finish refuses a staged file that no longer reads back, and does not publish', async () => {
    const dir = await makeLibrary();
    const staged = await stageSnapshot(dir, 'import', NOW);
    // Replaced in the staging folder only: it is a link, so writing in place would damage the library too.
    await rm(path.join(staged.staging, 'contents', '0.json'));
    await writeFile(path.join(staged.staging, 'contents', '0.json'), '');
    const error = await libraryError(finishSnapshot(dir, staged));
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain(path.join(staged.staging, 'contents', '0.json'));
    expect(await exists(staged.target)).toBe(false);
    expect(await readJson(path.join(dir, 'contents', '0.json'))).toEqual({ version: 1, contents: { a: 'abstract' } });
  });
});

describe('listSnapshots', () => {
  it('answers nothing when there are no backups yet', async () => {
    expect(await listSnapshots(await makeLibrary())).toEqual([]);
    expect(await listSnapshots(path.join(await tempDir(), 'no-such-library'))).toEqual([]);
  });

  it('lists the newest first', async () => {
    const dir = await makeLibrary();
    const middle = await takeSnapshot(dir, 'b', minute(1));
    const oldest = await takeSnapshot(dir, 'c', minute(0));
    const newest = await takeSnapshot(dir, 'a', minute(2));
    expect(await listSnapshots(dir)).toEqual([newest, middle, oldest]);
  });

  it('lists only folders whose backup.json reads as one', async () => {
    const dir = await makeLibrary();
    const good = await takeSnapshot(dir, 'good', minute(0));
    const root = path.join(dir, SNAPSHOTS_DIR);
    const broken = async (name: string, backupJson: string | null) => {
      await mkdir(path.join(root, name));
      if (backupJson !== null) await writeFile(path.join(root, name, 'backup.json'), backupJson);
    };
    await broken('9-no-backup-json', null);
    await broken('9-not-json', '{"name": ');
    await broken('9-missing-field', JSON.stringify({ name: 'x', reason: 'y', createdAt: 'z' }));
    await broken('9-negative-files', JSON.stringify({ name: 'x', reason: 'y', createdAt: 'z', files: -1 }));
    await broken('9-fractional-files', JSON.stringify({ name: 'x', reason: 'y', createdAt: 'z', files: 1.5 }));
    await broken('9-wrong-type', JSON.stringify({ name: 5, reason: [], createdAt: 'z', files: 1 }));
    await broken('9-null', 'null');
    await writeFile(path.join(root, '9-a-stray-file'), 'x');
    await broken(
      '9-finished-but-partial.partial',
      JSON.stringify({ name: 'p', reason: 'p', createdAt: 'p', files: 0 }),
    );
    expect(await listSnapshots(dir)).toEqual([good]);
  });

  it('answers only the fields of a backup, dropping anything else in backup.json', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    const file = path.join(snapshotDir(dir, info.name), 'backup.json');
    await writeJson(file, { ...info, extra: 'ignored' });
    expect(await listSnapshots(dir)).toEqual([
      { name: `${STAMP}-manual`, reason: 'manual', createdAt: NOW.toISOString(), files: 4 },
    ]);
  });
});

describe('keeping the newest backups', () => {
  it(`keeps ${KEEP_SNAPSHOTS} and removes the oldest folders`, async () => {
    expect(KEEP_SNAPSHOTS).toBe(10);
    const dir = await makeLibrary();
    const taken: SnapshotInfo[] = [];
    for (let i = 0; i < 12; i++) taken.push(await takeSnapshot(dir, `n${i}`, minute(i)));
    const kept = taken.slice(2).reverse();
    expect(await listSnapshots(dir)).toEqual(kept);
    expect((await readdir(path.join(dir, SNAPSHOTS_DIR))).sort()).toEqual(kept.map((s) => s.name).sort());
  });

  it('removes one at a time as each new backup is published', async () => {
    const dir = await makeLibrary();
    for (let i = 0; i < KEEP_SNAPSHOTS; i++) await takeSnapshot(dir, 'n', minute(i));
    expect(await listSnapshots(dir)).toHaveLength(KEEP_SNAPSHOTS);
    await takeSnapshot(dir, 'n', minute(100));
    const names = (await listSnapshots(dir)).map((s) => s.name);
    expect(names).toHaveLength(KEEP_SNAPSHOTS);
    expect(names[0]).toBe('2026-11-27T10-40-00-000Z-n');
    expect(names).not.toContain(`${STAMP}-n`);
    expect(names.at(-1)).toBe('2026-11-27T09-01-00-000Z-n');
  });

  it('does not count or remove folders that are not backups, nor staged ones', async () => {
    const dir = await makeLibrary();
    const root = path.join(dir, SNAPSHOTS_DIR);
    await mkdir(path.join(root, '0000-damaged'), { recursive: true });
    await writeFile(path.join(root, '0000-damaged', 'keep.txt'), 'x');
    const staged = await stageSnapshot(dir, 'pending', minute(-1));
    for (let i = 0; i < KEEP_SNAPSHOTS; i++) await takeSnapshot(dir, 'n', minute(i));
    expect(await listSnapshots(dir)).toHaveLength(KEEP_SNAPSHOTS);
    expect(await exists(path.join(root, '0000-damaged', 'keep.txt'))).toBe(true);
    expect(await exists(staged.staging)).toBe(true);
  });
});

describe('restoreSnapshot', () => {
  it('puts back every file as it was, moves files added since into quarantine, and answers the backup', async () => {
    const dir = await makeLibrary();
    await writeJson(path.join(dir, 'searches.json'), { version: 1, searches: ['before'] });
    const info = await takeSnapshot(dir, 'manual', NOW);

    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'edited' } });
    await rm(path.join(dir, 'papers', '1.json'));
    await writeJson(path.join(dir, 'papers', '2.json'), { version: 1, papers: { c: 'added later' } });
    await writeJson(path.join(dir, 'contents', '5.json'), { version: 1, contents: { c: 'later' } });
    await replaceJson(path.join(dir, 'searches.json'), { version: 1, searches: ['after'] });
    await replaceJson(path.join(dir, 'margin.json'), { ...MANIFEST, version: 2 });

    expect(await restoreSnapshot(dir, info.name)).toEqual(info);

    expect(await readJson(path.join(dir, 'papers', '0.json'))).toEqual({ version: 1, papers: { a: 'first' } });
    expect(await readJson(path.join(dir, 'papers', '1.json'))).toEqual({ version: 1, papers: { b: 'second' } });
    expect(await readJson(path.join(dir, 'searches.json'))).toEqual({ version: 1, searches: ['before'] });
    expect(await readJson(path.join(dir, 'margin.json'))).toEqual(MANIFEST);
    expect((await readdir(path.join(dir, 'papers'))).sort()).toEqual(['0.json', '1.json']);
    expect(await readdir(path.join(dir, 'contents'))).toEqual(['0.json']);
    expect((await readdir(path.join(dir, 'quarantine'))).sort()).toEqual([
      `restored-over-${info.name}-contents-5.json`,
      `restored-over-${info.name}-papers-2.json`,
    ]);
    expect(await readJson(path.join(dir, 'quarantine', `restored-over-${info.name}-papers-2.json`))).toEqual({
      version: 1,
      papers: { c: 'added later' },
    });
  });

  it('leaves no temp files behind and the library files unlinked from the backup', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await restoreSnapshot(dir, info.name);
    expect(await tree(dir)).toEqual([
      ...(await tree(snapshotDir(dir, info.name))).map((f) => `backups/snapshots/${info.name}/${f}`),
      'contents/0.json',
      'margin.json',
      'papers/0.json',
      'papers/1.json',
    ]);
    for (const file of ['margin.json', 'papers/0.json', 'contents/0.json']) {
      const restored = await stat(path.join(dir, file));
      expect(restored.ino).not.toBe((await stat(path.join(snapshotDir(dir, info.name), file))).ino);
    }
    // So an edit written in place after the restore cannot reach into the backup.
    await writeFile(path.join(dir, 'papers', '0.json'), JSON.stringify({ version: 1, papers: { a: 'in place' } }));
    expect(await readJson(path.join(snapshotDir(dir, info.name), 'papers', '0.json'))).toEqual({
      version: 1,
      papers: { a: 'first' },
    });
  });

  it('leaves the backup as it was, so it can be restored again', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    const before = await tree(snapshotDir(dir, info.name));
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'one' } });
    await restoreSnapshot(dir, info.name);
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'two' } });
    await restoreSnapshot(dir, info.name);
    expect(await tree(snapshotDir(dir, info.name))).toEqual(before);
    expect(await readJson(path.join(dir, 'papers', '0.json'))).toEqual({ version: 1, papers: { a: 'first' } });
    expect(await listSnapshots(dir)).toEqual([info]);
  });

  it('leaves files that are not library data alone', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await writeFile(path.join(dir, 'papers', 'README.txt'), 'mine');
    await restoreSnapshot(dir, info.name);
    expect(await readFile(path.join(dir, 'papers', 'README.txt'), 'utf8')).toBe('mine');
    expect(await exists(path.join(dir, 'quarantine'))).toBe(false);
  });

  it('refuses a name that is not a backup, naming it and where it looked, and changes nothing', async () => {
    const dir = await makeLibrary();
    await takeSnapshot(dir, 'manual', NOW);
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'kept' } });
    const error = await libraryError(restoreSnapshot(dir, 'nope'));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      `no backup named nope in ${path.join(dir, SNAPSHOTS_DIR)}; margin backup list shows them`,
    );
    expect(await readJson(path.join(dir, 'papers', '0.json'))).toEqual({ version: 1, papers: { a: 'kept' } });
  });

  it('refuses a staged backup that was never finished', async () => {
    const dir = await makeLibrary();
    const staged = await stageSnapshot(dir, 'manual', NOW);
    expect((await libraryError(restoreSnapshot(dir, `${staged.info.name}.partial`))).code).toBe('not-found');
    expect((await libraryError(restoreSnapshot(dir, staged.info.name))).code).toBe('not-found');
  });

  it('refuses a backup whose folder was removed', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await rm(snapshotDir(dir, info.name), { recursive: true });
    expect((await libraryError(restoreSnapshot(dir, info.name))).code).toBe('not-found');
    expect(await readdir(path.join(dir, 'papers'))).toEqual(['0.json', '1.json']);
  });

  it('refuses a backup whose backup.json is damaged', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await writeFile(path.join(snapshotDir(dir, info.name), 'backup.json'), '{"name": "');
    expect((await libraryError(restoreSnapshot(dir, info.name))).code).toBe('not-found');
  });

  it('refuses a backup with a file that does not read back, before changing anything', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'current' } });
    await writeJson(path.join(dir, 'papers', '7.json'), { version: 1, papers: {} });
    const damaged = path.join(snapshotDir(dir, info.name), 'papers', '1.json');
    await rm(damaged);
    await writeFile(damaged, '{"version": 1, "pap');

    const error = await libraryError(restoreSnapshot(dir, info.name));
    expect(error.code).toBe('corrupt');
    expect(error.message).toBe(`backup file ${damaged} does not read back; the backup was not kept`);
    expect(await readJson(path.join(dir, 'papers', '0.json'))).toEqual({ version: 1, papers: { a: 'current' } });
    expect((await readdir(path.join(dir, 'papers'))).sort()).toEqual(['0.json', '1.json', '7.json']);
    expect(await exists(path.join(dir, 'quarantine'))).toBe(false);
  });

  it('looks only in the backups folder, whatever path the name carries', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    // A finished-looking backup outside the backups folder is never restored from.
    const outside = path.join(dir, 'elsewhere');
    await mkdir(path.join(outside, 'papers'), { recursive: true });
    await writeJson(path.join(outside, 'backup.json'), { name: 'elsewhere', reason: 'x', createdAt: 'x', files: 0 });
    expect((await libraryError(restoreSnapshot(dir, '../../elsewhere'))).code).toBe('not-found');
    expect((await libraryError(restoreSnapshot(dir, outside))).code).toBe('not-found');
    expect(await readdir(path.join(dir, 'papers'))).toEqual(['0.json', '1.json']);

    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'edited' } });
    expect(await restoreSnapshot(dir, `some/where/${info.name}`)).toEqual(info);
    expect(await readJson(path.join(dir, 'papers', '0.json'))).toEqual({ version: 1, papers: { a: 'first' } });
  });

  it('restores a copied backup as well as a linked one', async () => {
    const dir = await makeLibrary();
    fsControl.failLinks = true;
    let info: SnapshotInfo;
    try {
      info = await takeSnapshot(dir, 'manual', NOW);
    } finally {
      fsControl.failLinks = false;
    }
    await replaceJson(path.join(dir, 'contents', '0.json'), { version: 1, contents: { a: 'rewritten' } });
    await restoreSnapshot(dir, info.name);
    expect(await readJson(path.join(dir, 'contents', '0.json'))).toEqual({ version: 1, contents: { a: 'abstract' } });
  });
});

describe('with a library written by the store', () => {
  it('restores the records and contents the store had at backup time', async () => {
    const dir = await tempDir('margin-snapshots-');
    const ids = await seedSyntheticLibrary(dir, 30);
    const open = () => LibraryStore.open({ dir, mode: 'write', holder: 'test', now: () => NOW });

    let store = await open();
    const records = await store.allRecords();
    const contents = await store.allContents();
    await store.close();
    expect(records).toHaveLength(30);

    const info = await takeSnapshot(dir, 'manual', NOW);
    const shards = async (sub: string) => (await readdir(path.join(dir, sub))).filter((f) => f.endsWith('.json'));
    const shardFiles = [...(await shards('papers')), ...(await shards('contents'))];
    expect(shardFiles.length).toBeGreaterThan(1);
    expect(info.files).toBe(shardFiles.length + 1);

    store = await open();
    const first = records.find((r) => r.id === ids[0]);
    if (!first) throw new Error('seeded paper missing');
    await store.commit({
      records: [{ ...first, title: 'Changed after the backup', tags: ['later'] }],
      contents: new Map(),
      deleted: [ids[1] ?? ''],
    });
    expect((await store.getRecord(first.id))?.title).toBe('Changed after the backup');
    await store.close();

    await restoreSnapshot(dir, info.name);

    store = await open();
    const restored = await store.allRecords();
    const byId = (list: readonly { id: string }[]) => [...list].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(restored)).toEqual(byId(records));
    expect(await store.allContents()).toEqual(contents);
    await store.close();
  });
});

describe('restoring a damaged or moved backup', () => {
  it('refuses a backup without its papers or contents folder, and changes nothing', async () => {
    for (const missing of ['papers', 'contents']) {
      const dir = await makeLibrary();
      const info = await takeSnapshot(dir, 'manual', NOW);
      const before = await tree(dir);
      await rm(path.join(snapshotDir(dir, info.name), missing), { recursive: true });
      const error = await libraryError(restoreSnapshot(dir, info.name));
      expect(error.code).toBe('corrupt');
      expect(error.message).toContain(`has no ${missing} folder`);
      expect(await exists(path.join(dir, 'quarantine'))).toBe(false);
      expect((await tree(dir)).filter((f) => !f.startsWith('backups/'))).toEqual(
        before.filter((f) => !f.startsWith('backups/')),
      );
    }
  });

  it('knows a backup by its folder: a renamed folder restores under its new name', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await rename(snapshotDir(dir, info.name), snapshotDir(dir, 'moved'));
    expect((await listSnapshots(dir)).map((s) => s.name)).toEqual(['moved']);
    await replaceJson(path.join(dir, 'papers', '0.json'), { version: 1, papers: { a: 'edited' } });
    await restoreSnapshot(dir, 'moved');
    expect(await readJson(path.join(dir, 'papers', '0.json'))).toEqual({ version: 1, papers: { a: 'first' } });
  });

  it('never prunes outside the backups folder, whatever name a backup.json carries', async () => {
    const dir = await makeLibrary();
    const first = await takeSnapshot(dir, 'manual', new Date('2020-01-01T00:00:00.000Z'));
    await writeJson(path.join(snapshotDir(dir, first.name), 'backup.json'), { ...first, name: '../..' });
    for (let i = 0; i < KEEP_SNAPSHOTS; i++) await takeSnapshot(dir, `later ${i}`, NOW);
    expect(await exists(path.join(dir, 'papers', '0.json'))).toBe(true);
    expect(await exists(snapshotDir(dir, first.name))).toBe(false);
  });

  it('never overwrites a file already in quarantine', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    for (const version of ['A', 'B']) {
      await writeJson(path.join(dir, 'papers', '2.json'), { version: 1, papers: { c: version } });
      await restoreSnapshot(dir, info.name);
    }
    const kept = (await readdir(path.join(dir, 'quarantine'))).sort();
    expect(kept).toHaveLength(2);
    const versions = await Promise.all(kept.map((f) => readJson(path.join(dir, 'quarantine', f))));
    expect(versions).toEqual(
      expect.arrayContaining([
        { version: 1, papers: { c: 'A' } },
        { version: 1, papers: { c: 'B' } },
      ]),
    );
  });

  it('sets aside saved searches made after the backup, as it does shards', async () => {
    const dir = await makeLibrary();
    const info = await takeSnapshot(dir, 'manual', NOW);
    await writeJson(path.join(dir, 'searches.json'), { version: 1, searches: ['later'] });
    await restoreSnapshot(dir, info.name);
    expect(await exists(path.join(dir, 'searches.json'))).toBe(false);
    expect(await readdir(path.join(dir, 'quarantine'))).toEqual([`restored-over-${info.name}-searches.json`]);
  });
});
