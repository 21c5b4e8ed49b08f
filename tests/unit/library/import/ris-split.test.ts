import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRis } from '../../../../electron/library/import/ris.js';
import { splitRis } from '../../../../electron/library/import/ris-split.js';
import { partText } from '../../../../electron/library/import/file-parts.js';
import { fixturesEnding, PARSE_WORKER, readInParts, ROOT } from '../../../helpers/file-parts.js';
import { parseInProcess } from '../../../../electron/library/import/import-parser.js';
import { workerParser } from '../../../../electron/library/import/worker-parser.js';
import { decodeBytes } from '../../../../shared/text/decode.js';
import { cutAtLines, endAtLines } from '../../../../electron/library/import/text-pieces.js';
import { risExport, syntheticRefs } from '../../../../scripts/bench/synthetic-exports.js';

const RIS_FIXTURES = fixturesEnding('.ris');

const whole = (text: string, fileName: string) => ({ ...parseRis(text, fileName), format: 'ris' as const });

/** Read in parts and joined, or null when the file is not cut. */
const inParts = (text: string, fileName: string, parts: number) =>
  readInParts('ris', splitRis(text, parts, 0), (source) => parseRis(source, fileName));

describe('RIS read in parts by several workers', () => {
  it('has real exports to check against', () => expect(RIS_FIXTURES.length).toBeGreaterThanOrEqual(10));

  for (const file of RIS_FIXTURES)
    it(`${file}: the same entries, failures and lines as one reading, cut from one string or from pieces`, async () => {
      const text = decodeBytes(readFileSync(path.join(ROOT, file))).text;
      const name = path.basename(file);
      for (const parts of [2, 3, 4]) {
        const split = await inParts(text, name, parts);
        if (split) expect(split.result).toEqual(whole(text, name));
        const fromString = (await splitRis(text, parts, 0))?.map(partText);
        for (const size of [64, 700, 4000]) {
          // A line longer than three pieces is cut inside: then the file is read whole.
          const pieces = cutAtLines(text, size);
          const fromPieces = await splitRis(pieces, parts, 0);
          expect(fromPieces?.map(partText)).toEqual(endAtLines(pieces) ? fromString : undefined);
        }
      }
    });

  it('cuts a large export just after records end, into parts that read as the whole', async () => {
    const text = risExport(syntheticRefs(400));
    const one = whole(text, 'export.ris');
    expect(one.entries).toHaveLength(400);
    for (const parts of [2, 3, 4]) {
      const cut = (await splitRis(text, parts, 0)) ?? [];
      expect(cut).toHaveLength(parts);
      for (const part of cut.slice(1)) expect(partText(part)).toMatch(/^(\s*\n)*TY {1,2}-/);
      expect((await inParts(text, 'export.ris', parts))?.result).toEqual(one);
    }
  });

  it('keeps lines and failures true across parts, CRLF and records without an end included', async () => {
    const record = (n: number) => `TY  - JOUR\r\nTI  - Paper ${n}\r\nAU  - Doe, Jane\r\nPY  - 2020\r\nER  - \r\n`;
    const text = [
      record(1),
      'stray text between records\r\n',
      record(2),
      'TY  - JOUR\r\nAU  - No, Title\r\nER  -\r\n',
      record(3),
      'TY  - JOUR\r\nTI  - Never ended\r\n',
      record(4),
      'ER  - \r\n',
      record(5),
      'TY  - JOUR\r\nTI  - Last, open\r\n',
    ].join('');
    const one = whole(text, 'f.ris');
    expect(one.failures.length).toBeGreaterThanOrEqual(4);
    let cutSomewhere = false;
    for (const parts of [2, 3, 4, 5]) {
      const split = await inParts(text, 'f.ris', parts);
      cutSomewhere ||= split !== null;
      if (split) expect(split.result).toEqual(one);
    }
    expect(cutSomewhere).toBe(true);
  });

  it('reads small files whole', async () => {
    expect(await splitRis(risExport(syntheticRefs(50)), 2, 1024 * 1024)).toBeNull();
  });

  // Three readings of a megabyte, two through three workers each: ~17 s in a CI run on two busy cores.
  it('gives the same import through workers in parts as read in this process', async () => {
    const text = risExport(syntheticRefs(700));
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const request = { text, format: 'auto' as const, fileName: 'zotero.ris', html: null, today: new Date(0) };
    const inProcess = await parseInProcess(request);
    expect(inProcess.entries).toHaveLength(700);
    expect(await workerParser(PARSE_WORKER, { workers: 3 })(request)).toEqual(inProcess);
    // The same text in pieces, as the HTTP host hands a large body over.
    const pieced = { ...request, text: cutAtLines(text, 100_000) };
    expect(await workerParser(PARSE_WORKER, { workers: 3 })(pieced)).toEqual(inProcess);
  }, 120_000);
});
