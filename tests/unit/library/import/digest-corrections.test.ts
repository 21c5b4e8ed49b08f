import { describe, expect, it } from 'vitest';
import { applyEntryEdits } from '../../../../electron/library/import/entry-edits.js';
import { blankEntry, type ParsedEntry } from '../../../../electron/library/paper/entry.js';
import { normalizeArxivId } from '../../../../electron/library/paper/identity.js';
import { Library } from '../../../../electron/library/library.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const source = { format: 'digest' as const, fileName: null, digestDate: null };
const entry = (title: string, fields: Partial<ParsedEntry> = {}): ParsedEntry => ({
  ...blankEntry(source, 1),
  title,
  ...fields,
});

describe('preview corrections', () => {
  const parsed = [
    entry('Sparse Attention for', { line: 1 }),
    entry('Long Documents', {
      line: 2,
      abstract: 'We make attention sparse.',
      arxivId: normalizeArxivId('2401.00001'),
    }),
    entry('Submit a paper', { line: 4 }),
    entry('We also show it scales to a million tokens.', { line: 6 }),
    entry('Another Paper', { line: 8, abstract: 'Its abstract.' }),
  ];

  it('joins a title read as two, folds a paragraph into the abstract above, and drops what is not a paper', () => {
    const { entries, skipped } = applyEntryEdits(parsed, [
      { index: 0, action: 'join-next' },
      { index: 2, action: 'not-a-paper' },
      { index: 3, action: 'abstract-of-previous' },
      { index: 4, action: 'exclude' },
    ]);
    expect(
      entries.map((e) => ({
        index: e.index,
        included: e.included,
        title: e.entry.title,
        abstract: e.entry.abstract,
        arxivId: e.entry.arxivId,
      })),
    ).toEqual([
      {
        index: 0,
        included: true,
        title: 'Sparse Attention for Long Documents',
        abstract: 'We make attention sparse. We also show it scales to a million tokens.',
        arxivId: '2401.00001',
      },
      { index: 4, included: false, title: 'Another Paper', abstract: 'Its abstract.', arxivId: null },
    ]);
    expect(skipped).toEqual([{ line: 4, text: 'Submit a paper (marked not a paper)' }]);
  });

  it('ignores corrections of entries that do not exist and changes nothing without any', () => {
    expect(applyEntryEdits(parsed, [{ index: 99, action: 'not-a-paper' }]).entries.map((e) => e.entry)).toEqual(parsed);
    expect(applyEntryEdits(parsed, [{ index: 0, action: 'abstract-of-previous' }]).entries).toHaveLength(parsed.length);
  });

  it('imports only what is ticked, lists "not a paper" as skipped, and the preview shows the unticked entry', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const text = [
      'Sign up for our newsletter today',
      '',
      'Efficient Sparse Attention Across Very Long Documents',
      '',
      'We make attention sparse and show that it scales to documents of a million tokens, with the same accuracy as dense attention on every benchmark we tried.',
      '',
      'A Second Paper About Retrieval Models',
      '',
      'Retrieval helps language models answer questions about recent events, and we show how to train the retriever and the reader together at scale.',
    ].join('\n');
    const preview = await library.imports.run({
      text,
      format: 'auto',
      fileName: 'digest.txt',
      tags: [],
      dryRun: true,
      edits: [{ index: 1, action: 'exclude' }],
    });
    expect(preview.items.map((i) => [i.title, i.included, i.outcome])).toEqual([
      ['Efficient Sparse Attention Across Very Long Documents', true, 'new'],
      ['A Second Paper About Retrieval Models', false, 'new'],
    ]);
    expect(preview.added).toBe(1);
    expect(preview.digest?.skipped).toEqual([{ line: 1, text: 'Sign up for our newsletter today' }]);

    const run = await library.imports.run({
      text,
      format: 'auto',
      fileName: 'digest.txt',
      tags: [],
      dryRun: false,
      edits: [{ index: 0, action: 'not-a-paper' }],
    });
    expect(run.added).toBe(1);
    expect(run.skipped.map((s) => s.text)).toContain(
      'Efficient Sparse Attention Across Very Long Documents (marked not a paper)',
    );
    expect((await library.papers.list()).map((p) => p.title)).toEqual(['A Second Paper About Retrieval Models']);
    await library.close();
  });
});

describe('arXiv versions and categories', () => {
  const mailing = (id: string, version: string, replaced: boolean) =>
    [
      '------------------------------------------------------------------------------',
      '\\\\',
      `arXiv:${id}`,
      replaced
        ? `replaced with revised version Fri, 25 Oct 2024 12:00:00 GMT   (500kb,${version})`
        : 'Date: Thu, 24 Oct 2024 08:31:28 GMT   (1145kb)',
      '',
      'Title: Sparse Attention Across Very Long Documents',
      'Authors: Ada Lovelace and Alan Turing',
      'Categories: cs.LG cs.CL',
      '\\\\',
      ...(replaced
        ? []
        : ['  We make attention sparse and show that it scales to documents of a million', 'tokens.', '\\\\']),
      `\\\\ ( https://arxiv.org/abs/${id} ,  1145kb)`,
      '------------------------------------------------------------------------------',
    ].join('\n');

  it('merges a replaced entry into the paper already in the library and notes the new version, never duplicating it', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const first = await library.imports.run({
      text: mailing('2410.12345', 'v1', false),
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
      categoryTags: true,
    });
    expect(first.added).toBe(1);
    const [paper] = await library.papers.list();
    expect(paper).toMatchObject({
      arxivId: '2410.12345',
      tags: ['arxiv/cs.LG', 'arxiv/cs.CL'],
      authors: ['Ada Lovelace', 'Alan Turing'],
      year: 2024,
    });
    const again = await library.imports.run({
      text: mailing('2410.12345', 'v3', true),
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect(again).toMatchObject({ added: 0, merged: 1 });
    expect(again.items[0]?.changes).toContain('arxivVersion');
    expect(await library.papers.list()).toHaveLength(1);
    expect((await library.papers.list())[0]?.arxivVersion).toBe(3);
    await library.close();
  });

  it('offers categories as tags only when asked', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    await library.imports.run({
      text: mailing('2410.54321', 'v1', false),
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect((await library.papers.list())[0]?.tags).toEqual([]);
    await library.close();
  });
});

describe('corrections that meet each other', () => {
  const three = [
    entry('A Title', { line: 1 }),
    entry('Submit a paper', { line: 3 }),
    entry('Continued', { line: 5, abstract: 'Text.' }),
  ];

  it('joins with the next entry the user still sees, not one marked "not a paper"', () => {
    const { entries, skipped } = applyEntryEdits(three, [
      { index: 1, action: 'not-a-paper' },
      { index: 0, action: 'join-next' },
    ]);
    expect(entries.map((e) => [e.index, e.entry.title, e.entry.abstract])).toEqual([[0, 'A Title Continued', 'Text.']]);
    expect(skipped).toEqual([{ line: 3, text: 'Submit a paper (marked not a paper)' }]);
  });

  it('keeps a join when the joined paper is unticked, and leaves it unticked', () => {
    const { entries } = applyEntryEdits(three, [
      { index: 0, action: 'join-next' },
      { index: 0, action: 'exclude' },
    ]);
    expect(entries.map((e) => [e.index, e.included, e.entry.title])).toEqual([
      [0, false, 'A Title Submit a paper'],
      [2, true, 'Continued'],
    ]);
  });
});
