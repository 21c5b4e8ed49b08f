import { z } from 'zod';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { normalizeArxivId, normalizeDoi } from '../paper/identity.js';
import { blankEntry, type ParseResult, type ParsedEntry } from '../paper/entry.js';
import { cleanUrl, isoDate, splitKeywords, text, yearOf } from './fields.js';
import { jsonItems } from './json.js';
import { BIBTEX_KEY } from '../paper/citation-key.js';

const NameSchema = z
  .object({
    family: z.string().optional(),
    given: z.string().optional(),
    literal: z.string().optional(),
    'dropping-particle': z.string().optional(),
    'non-dropping-particle': z.string().optional(),
    suffix: z.string().optional(),
  })
  .loose();

/** `Vincent van Gogh Jr.`: given name, particles, family name and suffix, as the name is read. */
function cslName(name: z.output<typeof NameSchema>): string {
  if (name.literal) return name.literal.trim();
  return [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family, name.suffix]
    .filter((p): p is string => !!p && p.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
/** A CSL date: `date-parts`, `raw` or `literal`, or (as many tools write it) an EDTF string such as `2021-03-05`. */
const DateSchema = z.union([
  z.string().transform((raw) => ({ raw })),
  z
    .object({
      'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
      raw: z.string().optional(),
      literal: z.string().optional(),
    })
    .loose(),
]);
const StringLike = z.union([z.string(), z.number()]).transform(String);
/** The CSL-JSON fields Margin reads; everything else in an item is ignored, not rejected. */
const ItemSchema = z
  .object({
    id: StringLike.optional(),
    type: z.string().optional(),
    title: StringLike.optional(),
    author: z.array(NameSchema).optional(),
    editor: z.array(NameSchema).optional(),
    issued: DateSchema.optional(),
    abstract: z.string().nullable().optional(),
    DOI: z.string().optional(),
    URL: z.string().optional(),
    'container-title': StringLike.optional(),
    keyword: z
      .union([z.string(), z.array(z.string())])
      .nullable()
      .optional(),
    number: StringLike.optional(),
    note: z.string().optional(),
    'citation-key': z.string().optional(),
  })
  .loose();

/** A citation key Margin keeps: what BibTeX can write back (a CSL-JSON `citation-key` is any string). */
function validKey(key: string | undefined): string | null {
  return key !== undefined && BIBTEX_KEY.test(key) ? key : null;
}

/**
 * Read CSL-JSON as Zotero and Pandoc write it: an array of items (or one item). `firstItem` numbers the items of a
 * part of a file as the whole file does (json-split.ts).
 */
export function parseCslJson(input: string, fileName: string | null, firstItem = 1): ParseResult {
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  for (const { position, line, item } of jsonItems(input, fileName, ItemSchema, failures, firstItem)) {
    const where = `item ${position}`;
    const title = text(item.title);
    if (!title) {
      failures.push({ line, message: `${where}${item.id ? ` ("${item.id}")` : ''} has no title; skipped` });
      continue;
    }
    const { url, dropped } = cleanUrl(item.URL);
    if (dropped) failures.push({ line, message: `${where}: dropped a link that is not a web address (${dropped})` });
    const issued = item.issued;
    const raw = issued && 'raw' in issued ? issued.raw : undefined;
    const literal = issued && 'literal' in issued ? issued.literal : undefined;
    const dateParts = issued && 'date-parts' in issued ? issued['date-parts'] : undefined;
    const isoRaw = raw ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(raw.trim()) : null;
    const parts =
      dateParts?.[0]?.map((p) => Number(p)) ??
      (isoRaw ? [Number(isoRaw[1]), Number(isoRaw[2]) || 0, Number(isoRaw[3]) || 0] : []);
    const year = yearOf(parts[0] ?? raw ?? literal);
    const arxivHint = [item.URL, item.number, item.note, item.DOI].find((v) => v && /arxiv/i.test(v));
    entries.push({
      ...blankEntry({ format: 'csl-json', fileName, digestDate: null }, line),
      title,
      authors: (item.author ?? []).map(cslName).filter((n) => n !== ''),
      editors: (item.editor ?? []).map(cslName).filter((n) => n !== ''),
      abstract: text(item.abstract),
      year,
      publishedAt: isoDate(year, parts[1], parts[2]),
      arxivId: normalizeArxivId(arxivHint?.replace(/^.*arxiv[.:/]/i, '') ?? null),
      doi: normalizeDoi(item.DOI),
      url,
      venue: text(item['container-title']),
      tags: splitKeywords(item.keyword ?? null),
      citationKey: validKey(item['citation-key']) ?? validKey(item.id),
    });
  }
  return { entries, failures };
}
