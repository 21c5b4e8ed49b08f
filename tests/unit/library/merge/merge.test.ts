import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { normalizeArxivId, normalizeDoi, titleKey } from '../../../../electron/library/paper/identity.js';
import { MatchIndex } from '../../../../electron/library/merge/match-index.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('identity keys', () => {
  it('normalizes arXiv ids, DOIs and titles', () => {
    expect(normalizeArxivId('https://arxiv.org/abs/2406.11944v2')).toBe('2406.11944');
    expect(normalizeArxivId('arXiv:hep-th/9901001v3')).toBe('hep-th/9901001');
    expect(normalizeArxivId('not an id')).toBeNull();
    expect(normalizeDoi('https://doi.org/10.1000/ABC.123.')).toBe('10.1000/abc.123');
    expect(titleKey('{Schölkopf}: The   Kernel—Trick!')).toBe('scholkopf the kernel trick');
  });

  it('reads a DOI out of prose and markup, keeping the brackets that are its own', () => {
    expect(normalizeDoi('(see doi:10.1000/xyz).')).toBe('10.1000/xyz');
    expect(normalizeDoi('[10.1000/xyz]')).toBe('10.1000/xyz');
    expect(normalizeDoi('<10.1000/xyz>')).toBe('10.1000/xyz');
    // SICI DOIs hold brackets of their own.
    expect(normalizeDoi('10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0')).toBe(
      '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0',
    );
    expect(normalizeDoi('(10.1016/S0140-6736(20)30183-5)')).toBe('10.1016/s0140-6736(20)30183-5');
    expect(normalizeDoi('10.1249/)')).toBeNull();
    expect(normalizeDoi('10/f8tz8t')).toBe('10/f8tz8t');
    expect(normalizeDoi('no doi here')).toBeNull();
  });

  it('matches by arXiv id, then DOI, then title with the first author', () => {
    const index = new MatchIndex([
      {
        id: 'a',
        title: 'Deep Learning',
        authors: ['Yann LeCun'],
        arxivId: normalizeArxivId('1234.56789'),
        doi: normalizeDoi('10.1000/x'),
        year: 2015,
      },
    ]);
    expect(
      index.find({ title: 'Other', authors: [], arxivId: normalizeArxivId('1234.56789v3'), doi: null, year: null }),
    ).toBe('a');
    expect(index.find({ title: 'Other', authors: [], arxivId: null, doi: normalizeDoi('10.1000/X'), year: null })).toBe(
      'a',
    );
    expect(
      index.find({ title: 'deep  learning.', authors: ['LeCun, Yann'], arxivId: null, doi: null, year: null }),
    ).toBe('a');
    expect(
      index.find({ title: 'Deep Learning', authors: ['Geoffrey Hinton'], arxivId: null, doi: null, year: null }),
    ).toBeUndefined();
    expect(index.find({ title: 'Deep Learning', authors: [], arxivId: null, doi: null, year: 2016 })).toBe('a');
  });

  it('never takes a title match for the same paper when DOIs, arXiv ids or years say otherwise', () => {
    const index = new MatchIndex([
      {
        id: 'a',
        title: 'Editorial statistics',
        authors: ['Smith, J.'],
        arxivId: null,
        doi: normalizeDoi('10.1093/rof/rfp016'),
        year: 2009,
      },
    ]);
    expect(
      index.find({
        title: 'Editorial statistics',
        authors: ['Smith, J.'],
        arxivId: null,
        doi: normalizeDoi('10.1093/rof/rfp028'),
        year: 2010,
      }),
    ).toBeUndefined();
    expect(
      index.find({ title: 'Editorial statistics', authors: ['Smith, J.'], arxivId: null, doi: null, year: 2014 }),
    ).toBeUndefined();
    expect(
      index.find({
        title: 'Editorial statistics',
        authors: ['Smith, J.'],
        arxivId: normalizeArxivId('2101.00001'),
        doi: null,
        year: 2009,
      }),
    ).toBe('a');
    const preprints = new MatchIndex([
      {
        id: 'p',
        title: 'A Result',
        authors: ['Ada Lovelace'],
        arxivId: normalizeArxivId('2101.00001'),
        doi: null,
        year: 2021,
      },
    ]);
    expect(
      preprints.find({
        title: 'A Result',
        authors: ['Ada Lovelace'],
        arxivId: normalizeArxivId('2102.00002'),
        doi: null,
        year: 2021,
      }),
    ).toBeUndefined();
    expect(
      preprints.find({
        title: 'A Result',
        authors: ['Ada Lovelace'],
        arxivId: null,
        doi: normalizeDoi('10.1000/x'),
        year: 2022,
      }),
    ).toBe('p');
  });
});

