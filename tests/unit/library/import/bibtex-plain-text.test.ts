import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../electron/library/import/bibtex.js';
import { setAsidePlainText } from '../../../../electron/library/import/bibtex-plain-text.js';
import { decodeBytes } from '../../../../shared/text/decode.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BIB_FIXTURES = execFileSync('find', ['tests/fixtures', '-name', '*.bib'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '')
  .sort();

/** The parse with prose set aside, and the parser reading every character: the same, or the same error. */
function bothWays(text: string, fileName: string): { fast: unknown; reference: unknown } {
  const run = (setAside: boolean) => {
    try {
      return parseBibtex(text, fileName, { fastPath: setAside });
    } catch (error) {
      return { threw: error instanceof Error ? error.message : String(error) };
    }
  };
  return { fast: run(true), reference: run(false) };
}

/** A Zotero-style entry around an abstract. */
const entry = (abstract: string, key = 'k') =>
  `@article{${key},\n  title = {A {{GPU}} Study},\n  abstract = {${abstract}}\n}\n`;

describe('prose set aside before parsing BibTeX', () => {
  it('finds BibTeX fixtures to compare on', () => {
    expect(BIB_FIXTURES.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of BIB_FIXTURES) {
    it(`${file}: the same entries, failures and lines as the parser reading every character`, () => {
      const text = decodeBytes(readFileSync(path.join(ROOT, file))).text;
      const { fast, reference } = bothWays(text, path.basename(file));
      expect(fast).toEqual(reference);
    });
  }

  const tricky = [
    "Plain words only, with punctuation: (a) b; c! d? e/f +g =h *i @j |k [l] it's x-y.",
    '\\emph word and more words after it',
    '\\frac 1 2 three four five',
    'We use \\LaTeX\\ and \\relax plain words after',
    '50\\% of the models, and 12.5\\% more',
    "an en -- dash, a quote ''here'' and ``there'' too",
    'a comment % hidden words\n  shown words on the next line',
    'a url \\url{https://example.org/a_b} then text, and \\href{https://x.org}{label words} after',
    'links \\url{https://x.org/a-b?c=d&e=f+g}. and \\url{http://y.org/x--y}, \\url{z.org/%41} \\url{a.org/~u}) {\\url{b.org/in}} \\emph \\url{c.org/arg} end',
    'scripts: H\\textsubscript{2}O and x\\textsuperscript{abc} words',
    "accents: M{\\\"u}ller and {\\'e}t{\\'e} and \\c{c}a plain",
    'groups {Deep Learning} and {{Protected Words}} with {\\bf bold words} after',
    '{\\em emphasised words} and \\em the rest is emphasised words',
    'math ZQMATH0QZ placeholder spelled out, and  spaced\n\n\tparagraphs   here',
    'text with <angle> brackets and ¡inverted! marks',
    'a tilde~joins and ~ alone',
    'ends with a command \\ignorespaces',
    '\\newcommand{\\foo}{bar} then \\foo words',
    "braced prose {{GPU}} and {GPU}s, {-}- and x'{'} and {} empty, a_b c#d e&f",
    'escapes 12.5\\% and A\\&B and snake\\_case and \\#1 and \\$5 words',
    'a line break \\\\% then a comment\n  and the next line',
  ];
  for (const abstract of tricky) {
    it(`the same as the parser on: ${JSON.stringify(abstract.slice(0, 50))}`, () => {
      const { fast, reference } = bothWays(entry(abstract), 'tricky.bib');
      expect(fast).toEqual(reference);
    });
  }

  const authorLists = [
    'Smith, John and Doe, Jane and Smith, John',
    '{Barnes and Noble} and {World Health Organization} and Smith, J.',
    "von Neumann, John and Ludwig van Beethoven and de la Vall{\\'e}e Poussin, Charles",
    'Smith, Jr., John and Smith, Jr, John, Extra and M{\\"u}ller, J{\\"o}rg',
    'and Smith, John and Doe',
    'Smith, John and and Doe, Jane',
    'M\\"uller, Hans and M\\"u and Knuth, Donald E.',
    'Smith, John\n    and Doe, Jane\n and   Roe,\n Richard',
    'family=Bar, given=Foo and {\\relax Ch}ristensen, A.',
    'Lovelace, Ada and Lovelace, Ada and <Turing>, Alan',
    'X and Y AND Z aNd W',
    'Smith, John and , and Doe',
    "Jos{\\'e} Garc{\\'i}a and {\\'E}mile Zola and {\\'e}mile zola and {\\L}ukasz Kaiser and de {\\'e}cole, Anna",
    "Fran{\\c c}ois, {\\AA}se and S{\\o}ren {\\O}rsted and Erd{\\H o}s, P{\\'a}l and {\\ss}, X and {\\relax}, Y and {\\ }, Z",
    '\\em Smith and Jones, A. and van Beethoven, L.',
    '{\\em Smith} and \\ifdefined\\foo Jones\\fi and Doe',
    'Smith\u00a0and\u00a0Jones and {} and Doe',
  ];
  for (const authors of authorLists) {
    it(`the same names as the parser on: ${JSON.stringify(authors.slice(0, 50))}`, () => {
      const text = `@article{a,\n  title = {T},\n  author = {${authors}},\n  editor = {${authors}}\n}\n@article{b,\n  title = {U},\n  author = {${authors}} # { and Extra, Person}\n}\n`;
      const { fast, reference } = bothWays(text, 'names.bib');
      expect(fast).toEqual(reference);
    });
  }

  it('the same names as the parser for many names, some repeated, some parsing to nothing', () => {
    const names = Array.from({ length: 300 }, (_, i) => (i % 37 === 0 ? '{}' : `Family${i % 120}, Given${i % 7}`));
    const text = Array.from(
      { length: 30 },
      (_, i) =>
        `@article{e${i},\n  title = {T${i}},\n  author = {${names.slice(i * 10, i * 10 + 10).join(' and ')}}\n}\n`,
    ).join('');
    const { fast, reference } = bothWays(text, 'many-names.bib');
    expect(fast).toEqual(reference);
  });

  it('the same as the parser on titles and abstracts that are one group', () => {
    const text = [
      '@misc{a,\n  title = {{Deep Learning for {GPU} Kernels}},\n  abstract = {{One group of words \\emph{x} here}}\n}',
      '@misc{b,\n  title = {{A} and {B}},\n  abstract = {{A} {B}}\n}',
      '@misc{c,\n  title = {{{Nested group of words}}},\n  abstract = {{}}\n}',
      '@misc{d,\n  title = {{\\em Emphasised words} and more},\n  year = {2020}\n}',
      '@misc{e,\n  title = {T},\n  year = {02020}\n}',
    ].join('\n');
    const { fast, reference } = bothWays(text, 'groups.bib');
    expect(fast).toEqual(reference);
  });

  const rawValues = [
    'https://x.org/a_b#c?d=e&f=g;h,i@j!k*l(m)+n',
    'https://x.org/~user',
    'https://x.org/a%20b',
    'http://a.b/c--d',
    "http://a.b/x''y",
    '10.1000/xyz(1)',
    'arXiv:2101.00001',
    '2020-01-02',
    '2020--01',
    '2020/01',
    'arXiv',
    'ar{X}iv',
    'a`b',
    '',
  ];
  for (const value of rawValues) {
    it(`the same links, ids and dates as the parser on: ${JSON.stringify(value)}`, () => {
      const fields = ['url', 'doi', 'eprint', 'eprinttype', 'archiveprefix', 'date'];
      const text = `@article{r,\n  title = {T},\n${fields.map((f) => `  ${f} = {${value}},`).join('\n')}\n}\n@inbook{c,\n  title = {C},\n  crossref = {r}\n}\n`;
      const { fast, reference } = bothWays(text, 'raw.bib');
      expect(fast).toEqual(reference);
    });
  }

  const keywordValues = [
    'b, a; C, c, A',
    'x , y ;z',
    'ML, ml, Ml, mL',
    ' lead, trail ',
    'a,,b',
    ',',
    'one two, three',
    'k-1, k.2/3',
  ];
  for (const value of keywordValues) {
    it(`the same keywords as the parser on: ${JSON.stringify(value)}`, () => {
      const text = `@article{r,\n  title = {T},\n  keywords = {${value}}\n}\n@inbook{c,\n  title = {C},\n  crossref = {r}\n}\n`;
      const { fast, reference } = bothWays(text, 'keywords.bib');
      expect(fast).toEqual(reference);
    });
  }

  it('the same names as the parser through a crossref', () => {
    const text = `@book{parent,\n  title = {Parent},\n  editor = {Doe, Jane and Roe, Rich},\n  author = {Doe, Jane}\n}\n@inbook{child,\n  title = {Child},\n  crossref = {parent}\n}\n`;
    const { fast, reference } = bothWays(text, 'crossref.bib');
    expect(fast).toEqual(reference);
  });

  it('the same as the parser on random TeX-laden prose', () => {
    const pieces = [
      'word',
      'Word,',
      'x-y',
      "it's",
      '(a)',
      '--',
      "''",
      '``',
      '~',
      '\\%',
      '\\&',
      '\\emph',
      '{x}',
      '{y z}',
      '\\"u',
      "{\\'e}",
      '\\textbf{b}',
      '$x$',
      '<',
      '\\\\',
      '\n',
      '\n\n',
      'ZQ',
      '{GPU}',
      '{{A}}',
      '\\_',
      '#',
      '\\$',
      '-',
      "'",
    ];
    let seed = 1;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const abstracts = Array.from({ length: 200 }, () =>
      Array.from({ length: 4 + Math.floor(next() * 20) }, () => pieces[Math.floor(next() * pieces.length)]).join(
        next() < 0.8 ? ' ' : '',
      ),
    );
    const text = abstracts.map((a, i) => entry(a, `k${i}`)).join('\n');
    const { fast, reference } = bothWays(text, 'random.bib');
    expect(fast).toEqual(reference);
  });

  it('sets most of a plain abstract aside and empties fields Margin never reads', () => {
    const text = `@article{k,\n  pages = {1--12},\n  abstract = {Plain words, many of them.}\n}\n`;
    const aside = setAsidePlainText(text);
    expect(aside.text).toBe(`@article{k,\n  pages = {},\n  abstract = {ZQTEXT0QZ}\n}\n`);
    expect(aside.restore('ZQTEXT0QZ')).toBe('Plain words, many of them.');
  });
});
