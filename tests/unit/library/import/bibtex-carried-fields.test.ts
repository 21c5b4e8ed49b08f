import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../electron/library/import/bibtex.js';
import { partText } from '../../../../electron/library/import/file-parts.js';
import { carryFields } from '../../../../electron/library/import/bibtex-carried-fields.js';
import { entryFields } from '../../../../electron/library/import/bibtex-entry-fields.js';
import { splitBibtex } from '../../../../electron/library/import/bibtex-split.js';
import { decodeBytes } from '../../../../shared/text/decode.js';
import { betterBibtex, syntheticRefs } from '../../../../scripts/bench/synthetic-exports.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const BIB_FIXTURES = execFileSync('find', ['tests/fixtures', '-name', '*.bib'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '')
  .sort();

const OPTIONS = { sentenceCase: false, caseProtection: false, unsupported: 'ignore', english: false } as const;
const parseText = (text: string) => parse(text, OPTIONS);

/** What the import reads with fields carried around the parser, and with the parser reading every field. */
function bothWays(text: string): { fast: unknown; reference: unknown } {
  return { fast: parseBibtex(text, 'carry.bib'), reference: parseBibtex(text, 'carry.bib', { fastPath: false }) };
}

/** The text carried, parsed and put back: null when it falls back to parsing the text as it was. */
function carried(text: string) {
  const carry = carryFields(text, parseText);
  return { emptied: text.length - carry.text.length, library: carry.putBack(parseText(carry.text)) };
}

describe('an entry read by the grammar of the parser', () => {
  for (const file of BIB_FIXTURES) {
    it(`${file}: every entry the parser read, with every field it named`, () => {
      const text = decodeBytes(readFileSync(path.join(ROOT, file))).text.replace(/\r\n?/g, '\n');
      const library = parseText(text);
      for (const entry of library.entries) {
        if (entry.input === '') continue; // an entry blanked out before parsing
        const fields = entryFields(entry.input);
        expect(fields, entry.key).not.toBeNull();
        const names = new Set(fields?.map((f) => f.name));
        const parsed = Object.keys(entry.fields).filter((name) => !entry.crossref?.inherited.includes(name));
        for (const name of parsed) expect(names.has(name.replace(/\+duplicate-\d+$/, '')), name).toBe(true);
      }
    });
  }

  it('finds where each value lies, and how it is written', () => {
    const text = '@article{k,\n  a = {x{y}\\}z} # b,\n  B = "q{\\"}r",\n  c = 2020 % comment, d = {no}\n  ,d2 = mac\n}';
    expect(entryFields(text)?.map((f) => [f.name, text.slice(f.start, f.end), f.kind, f.parts])).toEqual([
      ['a', 'x{y}\\}z', 'braces', 2],
      ['b', 'q{\\"}r', 'quotes', 1],
      ['c', '2020', 'bare', 1],
      ['d2', 'mac', 'bare', 1],
    ]);
    expect(entryFields('@article{k, title = {open')).toBeNull();
    expect(entryFields('@article{k, title = {$x}}')).toBeNull();
  });
});

