/**
 * Real exports from other tools (`tests/fixtures/import-real/<format>/`), each with the entries a
 * person reads in it (`<name>.expected.json`: checks of title, authors, DOI and year, written by hand).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { titleKey } from '../../electron/library/merge/identity.js';
import type { ParsedEntry } from '../../electron/library/import/entry.js';

const CheckSchema = z
  .object({
    title: z.string().nullable(),
    authors: z.array(z.string()).optional(),
    editors: z.array(z.string()).optional(),
    doi: z.string().nullable().optional(),
    year: z.number().nullable().optional(),
    key: z.string().optional(),
  })
  .loose();
const ExpectedSchema = z.object({ cases: z.array(z.string()).optional(), entries: z.number().optional(), checks: z.array(CheckSchema) }).loose();
export type ImportCheck = z.output<typeof CheckSchema>;

export interface ImportFixture {
  readonly name: string;
  readonly file: string;
  readonly expected: z.output<typeof ExpectedSchema>;
}

const INPUT = /\.(bib|ris|json|txt|xml)$/;

export function loadImportFixtures(dir: string): ImportFixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(dir, d.name))
        .filter((f) => INPUT.test(f) && !f.endsWith('.expected.json'))
        .sort()
        .flatMap((f) => {
          const expectedFile = path.join(dir, d.name, f.replace(INPUT, '.expected.json'));
          if (!existsSync(expectedFile)) return [];
          return [{ name: `${d.name}/${f}`, file: path.join(dir, d.name, f), expected: ExpectedSchema.parse(JSON.parse(readFileSync(expectedFile, 'utf8'))) }];
        }),
    );
}

/**
 * What a check says that the entry got wrong, or [] when it agrees. Checks find their entry by citation
 * key (when given) and title, in order: the second check of a key and title meets the second such entry.
 */
export function checkEntry(check: ImportCheck, entries: readonly ParsedEntry[], used: Set<ParsedEntry> = new Set()): string[] {
  const key = titleKey(check.title ?? '');
  const entry = entries.find((e) => !used.has(e) && (check.key === undefined || e.citationKey === null || e.citationKey === check.key) && titleKey(e.title) === key);
  if (!entry) return [`missing: ${check.title}`];
  used.add(entry);
  const problems: string[] = [];
  if (check.authors && JSON.stringify(entry.authors) !== JSON.stringify(check.authors)) problems.push(`authors: want ${JSON.stringify(check.authors)} got ${JSON.stringify(entry.authors)}`);
  if (check.editors && JSON.stringify(entry.editors) !== JSON.stringify(check.editors)) problems.push(`editors: want ${JSON.stringify(check.editors)} got ${JSON.stringify(entry.editors)}`);
  if (check.doi !== undefined && (entry.doi?.toLowerCase() ?? null) !== (check.doi?.toLowerCase() ?? null)) problems.push(`doi: want ${check.doi} got ${entry.doi}`);
  if (check.year !== undefined && entry.year !== check.year) problems.push(`year: want ${check.year} got ${entry.year}`);
  if (check.title !== null && entry.title !== check.title) problems.push(`title: want ${JSON.stringify(check.title)} got ${JSON.stringify(entry.title)}`);
  return problems.map((p) => `${(check.title ?? '').slice(0, 50)}: ${p}`);
}
