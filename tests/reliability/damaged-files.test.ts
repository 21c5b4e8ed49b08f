import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.js';
import { paperShardFile, QUARANTINE_DIR } from '../../electron/library/storage/layout.js';
import { fixedDeps } from '../helpers/fixed-deps.js';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { tempDir } from '../helpers/temp-dir.js';

const DAMAGE: ReadonlyArray<[string, (good: Buffer) => Buffer]> = [
  ['empty', () => Buffer.alloc(0)],
  ['truncated', (good) => good.subarray(0, Math.floor(good.length / 3))],
  ['NUL-filled', (good) => Buffer.alloc(good.length)],
  ['trailing garbage', (good) => Buffer.concat([good, Buffer.from('}}garbage\u0000')])],
  ['null', () => Buffer.from('null')],
  ['wrong shape', () => Buffer.from('{"version": 1, "papers": [1, 2, 3]}')],
  ['binary', () => Buffer.from([0xff, 0xfe, 0x00, 0x81, 0x9c, 0x01])],
];

/** A library with the sample digest and an edit on one paper, so its shard has a previous version. */
async function libraryWithHistory() {
  const dir = await tempDir();
  const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
  const { ids } = await library.imports.run({
    text: await readFile(SAMPLE_DIGEST_PATH, 'utf8'),
    format: 'digest',
    fileName: null,
    tags: [],
    dryRun: false,
  });
  const id = ids[0] ?? '';
  // Closed in between: the import's shards are written at its close, and the edit's at the next, over them.
  await library.close();
  const again = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
  await again.papers.addTags(id, ['before-damage']);
  await again.close();
  return { dir, id };
}

describe('damaged data files', () => {
  for (const [name, damage] of DAMAGE) {
    it(`${name}: the original bytes are kept, the previous version restored, the user told, nothing overwritten`, async () => {
      const { dir, id } = await libraryWithHistory();
      const file = paperShardFile(dir, id);
      const bad = damage(await readFile(file));
      await writeFile(file, bad);

      const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
      const papers = await library.papers.records();
      expect(library.notices.map((n) => n.message).join('\n')).toContain(file);
      expect(library.notices[0]?.message).toMatch(/kept at .*quarantine/);
      const kept = await readdir(path.join(dir, QUARANTINE_DIR));
      expect(kept).toHaveLength(1);
      expect(await readFile(path.join(dir, QUARANTINE_DIR, kept[0] ?? ''))).toEqual(bad);
      // The previous version of the shard is back: the paper is there, as it was before its last edit.
      expect(papers.find((p) => p.id === id)).toBeDefined();
      expect(papers).toHaveLength(76);
      await library.close();
    });
  }

  it('BOM: a file that starts with a byte-order mark is read as it is, nothing lost', async () => {
    const { dir, id } = await libraryWithHistory();
    const file = paperShardFile(dir, id);
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await readFile(file)]));
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    expect((await library.papers.get(id)).tags).toEqual(['before-damage']);
    expect(library.notices).toEqual([]);
    await library.close();
  });

  it('newer schema version: opened read-only with a message, never migrated down', async () => {
    const { dir, id } = await libraryWithHistory();
    const manifest = path.join(dir, 'margin.json');
    const text = (await readFile(manifest, 'utf8')).replace('"version": 1', '"version": 7');
    await writeFile(manifest, text);
    const result = await runMargin(['tag', id, 'x', '--library', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/newer Margin \(library version 7; this one knows 1\)/);
    expect(await readFile(manifest, 'utf8')).toBe(text);
  });
});

describe('backups', () => {
  it('are taken before an import, listed, and restored (after backing up the present)', async () => {
    const { dir, id } = await libraryWithHistory();
    const list = JSON.parse((await runMargin(['backup', 'list', '--json', '--library', dir])).stdout) as Array<{
      name: string;
      reason: string;
    }>;
    // The first edit made an hourly backup.
    expect(list.map((b) => b.reason)).toContain('hourly');
    const beforeImport = await runMargin(['import', '-', '--library', dir], {
      input: 'A New Paper Title\n\nA new abstract sentence for it.',
    });
    expect(beforeImport.code).toBe(0);
    const after = JSON.parse((await runMargin(['backup', 'list', '--json', '--library', dir])).stdout) as Array<{
      name: string;
      reason: string;
    }>;
    const importBackup = after.find((b) => b.reason === 'import');
    expect(importBackup).toBeDefined();
    expect((JSON.parse((await runMargin(['list', '--json', '--library', dir])).stdout) as unknown[]).length).toBe(77);

    const restored = await runMargin(['backup', 'restore', importBackup?.name ?? '', '--library', dir]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^restored .*backed up first/);
    const papers = JSON.parse((await runMargin(['list', '--json', '--library', dir])).stdout) as Array<{
      id: string;
      tags: string[];
    }>;
    expect(papers).toHaveLength(76);
    expect(papers.find((p) => p.id === id)?.tags).toEqual(['before-damage']);
    const finalList = JSON.parse((await runMargin(['backup', 'list', '--json', '--library', dir])).stdout) as Array<{
      reason: string;
    }>;
    expect(finalList.map((b) => b.reason)).toContain('before-restore');
    expect((await runMargin(['backup', 'restore', 'no-such', '--library', dir])).stderr).toMatch(
      /no backup named no-such/,
    );
  });
});
