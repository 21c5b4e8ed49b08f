import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bibliography } from '../../../../electron/library/export/bibliography/export-bibliography.js';
import { baseCitationKey, uniqueCitationKey } from '../../../../electron/library/paper/citation-key.js';
import { Library } from '../../../../electron/library/library.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { SAMPLE_DIGEST_PATH, samplePapers } from '../../../helpers/sample-digest.js';
import { tempDir } from '../../../helpers/temp-dir.js';

async function sampleLibrary() {
  const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
  await library.imports.run({
    text: await readFile(SAMPLE_DIGEST_PATH, 'utf8'),
    format: 'digest',
    fileName: 'daily-papers.txt',
    tags: [],
    dryRun: false,
  });
  return library;
}

/** A Zotero-style .bib for the first `n` sample papers: authors, arXiv ids, keywords, and a shorter abstract. */
function bibFor(n: number): string {
  return samplePapers()
    .slice(0, n)
    .map(
      (p, i) =>
        `@article{zot${i},\n  title = {${p.title.replace(/([%&#_$])/g, '\\$1')}},\n  author = {Sch{\\"o}n, Anna and Doe, John ${i}},\n  year = {2024},\n  eprint = {2404.${String(10000 + i)}v2},\n  archivePrefix = {arXiv},\n  keywords = {zotero, batch-${i % 2}},\n  abstract = {${p.abstract.slice(0, 80).replace(/([%&#_$\\\\])/g, '\\$1')}}\n}\n`,
    )
    .join('\n');
}

describe('merging imports from different sources', () => {
  it('merges a BibTeX export of papers already imported from a digest: no duplicates, tags added, arXiv ids filled, abstracts kept', async () => {
    const library = await sampleLibrary();
    const before = await library.papers.list();
    const report = await library.imports.run({
      text: bibFor(10),
      format: 'auto',
      fileName: 'zotero.bib',
      tags: [],
      dryRun: false,
    });
    expect(report).toMatchObject({ format: 'bibtex', added: 0, merged: 10, unchanged: 0, failed: [] });
    const after = await library.papers.list();
    expect(after).toHaveLength(76);
    for (const [i, p] of samplePapers().slice(0, 10).entries()) {
      const paper = after.find((x) => x.title === p.title);
      expect(paper, p.title).toBeDefined();
      expect(paper?.abstract).toBe(p.abstract);
      expect(paper?.arxivId).toBe(`2404.${10000 + i}`);
      expect(paper?.authors).toEqual(['Anna Schön', `John ${i} Doe`]);
      expect(paper?.year).toBe(2024);
      expect([...(paper?.tags ?? [])].sort()).toEqual([`batch-${i % 2}`, 'zotero']);
      expect(paper?.id).toBe(before.find((x) => x.title === p.title)?.id);
    }
    // Importing it again changes nothing.
    expect(
      await library.imports.run({ text: bibFor(10), format: 'auto', fileName: 'zotero.bib', tags: [], dryRun: false }),
    ).toMatchObject({ added: 0, merged: 0, unchanged: 10 });
    await library.close();
  });

  it('round-trips the library through BibTeX and CSL-JSON: same titles, authors, years and ids', async () => {
    const library = await sampleLibrary();
    await library.imports.run({ text: bibFor(76), format: 'auto', fileName: 'zotero.bib', tags: [], dryRun: false });
    const original = await library.papers.list();
    await library.close();
    const fingerprint = (
      papers: ReadonlyArray<{
        title: string;
        authors: readonly string[];
        year: number | null;
        arxivId: string | null;
        doi: string | null;
      }>,
    ) =>
      papers
        .map((p) => ({ title: p.title, authors: p.authors, year: p.year, arxivId: p.arxivId, doi: p.doi }))
        .sort((a, b) => a.title.localeCompare(b.title));

    for (const format of ['bibtex', 'csl-json'] as const) {
      const text = bibliography(original, format);
      const fresh = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
      const report = await fresh.imports.run({ text, format: 'auto', fileName: null, tags: [], dryRun: false });
      expect(report, format).toMatchObject({ format, added: 76, failed: [] });
      expect(fingerprint(await fresh.papers.list()), format).toEqual(fingerprint(original));
      const abstracts = new Map((await fresh.papers.list()).map((p) => [p.title, p.abstract]));
      for (const p of original) expect(abstracts.get(p.title), `${format}: ${p.title}`).toBe(p.abstract);
      await fresh.close();
    }
  });
});

describe('citation keys', () => {
  it('are authorYearWord, de-duplicated with a, b, … suffixes', () => {
    const base = baseCitationKey({ authors: ['Ashish Vaswani'], year: 2017, title: 'Attention Is All You Need' });
    expect(base).toBe('vaswani2017attention');
    expect(baseCitationKey({ authors: ['Schölkopf, Bernhard'], year: null, title: 'The Kernel Trick' })).toBe(
      'scholkopfndkernel',
    );
    expect(uniqueCitationKey(base, new Set(['vaswani2017attention', 'vaswani2017attentiona']))).toBe(
      'vaswani2017attentionb',
    );
  });

  it('are generated once at import, kept from a .bib, and stay the same when the paper changes', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const twice =
      'Sparse Models Work\n\nAn abstract that is a sentence about sparse models.\n\nSparse Models Work Again\n\nAnother abstract that is a sentence about sparse models.';
    await library.imports.run({ text: twice, format: 'digest', fileName: null, tags: [], dryRun: false });
    const keys = (await library.papers.list()).map((p) => p.citationKey).sort();
    expect(keys).toEqual(['anonndsparse', 'anonndsparsea']);
    await library.imports.run({
      text: '@article{myOwnKey, title = {Sparse Models Work}, author = {Lee, Kim}, year = {2020}}',
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect((await library.papers.list()).map((p) => p.citationKey).sort()).toEqual(keys);
    const bib = await library.imports.run({
      text: '@article{myOwnKey, title = {A Different Paper}, author = {Lee, Kim}, year = {2020}}',
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect((await library.papers.get(bib.ids[0] ?? '')).citationKey).toBe('myOwnKey');
    await library.close();
  });
});
