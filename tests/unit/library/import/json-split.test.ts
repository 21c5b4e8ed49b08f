import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCslJson } from '../../../../electron/library/import/csl-json.js';
import { JSON_SPLIT_MIN_CHARS, splitJsonArray } from '../../../../electron/library/import/json-split.js';
import { partText } from '../../../../electron/library/import/file-parts.js';
import { fixturesEnding, PARSE_WORKER, readInParts, ROOT } from '../../../helpers/file-parts.js';
import { parseInProcess } from '../../../../electron/library/import/import-parser.js';
import { workerParser } from '../../../../electron/library/import/worker-parser.js';
import { decodeBytes } from '../../../../shared/text/decode.js';
import { cutAtLines, endAtLines } from '../../../../electron/library/import/text-pieces.js';
import { cslJsonExport, syntheticRefs } from '../../../../scripts/bench/synthetic-exports.js';

/** Every JSON file among the fixtures: CSL-JSON exports, and JSON of other shapes the reader must not cut wrongly. */
const JSON_FIXTURES = fixturesEnding('.json');

const whole = (text: string, fileName: string) => ({ ...parseCslJson(text, fileName), format: 'csl-json' as const });

/** Read in parts and joined, or null when the text is not cut. */
const inParts = (text: string, fileName: string, parts: number) =>
  readInParts('csl-json', splitJsonArray(text, parts, 0), (source, part) =>
    parseCslJson(source, fileName, part.firstItem),
  );

/** An item per line of `lines`, as an array written one item per element. */
const arrayOf = (items: readonly string[], eol = '\n') => `[${eol}${items.join(`,${eol}`)}${eol}]${eol}`;

describe('CSL-JSON read in parts by several workers', () => {
  it('has real exports to check against', () => expect(JSON_FIXTURES.length).toBeGreaterThanOrEqual(40));

  it('the same items, failures, numbers and lines as one reading, for every JSON fixture, from a string or pieces', async () => {
    const cut = new Set<string>();
    for (const file of JSON_FIXTURES) {
      const text = decodeBytes(readFileSync(path.join(ROOT, file))).text;
      const name = path.basename(file);
      for (const parts of [2, 3, 4]) {
        const split = await inParts(text, name, parts);
        if (split) {
          cut.add(file);
          expect(split.result, `${file} in ${parts} parts`).toEqual(whole(text, name));
        }
        const fromString = (await splitJsonArray(text, parts, 0))?.map(partText);
        for (const size of [64, 4000]) {
          // A line longer than three pieces is cut inside: then the file is read whole.
          const pieces = cutAtLines(text, size);
          const fromPieces = await splitJsonArray(pieces, parts, 0);
          expect(fromPieces?.map(partText), `${file} from pieces of ${size}`).toEqual(
            endAtLines(pieces) ? fromString : undefined,
          );
        }
      }
    }
    // The rest are objects, or one line (minified), which are read whole.
    expect(cut.size).toBeGreaterThanOrEqual(10);
  });

  it('cuts only between items: strings with brackets, commas, quotes and backslashes, nested arrays, CRLF, a BOM', async () => {
    const items = [
      '{"id": "a", "title": "Commas, [brackets], {braces} and \\"quotes\\"", "author": [{"family": "O\'Neil"}, {"family": "Li"}]}',
      '{"id": "b", "title": "A title ending in a backslash \\\\", "URL": "javascript:alert(1)"}',
      '{"id": "c", "author": [{"family": "No title"}]}',
      '  "not an item"',
      '{"id": "d", "title": "Ends \\\\\\" still inside", "keyword": ["x", "y"]}',
      '[1, 2, {"title": "an array, not an item"}]',
      '{"id": "e", "title": "Last"}',
    ];
    for (const eol of ['\n', '\r\n'])
      for (const bom of ['', '\uFEFF']) {
        const text = bom + arrayOf(items, eol);
        const one = whole(text, 'tricky.json');
        expect(one.entries.map((e) => e.title)).toEqual([
          'Commas, [brackets], {braces} and "quotes"',
          'A title ending in a backslash \\',
          'Ends \\" still inside',
          'Last',
        ]);
        expect(one.failures.map((f) => [f.line, f.message.slice(0, 8)])).toEqual([
          [3, 'item 2: '],
          [4, 'item 3 ('],
          [5, 'item 4: '],
          [7, 'item 6: '],
        ]);
        for (const parts of [2, 3, 4, 5, 6, 7]) {
          const split = await inParts(text, 'tricky.json', parts);
          expect(split?.parts).toBe(parts);
          expect(split?.result).toEqual(one);
        }
      }
  });

  it('reads whole what is not one array of items, or is too small', async () => {
    for (const text of [
      '{"title": "one item"}\n',
      '"a string"\n',
      '[\n{"title": "a"},\n,\n{"title": "b"}\n]\n', // an empty item
      '[\n{"title": "a string that never closes\n, "b"}\n]\n',
    ])
      expect(await splitJsonArray(text, 2, 0), text).toBeNull();
    expect(await splitJsonArray(cslJsonExport(syntheticRefs(50)), 2, 1024 * 1024)).toBeNull();
    expect(await splitJsonArray(cslJsonExport(syntheticRefs(600)), 2, JSON_SPLIT_MIN_CHARS)).toBeNull();
  });

  // Readings of a few megabytes through two workers: a few seconds in a CI run on two busy cores.
  it('gives the same import through workers in parts as read in this process, and the same error for broken JSON', async () => {
    const text = cslJsonExport(syntheticRefs(600));
    expect(text.length).toBeGreaterThan(1024 * 1024);
    const request = { text, format: 'auto' as const, fileName: 'zotero.json', html: null, today: new Date(0) };
    const inProcess = await parseInProcess(request);
    expect(inProcess.entries).toHaveLength(600);
    expect(await workerParser(PARSE_WORKER, { workers: 2, jsonSplitMinChars: 1024 * 1024 })(request)).toEqual(
      inProcess,
    );
    const pieced = { ...request, text: cutAtLines(text, 100_000) };
    expect(await workerParser(PARSE_WORKER, { workers: 2, jsonSplitMinChars: 1024 * 1024 })(pieced)).toEqual(inProcess);
    // Not JSON past the middle: the parts cannot all be read, so the file is read whole and the error names its line.
    const lines = text.split('\n');
    const at = Math.floor(lines.length * 0.75);
    const broken = { ...request, text: [...lines.slice(0, at), '  "a": 1 "b": 2,', ...lines.slice(at)].join('\n') };
    const error = await parseInProcess(broken).catch((e: unknown) => e);
    expect(String(error)).toMatch(new RegExp(`zotero\\.json, line ${at + 1}: not valid JSON`));
    await expect(workerParser(PARSE_WORKER, { workers: 2, jsonSplitMinChars: 1024 * 1024 })(broken)).rejects.toThrow(
      (error as Error).message,
    );
  }, 120_000);
});
