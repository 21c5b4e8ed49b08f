import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../../../electron/library/import/bibtex.js';
import { splitBibtex } from '../../../../electron/library/import/bibtex-split.js';
import { partText } from '../../../../electron/library/import/file-parts.js';
import { fixturesEnding, PARSE_WORKER, readInParts, ROOT } from '../../../helpers/file-parts.js';
import { parseInProcess } from '../../../../electron/library/import/import-parser.js';
import { workerParser } from '../../../../electron/library/import/worker-parser.js';
import { decodeBytes } from '../../../../shared/text/decode.js';
import { cutAtLines, endAtLines } from '../../../../electron/library/import/text-pieces.js';
import { betterBibtex, syntheticRefs } from '../../../../scripts/bench/synthetic-exports.js';
import { bibliography } from '../../../../electron/library/export/bibliography/export-bibliography.js';
import { syntheticLibrary } from '../../../../scripts/bench/synthetic.js';

const BIB_FIXTURES = fixturesEnding('.bib');

/** Read in parts and joined, or null when the file is not cut. */
const inParts = (text: string, fileName: string, parts: number) =>
  readInParts('bibtex', splitBibtex(text, parts, 0), (source) => parseBibtex(source, fileName));

const whole = (text: string, fileName: string) => ({ ...parseBibtex(text, fileName), format: 'bibtex' });

/** Margin's own export of synthetic papers, as the bench imports it. */
function marginExport(count: number): string {
  return bibliography(
    syntheticLibrary(count).map((p) => ({ ...p.record, ...p.content })),
    'bibtex',
  );
}

describe('BibTeX read in parts by several workers', () => {
  for (const file of BIB_FIXTURES)
    it(`${file}: the same entries, failures and lines as one reading, or read whole; cut alike from pieces`, async () => {
      const text = decodeBytes(readFileSync(path.join(ROOT, file))).text;
      const name = path.basename(file);
      for (const parts of [2, 3, 4]) {
        const split = await inParts(text, name, parts);
        if (split) expect(split.result).toEqual(whole(text, name));
        const fromString = await splitBibtex(text, parts, 0);
        for (const size of [64, 700, 4000]) {
          // A line longer than three pieces is cut inside: then the file is read whole.
          const pieces = cutAtLines(text, size);
          const fromPieces = await splitBibtex(pieces, parts, 0);
          const expected = endAtLines(pieces) ? fromString : null;
          expect(fromPieces?.map(partText)).toEqual(expected?.map(partText));
          expect(fromPieces?.map((part) => part.firstLine)).toEqual(expected?.map((part) => part.firstLine));
        }
      }
    });

  it('cuts large exports of Zotero (Better BibTeX) and of Margin into parts that read as the whole', async () => {
    for (const text of [betterBibtex(syntheticRefs(400)), marginExport(300)]) {
      const one = whole(text, 'export.bib');
      expect(one.entries.length).toBeGreaterThanOrEqual(300);
      for (const parts of [2, 3, 4]) {
        const split = await inParts(text, 'export.bib', parts);
        expect(split?.parts).toBe(parts);
        expect(split?.result).toEqual(one);
      }
    }
  });

  it('keeps lines and failures true across parts, failures in file order', async () => {
    const good = (key: string) => `@article{${key},\n  title = {Paper ${key}},\n  year = {2020}\n}\n`;
    const text = `${good('a')}${good('b')}@article{broken,\n  title = {no end\n\n${good('c')}${good('d')}@article{bad key?,\n  title = {Kept}\n}\n${good('e')}`;
    const one = whole(text, 'f.bib');
    for (const parts of [2, 3]) {
      const split = await inParts(text, 'f.bib', parts);
      if (split) expect(split.result).toEqual(one);
    }
    expect(one.failures.map((f) => f.line)).toEqual(
      [...one.failures.map((f) => f.line)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
  });

  it('gives each part the macros defined above it, on one line, and keeps every line true', async () => {
    const text = betterBibtex(syntheticRefs(200));
    expect(text).toMatch(/^@string\{/m);
    const parts = (await splitBibtex(text, 3, 0)) ?? [];
    expect(parts).toHaveLength(3);
    for (const part of parts.slice(1)) expect(partText(part).split('\n')[0]).toMatch(/^@string\{/);
    const one = whole(text, 'zotero.bib');
    expect(one.entries.every((e) => e.line !== null)).toBe(true);
    expect((await inParts(text, 'zotero.bib', 3))?.result).toEqual(one);
  });

  it('reads whole what reaches across entries or depends on the whole file', async () => {
    const body = betterBibtex(syntheticRefs(50));
    expect(await splitBibtex(body, 2, 0)).not.toBeNull();
    expect(await splitBibtex(`@string(jml = {J. Mach. Learn.})\n${body}`, 2, 0)).toBeNull();
    expect(await splitBibtex(`@string{jml = {J. Mach. Learn.}\n${body}`, 2, 0)).toBeNull();
    expect(await splitBibtex(`@preamble{"\\newcommand{\\x}{y}"}\n${body}`, 2, 0)).toBeNull();
    expect(await splitBibtex(`${body}@inproceedings{p,\n  crossref = {proc}\n}\n`, 2, 0)).toBeNull();
    expect(await splitBibtex(`EXPORT DATE: 01 Jan 2024\n${body}`, 2, 0)).toBeNull();
    expect(await splitBibtex(`${body}@article{smith_testing_????,\n  title = {T}\n}\n`, 2, 0)).toBeNull();
    // Small files go to one worker.
    expect(await splitBibtex(body, 2)).toBeNull();
  });

  it('finds what makes a large file be read whole anywhere in it, across the pieces it is checked in', async () => {
    // Several pieces of a megabyte.
    const body = betterBibtex(syntheticRefs(1500));
    expect(body.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(await splitBibtex(body, 2)).not.toBeNull();
    const at = (fraction: number) => body.indexOf('\n@', Math.floor(body.length * fraction)) + 1;
    const insert = (fraction: number, text: string) =>
      `${body.slice(0, at(fraction))}${text}${body.slice(at(fraction))}`;
    expect(await splitBibtex(insert(0.9, '@preamble{"\\newcommand{\\x}{y}"}\n'), 2)).toBeNull();
    expect(await splitBibtex(insert(0.6, '@inproceedings{p,\n  crossref = {proc}\n}\n'), 2)).toBeNull();
    expect(await splitBibtex(insert(0.75, '@article{smith_testing_????,\n  title = {T}\n}\n'), 2)).toBeNull();
    // Spanning a line break, where a piece may start.
    expect(await splitBibtex(insert(0.45, '@preamble\n{"x"}\n'), 2)).toBeNull();
  });

  // Three readings of a megabyte, two through three workers each: ~17 s in a CI run on two busy cores.
  it('gives the same import through workers in parts as read in this process', async () => {
    const text = betterBibtex(syntheticRefs(700));
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const request = { text, format: 'auto' as const, fileName: 'zotero.bib', html: null, today: new Date(0) };
    const inProcess = await parseInProcess(request);
    expect(await workerParser(PARSE_WORKER, { workers: 3 })(request)).toEqual(inProcess);
    // The same text in pieces, as the HTTP host hands a large body over.
    const pieced = { ...request, text: cutAtLines(text, 100_000) };
    expect(await workerParser(PARSE_WORKER, { workers: 3 })(pieced)).toEqual(inProcess);
  }, 120_000);
});
