import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.js';
import { LibraryError } from '../../electron/library/storage/errors.js';
import { random } from '../../scripts/bench/synthetic.js';
import { IMPORT_FORMATS } from '../../shared/models/paper.js';
import { fixedDeps } from '../helpers/fixed-deps.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { librarySnapshot } from '../helpers/snapshot.js';
import { tempDir } from '../helpers/temp-dir.js';

/** MARGIN_FUZZ_INPUTS=20000 for the full run (README, Reliability); CI runs 2,000. */
const INPUTS = Number(process.env.MARGIN_FUZZ_INPUTS ?? 2000);
/** An input that takes longer than this to import counts as a hang. */
const MAX_MS_PER_INPUT = 5000;

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const SEEDS = [
  'zotero.bib',
  'mendeley.ris',
  'zotero.csl.json',
  'arxiv-api.atom.xml',
  'arxiv-ids.txt',
  'hf-daily.json',
].map((f) => readFileSync(path.join(FIXTURES, f), 'utf8'));
SEEDS.push(readFileSync(SAMPLE_DIGEST_PATH, 'utf8').slice(0, 20_000));
// A real digest of every source (tests/fixtures/digests), the first 20 KB of each.
const DIGESTS = path.resolve(import.meta.dirname, '../fixtures/digests');
for (const source of readdirSync(DIGESTS, { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const first = readdirSync(path.join(DIGESTS, source.name))
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  if (first) SEEDS.push(readFileSync(path.join(DIGESTS, source.name, first), 'utf8').slice(0, 20_000));
}

const HOSTILE_PIECES = [
  '@',
  '{',
  '}',
  '"',
  '\\',
  '#',
  '%',
  '$',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '\r',
  '\r\n',
  '<',
  '>',
  '&',
  ']]>',
  '<!--',
  '{\\"o}',
  '\\L',
  '@string{x = x # x}',
  'TY  - ',
  'ER  - ',
  '[',
  ']',
  ',',
  ':',
  'null',
  '__proto__',
  '"__proto__": {"polluted": 1}',
  '"constructor": {"prototype": {"polluted": 1}}',
  'javascript:alert(1)',
  '<script>alert(1)</script>',
  '\u202E',
  '🙂',
  'ﬁ',
  'é',
  '\t',
  ' '.repeat(100),
];

/** A hostile input: a mutated real file, random bytes, deep nesting, or a format's edge case. */
function hostileInput(rand: () => number, n: number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  switch (n % 9) {
    case 0: {
      // Truncate a real file anywhere.
      const seed = pick(SEEDS);
      return seed.slice(0, Math.floor(rand() * seed.length));
    }
    case 1: {
      // Mutate a real file: insert, delete and duplicate pieces.
      let text = pick(SEEDS);
      for (let i = 0; i < 1 + Math.floor(rand() * 20); i++) {
        const at = Math.floor(rand() * text.length);
        const op = rand();
        if (op < 0.4) text = text.slice(0, at) + pick(HOSTILE_PIECES) + text.slice(at);
        else if (op < 0.7) text = text.slice(0, at) + text.slice(at + Math.floor(rand() * 50));
        else text = text.slice(0, at) + text.slice(at, at + 200) + text.slice(at);
      }
      return text;
    }
    case 2:
      return Array.from({ length: 1 + Math.floor(rand() * 2000) }, () =>
        String.fromCharCode(Math.floor(rand() * 0x3000)),
      ).join('');
    case 3: {
      const depth = Math.floor(rand() * 30_000);
      const open = pick(['{', '[', '<a>', '(']);
      const close = { '{': '}', '[': ']', '<a>': '</a>', '(': ')' }[open] ?? '';
      return (
        pick(['@article{x, title = ', '', '<feed><entry><title>', '[{"paper": ']) +
        open.repeat(depth) +
        'x' +
        close.repeat(rand() < 0.5 ? depth : Math.floor(depth / 2))
      );
    }
    case 4:
      return pick([
        '[',
        '{',
        '[{"paper": {"id": 1, "title": {}}}]',
        '[null, 1, "x", {"title": 5}]',
        '{"__proto__": {"title": "x"}}',
        '[{"title": "' + 'a'.repeat(100_000) + '"}]',
        'null',
        '""',
        '0',
      ]);
    case 5:
      // XML entity expansion ("billion laughs") and external entities.
      return `<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "${'x'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e SYSTEM "file:///etc/passwd">]><feed><entry><id>http://arxiv.org/abs/2406.11944</id><title>&d;&e;</title></entry></feed>`;
    case 6:
      return `TY  - JOUR\n${Array.from({ length: Math.floor(rand() * 500) }, () => `${pick(['AU', 'TI', 'KW', 'UR', 'DO', 'XX', 'ER', 'TY'])}  - ${pick(HOSTILE_PIECES)}`).join('\n')}`;
    case 7: {
      // Lines built to make a parser backtrack or rescan: long runs of spaces, capitals, separators, open fields.
      const size = 10_000 + Math.floor(rand() * 80_000);
      return pick([
        () => `${'A'.repeat(size / 10)}1, Bob Smith\n\n`.repeat(10),
        () => `a${' '.repeat(size)}b\nAuthors: A${' '.repeat(size)}, B\n`,
        () => `posted ${'x '.repeat(size / 2)}\n`,
        () => `${'x - '.repeat(size / 4)}\n`,
        () => `a@${'b'.repeat(size)} c\n`,
        () => `[1] arXiv:2411.00001 [pdf]\nT\nA\nSubjects: (\n${'x;\n'.repeat(size / 3)}`,
        () =>
          `\\\\\narXiv:2411.00001\nTitle: ${'x\n  '.repeat(size / 4)}\\\\ ( https://arxiv.org/abs/2411.00001 , 1kb)\n`,
        () => `[PDF] T\n${'A B, '.repeat(size / 5)}- V, 2024\n`,
        () => 'Submitted by x\n12\n'.repeat(size / 4),
        // Issue 12's reproductions, each of which once froze the main process for tens of seconds.
        () => '@'.repeat(200_000),
        () => 'ab\n'.repeat(80_000),
        () => '@string{'.repeat(64_000),
      ])();
    }
    default:
      return `@article{k${n}, title = {${pick(HOSTILE_PIECES).repeat(1 + Math.floor(rand() * 50))}}, author = {${pick(HOSTILE_PIECES)} and ${pick(HOSTILE_PIECES)}}, url = {${pick(HOSTILE_PIECES)}}, year = {${Math.floor(rand() * 1e6)}}}`;
  }
}

describe('import fuzzing', () => {
  it(`survives ${INPUTS} hostile inputs across all formats: no crash, no hang, the library unchanged when an import fails`, async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'fuzz', deps: fixedDeps() });
    await library.imports.run({
      text: readFileSync(SAMPLE_DIGEST_PATH, 'utf8'),
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const rand = random(7);
    let failedCleanly = 0;
    let imported = 0;
    let snapshot = await librarySnapshot(dir);
    for (let n = 0; n < INPUTS; n++) {
      const text = hostileInput(rand, n);
      const format = n % 3 === 0 ? 'auto' : (IMPORT_FORMATS[n % IMPORT_FORMATS.length] ?? 'auto');
      // Most inputs go through a full import plan; every 25th is really written, and checked.
      const dryRun = n % 25 !== 0;
      const started = performance.now();
      try {
        const report = await library.imports.run({ text, format, fileName: `fuzz-${n}`, tags: [], dryRun });
        expect(report.failed.every((f) => typeof f.message === 'string' && (f.line === null || f.line > 0))).toBe(true);
        if (!dryRun && report.added + report.merged > 0) imported++;
      } catch (error) {
        expect(
          error,
          `input ${n} (${format}) threw something other than a clear LibraryError: ${String(error)}`,
        ).toBeInstanceOf(LibraryError);
        expect((error as LibraryError).message).toMatch(new RegExp(`fuzz-${n}`));
        failedCleanly++;
        if (!dryRun)
          expect(await librarySnapshot(dir), `input ${n} changed the library although it failed`).toBe(snapshot);
      }
      expect(performance.now() - started, `input ${n} (${format}) took too long`).toBeLessThan(MAX_MS_PER_INPUT);
      if (!dryRun) snapshot = await librarySnapshot(dir);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(failedCleanly).toBeGreaterThan(0);
    expect(imported).toBeGreaterThan(0);
    await library.close();
  }, 900_000);
});
