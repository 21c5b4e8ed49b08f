import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictedCopies, conflictedCopyOf } from '../../../../electron/library/storage/conflicted-copies.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** Shards of a library with 4096 shards are `000.json` … `fff.json`. */
const isShard = (name: string) => /^[0-9a-f]{3}\.json$/.test(name);

describe('conflictedCopyOf', () => {
  it.each([
    ['000 (conflicted copy).json', '000.json', 'dropbox'],
    ["000 (Someone's conflicted copy 2026-01-02).json", '000.json', 'dropbox'],
    ['0a3 (Jane Doe\u2019s conflicted copy 2026-01-02).json', '0a3.json', 'dropbox'],
    ["0a3 (Jane's conflicted copy 2026-01-02 (1)).json", '0a3.json', 'dropbox'],
    ['000.sync-conflict-20260102-123456-ABCDEFG.json', '000.json', 'syncthing'],
    ['000-DESKTOP-ABC.json', '000.json', 'onedrive'],
    ['fff-LAPTOP-7-2.json', 'fff.json', 'onedrive'],
    ['000 2.json', '000.json', 'icloud'],
    ['00f 13.json', '00f.json', 'icloud'],
  ])('reads %s as a copy of %s made by %s', (name, original, drive) => {
    expect(conflictedCopyOf(name, isShard)).toEqual({ name, original, drive });
  });

  it.each([
    '000.json', // the shard itself
    '000 1.json', // iCloud numbers from 2
    'zzz (conflicted copy).json', // a copy of no file of the library
    '000.json.tmp',
    '.000.json.1234.abcdef.tmp',
    '000 (copy).json',
    '000.sync-conflict-2026-123456-ABCDEFG.json',
    '000-.json',
  ])('leaves %s alone', (name) => {
    expect(conflictedCopyOf(name, isShard)).toBeNull();
  });

  it('knows copies of the library files outside the shards by their names', () => {
    const own = (name: string) => ['searches.json', 'distinct.json'].includes(name);
    expect(conflictedCopyOf('searches (conflicted copy).json', own)?.original).toBe('searches.json');
    expect(conflictedCopyOf('distinct-MY-PC.json', own)?.original).toBe('distinct.json');
  });

  it('lists the copies among a folder listing, in name order', () => {
    expect(
      conflictedCopies(['001.json', '001 2.json', '000 (conflicted copy).json', 'notes.txt'], isShard).map(
        (c) => c.name,
      ),
    ).toEqual(['000 (conflicted copy).json', '001 2.json']);
  });
});

describe('opening a library with conflicted copies beside its files', () => {
  it('names them in a notice, for writers and readers alike', async () => {
    const dir = await tempDir();
    const now = () => new Date('2026-01-01T00:00:00.000Z');
    await (await LibraryStore.open({ dir, mode: 'write', holder: 'test', now })).close();
    await writeFile(path.join(dir, 'papers', '000 (conflicted copy).json'), '{}');
    await mkdir(path.join(dir, 'triage'));
    await writeFile(path.join(dir, 'triage', 'watch.sync-conflict-20260102-123456-ABCDEFG.json'), '{}');
    for (const mode of ['read', 'write'] as const) {
      const store = await LibraryStore.open({ dir, mode, holder: 'test', now });
      expect(store.notices.map((n) => n.message)).toEqual([
        `${dir} holds 2 conflicted copies left by a cloud drive (papers/000 (conflicted copy).json, triage/watch.sync-conflict-20260102-123456-ABCDEFG.json): versions of the library's files changed on two machines at once, which Margin does not read. Run margin sync --conflicted-copies to merge them in.`,
      ]);
      await store.close();
    }
  });
});
