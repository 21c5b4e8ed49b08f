import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { runMargin } from '../../../helpers/run-margin.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const PAGE = [
  'Sparse Attention for Long Documents in Transformers',
  'We make attention sparse for long documents, and it works well in practice.',
  'Sparse Attention for Very Long Documents in Transformers',
  'A slightly different abstract about sparse attention for documents, much longer than the first one to keep.',
  'Kernel Methods Revisited',
  'Kernels are back, and this abstract says so in a full sentence.',
].join('\n\n');

describe('possible duplicates and merging a pair', () => {
  it('finds titles that differ by a word, merges highlights and notes, and remembers "not the same paper"', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const { ids } = await library.imports.run({
      text: PAGE,
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const [first = '', second = ''] = ids;
    await library.annotations.addQuote(first, 'sparse', 1, 'green', 'from the first');
    await library.annotations.setNote(first, 'Note on the first.');
    await library.annotations.addQuote(second, 'sparse attention', 1, 'pink', 'from the second');
    await library.annotations.setNote(second, 'Note on the second.');
    await library.papers.addTags(second, ['dup']);

    const pairs = await library.duplicates.possible();
    expect(pairs).toEqual([
      { a: [first, second].sort()[0], b: [first, second].sort()[1], reason: 'titles differ by a word' },
    ]);

    const merged = await library.duplicates.merge(first, second);
    expect(merged.abstract).toContain('much longer than the first one');
    expect(merged.annotations.map((a) => a.comment).sort()).toEqual(['from the first', 'from the second']);
    expect(merged.annotations.every((a) => merged.abstract?.slice(a.start, a.end) === a.quote)).toBe(true);
    expect(merged.note?.text).toBe('Note on the first.\n\n---\n\nNote on the second.');
    expect(merged.tags).toEqual(['dup']);
    expect((await library.papers.get(second)).trashedAt).not.toBeNull();
    expect((await library.papers.list()).map((p) => p.id).sort()).toEqual([first, ids[2]].sort());
    expect(await library.duplicates.possible()).toEqual([]);
    await library.close();
  });

  it('never offers a pair again once marked "not the same paper"', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const { ids } = await library.imports.run({
      text: PAGE,
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    await library.duplicates.markDistinct(ids[1] ?? '', ids[0] ?? '');
    expect(await library.duplicates.possible()).toEqual([]);
    await library.close();
  });
});

describe('"not the same paper" in an import preview', () => {
  it('is remembered: the entry comes in as a paper of its own, now and next time', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    await library.imports.run({ text: PAGE, format: 'digest', fileName: null, tags: [], dryRun: false });
    const bib = '@article{other, title = {Kernel Methods Revisited}, author = {Someone, Else}, year = {1999}}';
    const preview = await library.imports.run({ text: bib, format: 'auto', fileName: null, tags: [], dryRun: true });
    expect(preview).toMatchObject({ added: 0, merged: 1 });
    const item = preview.items[0];
    expect(item?.paperId).not.toBeNull();
    await library.duplicates.markEntryDistinct(item?.paperId ?? '', item?.entryKey ?? '');
    expect(
      await library.imports.run({ text: bib, format: 'auto', fileName: null, tags: [], dryRun: true }),
    ).toMatchObject({
      added: 1,
      merged: 0,
    });
    await library.imports.run({ text: bib, format: 'auto', fileName: null, tags: [], dryRun: false });
    expect((await library.papers.list()).filter((p) => p.title === 'Kernel Methods Revisited')).toHaveLength(2);
    await library.close();
  });
});

describe('the Trash', () => {
  it('keeps deleted papers until it is emptied, after a backup', async () => {
    const dir = await tempDir();
    const imported = await runMargin(['import', '-', '--json', '--library', dir], { input: PAGE });
    const ids = (JSON.parse(imported.stdout) as { ids: string[] }).ids;
    expect((await runMargin(['trash', ids[0] ?? '', ids[1] ?? '', '--library', dir])).stdout).toBe(
      'Moved to the Trash: 2 papers\n',
    );
    expect(JSON.parse((await runMargin(['list', '--json', '--library', dir])).stdout)).toHaveLength(1);
    expect((await runMargin(['trash', '--restore', ids[0] ?? '', '--library', dir])).code).toBe(0);
    expect(JSON.parse((await runMargin(['list', '--json', '--library', dir])).stdout)).toHaveLength(2);
    expect((await runMargin(['trash', '--empty', '--library', dir])).stdout).toBe(
      'Deleted 1 paper for good (a backup was made first).\n',
    );
    expect((await runMargin(['show', ids[1] ?? '', '--library', dir])).stderr).toMatch(/no paper with id/);
    const backups = JSON.parse((await runMargin(['backup', 'list', '--json', '--library', dir])).stdout) as Array<{
      reason: string;
    }>;
    expect(backups.map((b) => b.reason)).toEqual(expect.arrayContaining(['empty-trash', 'trash']));
  });
});
