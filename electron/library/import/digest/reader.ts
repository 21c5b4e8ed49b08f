import type { DigestSource, ImportFailure, SkippedText } from '../../../../shared/models/import-report.js';
import { blankEntry, type ListingKind, type ParsedEntry } from '../../paper/entry.js';
import type { ArxivId, Doi } from '../../paper/identity.js';
import type { Line } from './lines.js';
import { yearOfArxivId } from './ids.js';

export interface DigestContext {
  readonly fileName: string | null;
  /** Today, to give a year to page dates like `Apr 28`. */
  readonly today: Date;
}

/** What one source's reader made of a digest. */
export interface DigestRead {
  readonly entries: ParsedEntry[];
  readonly skipped: SkippedText[];
  readonly failures: ImportFailure[];
  /** What the digest says about itself (a category, an alert's query), or ''. */
  readonly detail: string;
}

/** One digest source: how to recognise it and how to read it by its own structure. */
export interface DigestReader {
  readonly source: DigestSource;
  readonly label: string;
  /** How surely the lines are this source's: 0 is not at all; the highest score above 0 reads the digest. */
  score(lines: readonly Line[]): number;
  read(lines: readonly Line[], context: DigestContext): DigestRead;
}

export interface DigestFields {
  readonly title: string;
  readonly authors?: readonly string[];
  readonly abstract?: string | null;
  readonly arxivId?: ArxivId | null;
  readonly arxivVersion?: number | null;
  readonly doi?: Doi | null;
  readonly venue?: string | null;
  readonly year?: number | null;
  readonly publishedAt?: string | null;
  readonly categories?: readonly string[];
  readonly kind?: ListingKind | null;
  readonly url?: string | null;
  readonly digestDate?: string | null;
}

/** A parsed entry from a digest, with the fields a digest can give and the link each id implies. */
export function digestEntry(context: DigestContext, line: number, fields: DigestFields): ParsedEntry {
  const arxivId = fields.arxivId ?? null;
  const doi = fields.doi ?? null;
  // The year the source prints, else the day it was posted, else the month its arXiv id was given.
  const year =
    fields.year ??
    (fields.publishedAt ? Number(fields.publishedAt.slice(0, 4)) : null) ??
    (arxivId ? yearOfArxivId(arxivId) : null);
  return {
    ...blankEntry({ format: 'digest', fileName: context.fileName, digestDate: fields.digestDate ?? null }, line),
    title: fields.title,
    authors: fields.authors ?? [],
    abstract: fields.abstract === undefined || fields.abstract === '' ? null : fields.abstract,
    arxivId,
    arxivVersion: fields.arxivVersion ?? null,
    doi,
    venue: fields.venue ?? null,
    year,
    publishedAt: fields.publishedAt ?? null,
    categories: fields.categories ?? [],
    kind: fields.kind ?? null,
    url: fields.url ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : doi ? `https://doi.org/${doi}` : null),
  };
}

/** The key seen most often, or ''. */
export function mostCommon(counts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}
