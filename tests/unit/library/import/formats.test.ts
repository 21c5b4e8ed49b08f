import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseImport } from '../../../../electron/library/import/parse-import.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/import');
const read = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const parse = (name: string) =>
  parseImport(read(name), 'auto', { fileName: name, today: new Date('2026-11-27T00:00:00Z') });

describe('BibTeX', () => {
  const result = parse('zotero.bib');

  it('detects the format and reads every good entry around a malformed one', () => {
    expect(result.format).toBe('bibtex');
    expect(result.entries.map((e) => e.citationKey)).toEqual([
      'vaswani2017attention',
      'scholkopf1998kernel',
      'garcia2023sparse',
    ]);
    expect(result.failures).toEqual([{ line: 33, message: expect.stringMatching(/^entry "broken2020": /) }]);
  });

  it('expands macros and concatenation, turns LaTeX into Unicode and unwraps protected capitals', () => {
    const [vaswani, scholkopf, garcia] = result.entries;
    expect(vaswani).toMatchObject({
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Łukasz Kaiser'],
      year: 2017,
      publishedAt: '2017-06',
      arxivId: '1706.03762',
      venue: 'Advances in Neural Information Processing Systems 30',
      url: 'https://arxiv.org/abs/1706.03762',
      line: 7,
    });
    expect([...(vaswani?.tags ?? [])].sort()).toEqual(['NLP', 'attention', 'transformers']);
    expect(vaswani?.abstract).toMatch(
      /^The dominant sequence transduction models .* the Transformer, based solely on attention mechanisms\.$/,
    );
    expect(scholkopf).toMatchObject({
      authors: ['Bernhard Schölkopf', 'Alexander Smola', 'Klaus-Robert Müller'],
      doi: '10.1162/089976698300017467',
      year: 1998,
      venue: 'Neural Computation',
      tags: ['kernels', 'PCA'],
    });
    expect(garcia).toMatchObject({
      title: 'Sparse Mixtures of Experts at Scale: A Study',
      authors: ['María García', 'Søren Østergaard', 'Google Research'],
      arxivId: '2306.00001',
      year: 2023,
    });
  });
});

describe('RIS', () => {
  const result = parse('mendeley.ris');

  it('reads CRLF records with repeated AU and KW, wrapped abstracts and accents', () => {
    expect(result.format).toBe('ris');
    const [resnet, german, gpt3] = result.entries;
    expect(resnet).toMatchObject({
      title: 'Deep Residual Learning for Image Recognition',
      authors: ['Kaiming He', 'Xiangyu Zhang', 'Shaoqing Ren', 'Jian Sun'],
      year: 2016,
      publishedAt: '2016-06-27',
      doi: '10.1109/cvpr.2016.90',
      venue: 'Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition',
      tags: ['deep learning', 'residual networks'],
      abstract:
        'Deeper neural networks are more difficult to train. We present a residual learning framework to ease the training of networks that are substantially deeper than those used previously.',
    });
    expect(german).toMatchObject({
      title: 'Über die Lösung von Gleichungssystemen: eine Übersicht',
      authors: ['Jürgen Müller', 'Åsa Øster'],
      venue: 'Zeitschrift für Angewandte Mathematik',
      url: null,
    });
    expect(gpt3).toMatchObject({
      title: 'Language Models are Few-Shot Learners',
      arxivId: '2005.14165',
      authors: ['Tom B. Brown'],
    });
  });

  it('drops a javascript: link with a warning that names the record', () => {
    expect(result.failures).toEqual([
      { line: 18, message: 'dropped a link that is not a web address (javascript:alert(1))' },
    ]);
  });
});

describe('CSL-JSON', () => {
  it('reads Zotero items: names, dates, DOI, keywords, arXiv numbers', () => {
    const result = parse('zotero.csl.json');
    expect(result.format).toBe('csl-json');
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0]).toMatchObject({
      title: 'Mastering the game of Go with deep neural networks and tree search',
      authors: ['David Silver', 'Aja Huang', 'DeepMind'],
      year: 2016,
      publishedAt: '2016-01-28',
      doi: '10.1038/nature16961',
      venue: 'Nature',
      tags: ['reinforcement learning', 'games'],
      citationKey: 'silver2016mastering',
    });
    expect(result.entries[1]).toMatchObject({
      title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
      arxivId: '1810.04805',
      year: 2018,
      publishedAt: '2018-10',
    });
    expect(result.failures).toEqual([{ line: 30, message: 'item 3 ("no-title") has no title; skipped' }]);
  });
});

