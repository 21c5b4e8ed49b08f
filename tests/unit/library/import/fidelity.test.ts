import { describe, expect, it } from 'vitest';
import { detectFormat, parseImport } from '../../../../electron/library/import/parse-import.js';
import { bibliography } from '../../../../electron/library/export/bibliography/export-bibliography.js';
import { recordFromEntry } from '../../../../electron/library/merge/merge-entry.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';
import { decodeBytes } from '../../../../shared/text/decode.js';
import { normalizeDoi } from '../../../../electron/library/paper/identity.js';

// Issue 11: reproductions of what real exports did to the importer, one block per item.
const today = new Date('2026-11-27T12:00:00Z');
const read = (text: string, fileName: string | null = null) => parseImport(text, 'auto', { fileName, today });

describe('format detection by the whole file’s structure (item 2)', () => {
  it('reads a Scopus export whose header comes before the first entry as BibTeX', () => {
    const scopus =
      'Scopus\nEXPORT DATE: 08 March 2024\n\n@ARTICLE{Smith2024,\nauthor={Smith, J. and Lee, K.},\ntitle={A Title From Scopus},\njournal={J},\nyear={2024},\ndoi={10.1000/abc}\n}\n';
    const result = read(scopus);
    expect(result.format).toBe('bibtex');
    expect(result.entries.map((e) => [e.title, e.authors, e.doi])).toEqual([
      ['A Title From Scopus', ['J. Smith', 'K. Lee'], '10.1000/abc'],
    ]);
  });

  it('reads Mendeley’s @web_page entries, and RIS written with one space before the dash', () => {
    expect(
      read('@web_page{Doe2020,\ntitle = {A Web Page},\nauthor = {Doe, Jane},\nyear = {2020}\n}\n').entries.map(
        (e) => e.title,
      ),
    ).toEqual(['A Web Page']);
    const ris = read('TY - JOUR\nTI - One Space Title\nAU - Smith, John\nPY - 2020\nER - \n');
    expect(ris.format).toBe('ris');
    expect(ris.entries.map((e) => [e.title, e.authors])).toEqual([['One Space Title', ['John Smith']]]);
  });

  it('lets the file’s extension break a tie, and keeps a pasted digest a digest', () => {
    expect(detectFormat('Some notes\nTY  - JOUR\nTI  - A\nER  - \n@misc{x, title={B}}\n', 'mine.ris')).toBe('ris');
    expect(detectFormat('Some notes\nTY  - JOUR\nTI  - A\nER  - \n@misc{x, title={B}}\n', 'mine.bib')).toBe('bibtex');
    expect(detectFormat('A Paper Title\n\nIts abstract, which is a sentence about email@example.org.', null)).toBe(
      'digest',
    );
  });
});

describe('RIS names (item 3)', () => {
  const record = [
    'TY  - CHAP',
    'TI  - A Chapter',
    'A1  - First, Ann',
    'A2  - Editor, Ed',
    'AU  - Second, Bob, Jr.',
    'A3  - Series, Sam',
    'ED  - Other, Olga',
    'AU  - von Hicks, Michael, III',
    'AB  - Line one\u2028line two',
    'PY  - 2020',
    'DA  - 2019/12/01',
    'ER  - ',
  ].join('\n');

  it('keeps A1 and AU in their order, keeps editors as editors, and keeps suffixes', () => {
    const [entry] = read(record).entries;
    expect(entry?.authors).toEqual(['Ann First', 'Bob Second Jr.', 'Michael von Hicks III']);
    expect(entry?.editors).toEqual(['Ed Editor', 'Sam Series', 'Olga Other']);
  });

  it('reads a U+2028 inside a value as text, and gives one consistent year and date', () => {
    const [entry] = read(record).entries;
    expect(entry?.abstract).toBe('Line one line two');
    expect([entry?.year, entry?.publishedAt]).toEqual([2020, '2020']);
    const agreeing = read(record.replace('DA  - 2019/12/01', 'DA  - 2020/03/05')).entries[0];
    expect([agreeing?.year, agreeing?.publishedAt]).toEqual([2020, '2020-03-05']);
  });
});