describe('fields carried around the parser', () => {
  it('carries placeholders and macros, and gives the values the parser gives', () => {
    const text =
      '@string{jmlr = {Journal of {ML}}}\n@article{a,\n  title = {ZQTEXT0QZ},\n  doi = {ZQFIELD0QZ},\n  author = {ZQNAMES0QZ},\n  journal = jmlr,\n  month = jan\n}\n';
    const { emptied, library } = carried(text);
    expect(emptied).toBeGreaterThan(0);
    expect(library?.entries.map((e) => e.fields)).toEqual(parseText(text).entries.map((e) => e.fields));
  });

  it('carries macros in every part of a Better BibTeX file cut for workers (definitions on one line above each)', async () => {
    const parts = await splitBibtex(betterBibtex(syntheticRefs(400)), 2, 1000);
    expect(parts).toHaveLength(2);
    for (const part of parts ?? []) {
      const { emptied, library } = carried(partText(part));
      expect(emptied).toBeGreaterThan(0);
      expect(library).not.toBeNull();
    }
  });

  const fallBack: Array<[string, string]> = [
    ['a macro defined after its use', '@article{a,\n  title = {T},\n  journal = later,\n}\n@string{later = {Late}}\n'],
    [
      'a macro defined twice',
      '@string{j = {One}}\n@string{j = {Two}}\n@article{a,\n  title = {T},\n  journal = j,\n}\n',
    ],
    ['an unknown macro', '@article{a,\n  title = {T},\n  journal = nowhere,\n}\n'],
    [
      'a macro line inside a quoted value',
      '@string{j = {J}}\n@article{a,\n  title = {T},\n  note = "first\n  journal = j,\n  last",\n}\n',
    ],
    [
      'a macro line inside a braced value that does not open its line',
      '@string{j = {J}}\n@article{a,\n  title = {T}, note = {first\n  journal = j,\n  last},\n}\n',
    ],
    ['a macro joined to more', '@string{j = {J}}\n@article{a,\n  title = {T},\n  journal = j # { Letters},\n}\n'],
    ['a field named twice', '@string{j = {J}}\n@article{a,\n  title = {T},\n  journal = {},\n  journal = j,\n}\n'],
    [
      'a commented-out definition',
      '@comment{\n@string{j = {Hidden}}\n}\n@article{a,\n  title = {T},\n  journal = j,\n}\n',
    ],
    ['a definition in parentheses', '@string(j = {P})\n@article{a,\n  title = {T},\n  journal = j,\n}\n'],
    [
      'a definition inside an entry',
      '@article{a,\n  title = {T},\n  note = {x\n@string{j = {In}}\n  y},\n  journal = j,\n}\n',
    ],
    [
      'a macro line inside a multi-line definition',
      '@string{k = {K}}\n@string{j =\n  k,\n}\n@article{a,\n  title = {T},\n  journal = j,\n}\n',
    ],
    [
      'cross-references',
      '@string{j = {J}}\n@book{p,\n  title = {P},\n  journal = j,\n}\n@inbook{c,\n  crossref = {p},\n  title = {C}\n}\n',
    ],
    ['an entry with an error', '@string{j = {J}}\n@article{a,\n  title = {T},\n  journal = j,\n  broken\n}\n'],
  ];
  for (const [what, text] of fallBack) {
    it(`reads as the parser does with ${what}`, () => {
      const { fast, reference } = bothWays(text);
      expect(fast).toEqual(reference);
    });
  }

  it('falls back to the whole parse where a carried value could differ', () => {
    for (const [what, text] of fallBack) {
      const { emptied, library } = carried(text);
      // Either nothing was carried, or putting it back was refused.
      expect(emptied === 0 || library === null, what).toBe(true);
    }
  });

  it('carries fields named like what objects inherit as their own, and reads them as the parser does', () => {
    const text =
      '@string{j = {J}}\n@article{a,\n  title = {T},\n  __proto__ = j,\n  constructor = j,\n  tostring = {ZQFIELD0QZ},\n}\n';
    const { library } = carried(text);
    expect(library?.entries[0]?.fields).toEqual(parseText(text).entries[0]?.fields);
    expect(Object.getPrototypeOf(library?.entries[0]?.fields)).toBe(Object.prototype);
    const { fast, reference } = bothWays(text);
    expect(fast).toEqual(reference);
  });

  it('carries fields in a file whose abstracts name Crossref', () => {
    const text =
      '@string{j = {J}}\n@article{a,\n  title = {ZQTEXT0QZ},\n  abstract = {Metadata from Crossref},\n  journal = j,\n}\n';
    expect(carried(text).library).not.toBeNull();
  });

  it('reads the bench’s Better BibTeX entries as the parser does, field by field', () => {
    const { fast, reference } = bothWays(betterBibtex(syntheticRefs(120)));
    expect(fast).toEqual(reference);
  });
});