describe('arXiv', () => {
  it('reads an API Atom feed: wrapped titles, versionless ids, authors, dates and categories as tags', () => {
    const result = parse('arxiv-api.atom.xml');
    expect(result.format).toBe('arxiv');
    expect(result.entries).toEqual([
      expect.objectContaining({
        title: 'Transcoders Find Interpretable LLM Feature Circuits',
        arxivId: '2406.11944',
        authors: ['Jacob Dunefsky', 'Philippe Chlenski', 'Neel Nanda'],
        year: 2024,
        publishedAt: '2024-06-17',
        tags: ['arxiv/cs.LG', 'arxiv/cs.AI'],
        abstract:
          'A key goal in mechanistic interpretability is circuit analysis: finding sparse subgraphs of models corresponding to specific behaviors or capabilities. We introduce transcoders & show they work.',
        url: 'https://arxiv.org/abs/2406.11944',
      }),
      expect.objectContaining({
        title: 'A Note on Old-Style Identifiers',
        arxivId: 'hep-th/9901001',
        year: 1999,
        tags: ['arxiv/hep-th'],
      }),
    ]);
  });

  it('reads a list of ids and links, old-style ids included, and reports the line that is not one', () => {
    const result = parseImport(read('arxiv-ids.txt'), 'arxiv', { fileName: 'ids.txt', today: new Date() });
    expect(result.entries.map((e) => e.arxivId)).toEqual([
      '2406.11944',
      '1706.03762',
      '2005.14165',
      'hep-th/9901001',
      '2310.06825',
    ]);
    expect(result.failures).toEqual([{ line: 7, message: 'not an arXiv id or link: "not an id at all"' }]);
    expect(detectFormat('https://arxiv.org/abs/2406.11944v2\n2310.06825\n')).toBe('arxiv');
  });
});

describe('Hugging Face daily papers', () => {
  it('reads the API JSON', () => {
    const result = parse('hf-daily.json');
    expect(result.format).toBe('hf-json');
    expect(result.entries.map((e) => [e.title, e.arxivId, e.authors, e.year])).toEqual([
      ['Transcoders Find Interpretable LLM Feature Circuits', '2406.11944', ['Jacob Dunefsky', 'Neel Nanda'], 2024],
      ['KAN: Kolmogorov-Arnold Networks', '2404.19756', ['Ziming Liu'], 2024],
    ]);
    expect(result.failures).toEqual([
      { line: 4, message: 'item 3: paper: Invalid input: expected object, received undefined' },
    ]);
  });
});

describe('hostile input', () => {
  const options = { fileName: 'bad', today: new Date() };
  it('gives a clear error for empty, binary and truncated input', () => {
    expect(() => parseImport('', 'auto', options)).toThrow(/bad is empty/);
    expect(() => parseImport('\u0000\u0001\u0002\u0003binary\u0000\u0000', 'auto', options)).toThrow(
      /does not look like text/,
    );
    expect(() => parseImport('[{"paper": {"id": "1', 'auto', options)).toThrow(/bad, line 1: not valid JSON/);
    expect(() => parseImport('<feed><entry><title>x</ent', 'arxiv', options)).not.toThrow(/crash/);
  });

  it('names the line where JSON stops being JSON, also where V8 does not say (a trailing comma, a comment, NaN)', () => {
    const item = (n: number) => `  {"id": "p${n}", "title": "Paper ${n}", "issued": {"date-parts": [[2020]]}}`;
    const lines = [1, 2, 3, 4, 5, 6].map(item);
    const broken = (at: number, line: string) =>
      `[\n${[...lines.slice(0, at), line, ...lines.slice(at)].join(',\n')}\n]\n`;
    // Each mistake on line 4 of the file (the array's `[` is line 1).
    for (const mistake of ['  // a comment', '  {"id": "x", "title": NaN}', "  {'id': 'x'}", '  {"id": "x",}'])
      expect(() => parseImport(broken(2, mistake), 'csl-json', options), mistake).toThrow(
        /^bad, line 4: not valid JSON/,
      );
    // A trailing comma before the array closes: the line of the `]`.
    expect(() => parseImport(`[\n${lines.join(',\n')},\n]\n`, 'csl-json', options)).toThrow(
      /^bad, line 8: not valid JSON/,
    );
    // Cut off: the last line.
    expect(() => parseImport(`[\n${lines.join(',\n')}`, 'csl-json', options)).toThrow(/^bad, line 7: not valid JSON/);
  });

  it('refuses @string macros that expand exponentially (a BibTeX "billion laughs")', () => {
    const bomb = `${'@string{x = x # x}\n'.repeat(30)}@article{k, title = x, year = 2020}`;
    expect(() =>
      parseImport(`@article{k, title = {${'@string{x = x # x}'.repeat(25)}}, year = 2020}`, 'bibtex', options),
    ).toThrow(/expands to more than/);
    expect(
      parseImport(
        '@string{j = {Journal of {ML}}}\n@string{k = j # " Letters"}\n@article{a, title = {T}, journal = k, year = 2020}',
        'auto',
        options,
      ).entries[0]?.venue,
    ).toBe('Journal of ML Letters');
    const started = performance.now();
    expect(() => parseImport(bomb, 'auto', options)).toThrow(
      /bad, line \d+: @string macro "x" expands to more than 1,000,000 characters/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('survives 20,000 nested braces and reports a 6 MB abstract instead of hanging', () => {
    const nested = `@article{deep, title = {${'{'.repeat(20_000)}x${'}'.repeat(20_000)}}, year = {2020}}`;
    const deep = parseImport(nested, 'auto', options);
    expect(deep.entries.length + deep.failures.length).toBeGreaterThan(0);
    const huge = `@article{ok, title = {Fine}, year = {2020}}\n@article{big, title = {Big}, abstract = {${'word '.repeat(1_200_000)}}, year = {2020}}\n@article{after, title = {After}, year = {2021}}\n`;
    const result = parseImport(huge, 'auto', options);
    expect(result.entries.map((e) => e.title)).toEqual(['Fine', 'After']);
    expect(result.failures).toEqual([
      {
        line: 2,
        message: expect.stringMatching(/^entry "big" is 58\d\d KB, more than the 64 KB an entry may be; skipped$/),
      },
    ]);
  });
});