describe('BibTeX fields stored as text, never HTML (item 5), dollars in prose (item 6), dropped commands (item 12)', () => {
  it('unwraps emphasis, turns scripts into Unicode, and keeps math as TeX', () => {
    const [entry] = read(
      '@article{a, title={Grass snakes (\\textit{Natrix cetti}) in H\\textsubscript{2}O}, abstract={We show $O(n \\log n)$ time and CO$_2$ uptake of $\\alpha$-cells.}}',
    ).entries;
    expect(entry?.title).toBe('Grass snakes (Natrix cetti) in H₂O');
    expect(entry?.abstract).toBe('We show $O(n \\log n)$ time and CO$_2$ uptake of $\\alpha$-cells.');
  });

  it('keeps a lone or prose dollar a dollar, and the entry', () => {
    const result = read(
      '@article{a, title={One}, abstract={It costs more than $70,000 a year.}}\n@article{b, title={Two}, abstract={It costs $5 and $6 each.}}',
    );
    expect(result.failures).toEqual([]);
    expect(result.entries.map((e) => e.abstract)).toEqual([
      'It costs more than $70,000 a year.',
      'It costs $5 and $6 each.',
    ]);
  });

  it('gives \\textquotesingle, \\TeX and \\LaTeX their characters', () => {
    const [entry] = read(
      '@article{a, title={Typesetting with \\TeX\\ and \\LaTeX}, author={D\\textquotesingle aspremont, Alexandre}}',
    ).entries;
    expect(entry?.title).toBe('Typesetting with TeX and LaTeX');
    expect(entry?.authors).toEqual(["Alexandre D'aspremont"]);
  });

  it('keeps line numbers right after math that spans lines', () => {
    const result = read('@article{a, title={One}, abstract={A formula $x +\n y$ here.}}\n@article{b, title={Two}}');
    expect(result.entries.map((e) => e.line)).toEqual([1, 3]);
  });
});

describe('CSL-JSON as the schema allows it (item 7)', () => {
  it('reads particles and suffixes, an EDTF string date, a null abstract and an array of keywords', () => {
    const json = JSON.stringify([
      {
        id: 'gogh',
        type: 'article-journal',
        title: 'Sunflowers',
        author: [
          { given: 'Vincent', 'non-dropping-particle': 'van', family: 'Gogh', suffix: 'Jr.' },
          { given: 'Jean', 'dropping-particle': 'de', family: 'La Fontaine', suffix: 'III' },
        ],
        issued: '2021-03-05',
        abstract: null,
        keyword: ['art', 'botany'],
      },
    ]);
    const result = read(json);
    expect(result.failures).toEqual([]);
    expect(result.entries.map((e) => [e.authors, e.year, e.publishedAt, e.abstract, e.tags])).toEqual([
      [['Vincent van Gogh Jr.', 'Jean de La Fontaine III'], 2021, '2021-03-05', null, ['art', 'botany']],
    ]);
  });
});

describe('fields Margin never reads (item 11)', () => {
  it('skips Scopus references without losing the entry, its other fields or the lines after it', () => {
    const references = Array.from(
      { length: 200 },
      (_, i) => `Author${i}, A., A cited work {${i}} (2001) Journal, ${i}, pp. 1-2;`,
    ).join('\n');
    const bib = `@ARTICLE{a,\nauthor={Smith, J.},\ntitle={Cited a Lot},\nreferences={${references}},\nyear={2020},\ndoi={10.1000/cited}\n}\n@ARTICLE{b,\ntitle={Next}\n}\n`;
    const result = read(bib);
    expect(result.failures).toEqual([]);
    expect(result.entries.map((e) => [e.title, e.year, e.doi, e.line])).toEqual([
      ['Cited a Lot', 2020, '10.1000/cited', 1],
      ['Next', null, null, 207],
    ]);
  });
});

describe('every failure with its line (item 12)', () => {
  it('gives CSL-JSON items and Atom entries their lines', () => {
    const csl = read(
      '[\n  {"id": "a", "title": "First"},\n  {"id": "b"},\n  {\n    "id": "c", "title": "Third, with a \\"quoted\\" [bracket]"\n  }\n]',
    );
    expect(csl.failures).toEqual([{ line: 3, message: 'item 2 ("b") has no title; skipped' }]);
    expect(csl.entries.map((e) => e.line)).toEqual([2, 4]);
    // Strings that end in backslashes, or hold quotes, brackets and commas; items that are not objects; a compact line.
    const tricky = read(
      '[{"title": "Ends in a backslash \\\\", "note": "}, {"},\n  7,\n  {"title": "Quoted \\"]\\", [x]"},\n' +
        '  {"title": "Last", "author": [{"family": "O\'Neil, \\\\"}]}, null]',
    );
    expect(tricky.entries.map((e) => [e.title, e.line])).toEqual([
      ['Ends in a backslash \\', 1],
      ['Quoted "]", [x]', 3],
      ['Last', 4],
    ]);
    expect(tricky.failures.map((f) => f.line)).toEqual([2, 4]);
    const atom = read(
      '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry>\n<id>http://arxiv.org/abs/2401.00001v1</id>\n<title>One</title>\n</entry>\n<entry>\n<id>http://arxiv.org/abs/2401.00002v1</id>\n</entry>\n</feed>',
    );
    expect(atom.failures).toEqual([{ line: 7, message: 'feed entry 2: no title; skipped' }]);
    expect(atom.entries.map((e) => e.line)).toEqual([3]);
  });
});

