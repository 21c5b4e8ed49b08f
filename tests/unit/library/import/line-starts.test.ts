import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineStartPattern } from '../../../../electron/library/import/line-starts.js';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Each match as index and groups, to compare. */
const shown = (matches: Iterable<RegExpExecArray>) => [...matches].map((m) => [m.index, ...m]);

describe('patterns that open a line', () => {
  const bodies: Array<[string, string]> = [
    [String.raw`[ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*\{`, ''],
    [String.raw`[ \t]*@`, ''],
    [String.raw`(\s*@\s*[A-Za-z][\w-]*\s*[{(]\s*)([^,\n{}"=]*?)(\s*,)`, ''],
    [String.raw`[ \t]*(references|cited-references)[ \t]*=[ \t]*\{`, 'i'],
    [String.raw`x\n`, ''],
    [String.raw`\n*a`, ''],
  ];
  const texts = [
    '',
    '@a{x,\n  title = {t},\n\n@b{y,\n',
    'x\nx\nx\n\n\nx\n',
    '\n\na\n\na',
    '  References = {a}\nREFERENCES={b}\r\n  references = {c}',
    readFileSync(path.join(ROOT, 'tests/fixtures/import/zotero.bib'), 'utf8'),
    readFileSync(path.join(ROOT, 'tests/fixtures/import-real/bibtex/biblatex-examples.bib'), 'utf8'),
  ];
  it('finds what /^…/gm finds, at the same places, with the same groups', () => {
    for (const [body, flags] of bodies)
      for (const text of texts)
        expect(shown(new LineStartPattern(body, flags).matchAll(text)), body).toEqual(
          shown(text.matchAll(new RegExp(`^${body}`, `gm${flags}`))),
        );
  });

  it('can be searched by two readers at once', () => {
    const pattern = new LineStartPattern('[ \\t]*@');
    const a = pattern.matchAll('@a\n @b\n@c');
    const b = pattern.matchAll('x\n@y\n\n@z');
    const at = (it: Iterator<RegExpExecArray>) => it.next().value?.index;
    expect([at(a), at(b), at(a), at(b), at(a), at(b)]).toEqual([0, 2, 3, 6, 7, undefined]);
  });
});
