import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('backups hold every file of the library (issue 12, item 6)', () => {
  it('keep the pairs said to be distinct, restore them, and read them again after a restore', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    await library.imports.run({
      text: '@article{a, title={Same Title}, author={Lee, Kim}, year={2020}, doi={10.1000/a}}\n@article{b, title={Same Title}, author={Lee, Kim}, year={2020}, doi={10.1000/b}}',
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const [a, b] = (await library.papers.list()).map((p) => p.id);
    expect(await library.duplicates.possible()).toHaveLength(1);
    await library.duplicates.markDistinct(a ?? '', b ?? '');
    const backup = await library.backups.take('test');
    expect(await readdir(path.join(dir, 'backups', 'snapshots', backup.name))).toContain('distinct.json');
    // The pair is forgotten after the backup (the file replaced, as Margin replaces files), then the backup is restored.
    await writeFile(path.join(dir, 'distinct.json.tmp'), JSON.stringify({ version: 1, pairs: [] }));
    await rename(path.join(dir, 'distinct.json.tmp'), path.join(dir, 'distinct.json'));
    await library.backups.restore(backup.name);
    expect(JSON.parse(await readFile(path.join(dir, 'distinct.json'), 'utf8'))).toMatchObject({
      pairs: [expect.anything()],
    });
    expect(await library.duplicates.possible()).toEqual([]);
    await library.close();
  });

  it('list only backups whose backup.json reads as one', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    await library.imports.run({
      text: '@misc{a, title={One}}',
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const good = await library.backups.take('good');
    expect((await library.backups.list()).map((b) => b.name)).toContain(good.name);
    await writeFile(
      path.join(dir, 'backups', 'snapshots', good.name, 'backup.json'),
      JSON.stringify({ name: 5, reason: [] }),
    );
    expect((await library.backups.list()).map((b) => b.name)).not.toContain(good.name);
    await library.close();
  });
});

describe('restoring a backup reloads what the session keeps in memory', () => {
  it('shows the saved searches of the backup, and the next save keeps them', async () => {
    const { sampleSession } = await import('../../../helpers/session.js');
    const { session, handlers } = await sampleSession(await tempDir());
    await handlers['searches:save']({ name: 'Before', query: 'tag:a' });
    const backup = await session.library.backups.take('test');
    await handlers['searches:save']({ name: 'After', query: 'tag:b' });
    await handlers['backups:restore']({ name: backup.name });
    expect((await handlers['searches:list']({})).map((s) => s.name)).toEqual(['Before']);
    await handlers['searches:save']({ name: 'Later', query: 'tag:c' });
    expect((await handlers['searches:list']({})).map((s) => s.name)).toEqual(['Before', 'Later']);
    await session.close();
  });
});