describe('BibTeX export keeps DOIs and names (item 4)', () => {
  it('writes DOIs verbatim, organisations braced, suffixes in BibTeX form, and all of them read back the same', () => {
    const paper = (id: string, title: string, authors: string[], doi: string) => ({
      ...recordFromEntry(
        { ...read(`@misc{k, title={${title}}}`).entries[0]!, authors, doi: normalizeDoi(doi) },
        PaperIdSchema.parse(id),
        [],
        '2026-11-27T12:00:00.000Z',
      ).record,
      abstract: null,
      note: null,
      annotations: [],
    });
    const papers = [
      paper('paper00000001', 'A Chapter', ['U.S. Securities and Exchange Commission'], '10.1007/978-1-4614-6859-2_19'),
      paper(
        'paper00000002',
        'Another',
        ['Michael von Hicks III', 'Ada Lovelace'],
        '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0',
      ),
    ];
    const bib = bibliography(papers, 'bibtex');
    expect(bib).toContain('doi = {10.1007/978-1-4614-6859-2_19}');
    // DOIs are case-insensitive; Margin keeps them lower-cased.
    expect(bib).toContain('doi = {10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0}');
    expect(bib).toContain('author = {{U.S. Securities and Exchange Commission}}');
    expect(bib).toContain('author = {von Hicks, III, Michael and Lovelace, Ada}');
    expect(read(bib).entries.map((e) => [e.authors, e.doi])).toEqual([
      [['U.S. Securities and Exchange Commission'], '10.1007/978-1-4614-6859-2_19'],
      [['Michael von Hicks III', 'Ada Lovelace'], '10.1002/(sici)1097-4571(199806)49:8<693::aid-asi4>3.0.co;2-0'],
    ]);
  });
});

describe('encodings (item 8)', () => {
  const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  it('reads Windows-1252 and Latin-1 files, JabRef’s header, and UTF-16, and says which it used', () => {
    expect(decodeBytes(latin1('@article{g, title={G\u00e4rtner}}'))).toMatchObject({
      text: '@article{g, title={Gärtner}}',
      encoding: 'windows-1252',
      reason: 'not valid UTF-8',
    });
    expect(decodeBytes(latin1('% Encoding: windows-1252\n@article{g, title={25\u00b0 C}}'))).toMatchObject({
      encoding: 'windows-1252',
      reason: 'declared in the file',
    });
    const utf16le = new Uint8Array([0xff, 0xfe, ...[...'@misc{u, title={Ü}}'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(decodeBytes(utf16le)).toMatchObject({ text: '@misc{u, title={Ü}}', encoding: 'utf-16le' });
    const noMark = new Uint8Array([...'@misc{u, title={Umlaut}}'].flatMap((c) => [0, c.charCodeAt(0)]));
    expect(decodeBytes(noMark)).toMatchObject({ text: '@misc{u, title={Umlaut}}', encoding: 'utf-16be' });
    expect(decodeBytes(new TextEncoder().encode('@misc{u, title={Gärtner}}'))).toMatchObject({ encoding: 'utf-8' });
    expect(read(decodeBytes(latin1('@article{g, title={G\u00e4rtner and Sons}}')).text).entries[0]?.title).toBe(
      'Gärtner and Sons',
    );
  });
});

describe('citation keys a parser rejects (item 9) and biblatex subtitles (item 10)', () => {
  it('keeps each entry under a new key, with a warning that names the key', () => {
    const keys = ['smith_testing_????', 'a!b', 'a|b', 'a~b', 'a^b', 'a#b', 'a(b', 'a<b', 'a>b', 'D’Aniello2016', 'a–b'];
    const result = read(keys.map((k, i) => `@article{${k},\n  title={Paper ${i}}\n}`).join('\n'));
    expect(result.entries.map((e) => e.title)).toEqual(keys.map((_k, i) => `Paper ${i}`));
    expect(result.entries.every((e) => e.citationKey === null)).toBe(true);
    expect(result.failures.map((f) => f.line)).toEqual(keys.map((_k, i) => 1 + 3 * i));
    expect(result.failures[0]?.message).toBe(
      'entry "smith_testing_????": a citation key cannot have characters like "????"; imported under a new key',
    );
  });

  it('joins a subtitle to the title as biblatex prints it', () => {
    const result = read(
      '@article{a, title={On the Value of Aiming High}, subtitle={The Causes and Consequences of Ambition}}\n@book{b, title={What Is It?}, subtitle={A Question}, titleaddon={Second edition}}',
    );
    expect(result.entries.map((e) => e.title)).toEqual([
      'On the Value of Aiming High: The Causes and Consequences of Ambition',
      'What Is It? A Question',
    ]);
  });
});
