/**
 * Real digests with the papers a person reads in them (`<name>.txt`, optional `<name>.html`,
 * `<name>.expected.json`), and the comparison of what Margin reads against them, field by field.
 * Used by the tests (tests/fixtures/digests) and by `npm run digest-accuracy` (the held-out set).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseImport } from '../../electron/library/import/parse-import.js';
import type { ParsedEntry } from '../../electron/library/import/entry.js';

const ExpectedSchema = z.object({
  source: z.string(),
  papers: z.array(
    z
      .object({
        title: z.string(),
        abstract: z.string().nullable(),
        arxivId: z.string().nullable(),
        version: z.number().nullable().optional(),
        doi: z.string().nullable(),
        authors: z.array(z.string()),
        /** The id the HTML's link gives, when the text shows none. */
        htmlArxivId: z.string().nullable().optional(),
      })
      .loose(),
  ),
});
export type ExpectedPaper = z.output<typeof ExpectedSchema>['papers'][number];

export interface DigestFixture {
  readonly name: string;
  readonly source: string;
  readonly text: string;
  readonly html: string | null;
  readonly expected: ExpectedPaper[];
}

/** Every sample under `dir/<source>/`. */
export function loadDigestFixtures(dir: string): DigestFixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => f.endsWith('.expected.json'))
        .sort()
        .map((f) => {
          const stem = path.join(dir, d.name, f.replace(/\.expected\.json$/, ''));
          const expected = ExpectedSchema.parse(JSON.parse(readFileSync(`${stem}.expected.json`, 'utf8')));
          return {
            name: `${d.name}/${path.basename(stem)}`,
            source: d.name,
            text: readFileSync(`${stem}.txt`, 'utf8'),
            html: existsSync(`${stem}.html`) ? readFileSync(`${stem}.html`, 'utf8') : null,
            expected: expected.papers,
          };
        }),
    );
}

/** What Margin reads from a sample's text (and, with `useHtml`, its HTML as a browser paste carries it). */
export function readFixture(fixture: DigestFixture, useHtml = false): { entries: readonly ParsedEntry[]; source: string | null } {
  const result = parseImport(fixture.text, 'auto', { fileName: `${fixture.name}.txt`, today: new Date('2026-11-27T12:00:00Z'), html: useHtml ? fixture.html : null });
  return { entries: result.entries, source: result.digest?.source ?? result.format };
}

/** One paper as the comparison sees it: the fields the acceptance names. */
export function comparable(paper: { title: string; abstract: string | null; arxivId: string | null; doi: string | null; authors: readonly string[] }) {
  return { title: paper.title, abstract: paper.abstract, arxivId: paper.arxivId, doi: paper.doi?.toLowerCase() ?? null, authors: [...paper.authors] };
}

export interface FixtureScore {
  readonly name: string;
  readonly expected: number;
  /** Papers read with every compared field exactly as the digest shows it. */
  readonly exact: number;
  /** Entries that match no expected paper by title: junk. */
  readonly junk: number;
  readonly misses: string[];
}

/** Score a sample: each expected paper is exact or not; each extra entry is junk. */
export function scoreFixture(fixture: DigestFixture): FixtureScore {
  const { entries } = readFixture(fixture);
  const byTitle = new Map(entries.map((e) => [e.title, e]));
  const expectedTitles = new Set(fixture.expected.map((p) => p.title));
  let exact = 0;
  const misses: string[] = [];
  for (const paper of fixture.expected) {
    const entry = byTitle.get(paper.title);
    const want = JSON.stringify(comparable(paper));
    const got = entry ? JSON.stringify(comparable(entry)) : 'missing';
    if (want === got) exact++;
    else misses.push(`${paper.title.slice(0, 60)}: ${got === 'missing' ? 'missing' : diffFields(comparable(paper), entry ? comparable(entry) : null)}`);
  }
  const junk = entries.filter((e) => !expectedTitles.has(e.title));
  return { name: fixture.name, expected: fixture.expected.length, exact, junk: junk.length, misses: [...misses, ...junk.map((e) => `junk: ${e.title.slice(0, 80)}`)] };
}

function diffFields(want: ReturnType<typeof comparable>, got: ReturnType<typeof comparable> | null): string {
  if (!got) return 'missing';
  return (Object.keys(want) as Array<keyof typeof want>)
    .filter((k) => JSON.stringify(want[k]) !== JSON.stringify(got[k]))
    .map((k) => `${k}: want ${JSON.stringify(want[k])?.slice(0, 400)} got ${JSON.stringify(got[k])?.slice(0, 400)}`)
    .join('; ');
}