describe('importing into a library', () => {
  const page = (abstract: string) =>
    `Sparse Things In Networks\n\n${abstract}\n\nAnother Paper Title\n\nAn abstract for the other paper, as one sentence.`;

  it('merges the same paper instead of duplicating it, keeping user data and the longer abstract', async () => {
    const dir = await tempDir();
    const deps = fixedDeps();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps });
    const first = await library.imports.run({
      text: page('A long abstract about sparse things, with many details in it.'),
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect(first).toMatchObject({ added: 2, merged: 0, unchanged: 0 });
    const id = first.ids[0] ?? '';
    await library.papers.setStatus(id, 'reading');
    await library.papers.addTags(id, ['mine']);

    const again = await library.imports.run({
      text: page('Short abstract.'),
      format: 'digest',
      fileName: null,
      tags: ['batch'],
      dryRun: false,
    });
    expect(again).toMatchObject({ added: 0, merged: 2, unchanged: 0, ids: first.ids });
    expect(await library.papers.get(id)).toMatchObject({
      status: 'reading',
      tags: ['mine', 'batch'],
      abstract: 'A long abstract about sparse things, with many details in it.',
    });

    const third = await library.imports.run({
      text: page('A long abstract about sparse things, with many details in it, and now even more of them.'),
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect(third).toMatchObject({ added: 0, merged: 1, unchanged: 1 });
    expect((await library.papers.get(id)).abstract).toContain('even more');
    expect(await library.papers.records()).toHaveLength(2);
    await library.close();
  });

  it('keeps two editorials with one title and author but their own DOIs as two papers, in one file or two', async () => {
    const first = '@article{a,title={Editorial statistics},author={Smith, J.},year={2009},doi={10.1093/rof/rfp016}}';
    const second = '@article{b,title={Editorial statistics},author={Smith, J.},year={2010},doi={10.1093/rof/rfp028}}';
    const both = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const report = await both.imports.run({
      text: `${first}\n${second}`,
      format: 'auto',
      fileName: 'editorials.bib',
      tags: [],
      dryRun: false,
    });
    expect(report).toMatchObject({ added: 2, merged: 0, unchanged: 0 });
    expect((await both.papers.list()).map((p) => p.doi).sort()).toEqual(['10.1093/rof/rfp016', '10.1093/rof/rfp028']);
    await both.close();
    const apart = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    await apart.imports.run({ text: first, format: 'auto', fileName: null, tags: [], dryRun: false });
    expect(
      await apart.imports.run({ text: second, format: 'auto', fileName: null, tags: [], dryRun: false }),
    ).toMatchObject({ added: 1, merged: 0 });
    expect(await apart.papers.list()).toHaveLength(2);
    await apart.close();
  });

  it('accounts for every entry: added, merged into a paper you had, unchanged, or the same paper as an earlier entry', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    await library.imports.run({
      text: '@article{old, title={A Paper You Had}, author={Lee, Kim}, year={2020}}',
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const [had] = await library.papers.list();
    const bib = [
      '@article{new1, title={A New Paper}, author={Ng, Andrew}, year={2021}, doi={10.1000/new}}',
      '@article{had, title={A Paper You Had}, author={Lee, Kim}, year={2020}, doi={10.1000/had}}',
      '@article{again, title={A new paper}, author={Ng, A.}, year={2021}, doi={10.1000/NEW}}',
      '@article{same, title={A Paper You Had}, author={Lee, Kim}, year={2020}}',
    ].join('\n');
    const preview = await library.imports.run({
      text: bib,
      format: 'auto',
      fileName: 'mixed.bib',
      tags: [],
      dryRun: true,
    });
    expect(preview.items.map((i) => [i.title, i.outcome, i.repeatOfLine])).toEqual([
      ['A New Paper', 'new', null],
      ['A Paper You Had', 'merge', null],
      ['A new paper', 'new', 1],
      ['A Paper You Had', 'same', 2],
    ]);
    const report = await library.imports.run({
      text: bib,
      format: 'auto',
      fileName: 'mixed.bib',
      tags: [],
      dryRun: false,
    });
    const added = report.ids[0];
    expect(report.entries.map((e) => [e.line, e.outcome, e.paperId])).toEqual([
      [1, 'added', added],
      [2, 'merged', had?.id],
      [3, 'repeated', added],
      [4, 'repeated', had?.id],
    ]);
    await library.close();
  });

  it('a dry run reports without writing', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    const report = await library.imports.run({
      text: page('Abstract text that is a sentence.'),
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: true,
    });
    expect(report.added).toBe(2);
    expect(await library.papers.records()).toEqual([]);
    await library.close();
  });

  it('rejects a bad tag before writing anything', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    await expect(
      library.imports.run({
        text: page('Abstract text that is a sentence.'),
        format: 'digest',
        fileName: null,
        tags: ['ok', '  '],
        dryRun: false,
      }),
    ).rejects.toThrow(/tag 2/);
    expect(await library.papers.records()).toEqual([]);
    await library.close();
  });
});
