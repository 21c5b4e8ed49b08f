/**
 * Read a digest: recognise where it comes from and read it by that source's structure, or by the page's
 * repeating structure when no source claims it. Every reader is linear in the input.
 */
import type { DigestSource } from '../../../../shared/models/import-report.js';
import type { ParseResult } from '../../paper/entry.js';
import { arxivListingReader } from './arxiv-listing.js';
import { arxivMailingReader } from './arxiv-mailing.js';
import { biorxivAlertReader } from './biorxiv-alert.js';
import { toLines } from './lines.js';
import { hfPageReader, pageReader } from './page.js';
import type { DigestContext, DigestReader } from './reader.js';
import { scholarAlertReader } from './scholar-alert.js';

/** Every reader, the structural fallback last. */
export const DIGEST_READERS: readonly DigestReader[] = [
  arxivMailingReader,
  arxivListingReader,
  scholarAlertReader,
  biorxivAlertReader,
  hfPageReader,
  pageReader,
];

export interface DigestOptions extends DigestContext {
  /** Read as this source instead of recognising one. */
  readonly source?: DigestSource;
}

export function parseDigest(input: string, options: DigestOptions): ParseResult {
  const lines = toLines(input);
  const reader = options.source ? readerFor(options.source) : recognise(lines);
  const read = reader.read(lines, options);
  return {
    entries: read.entries,
    failures: read.failures,
    digest: { source: reader.source, label: reader.label, detail: read.detail, skipped: read.skipped },
  };
}

function readerFor(source: DigestSource): DigestReader {
  return DIGEST_READERS.find((r) => r.source === source) ?? pageReader;
}

function recognise(lines: ReturnType<typeof toLines>): DigestReader {
  let best = pageReader;
  let bestScore = 0;
  for (const reader of DIGEST_READERS) {
    const score = reader.score(lines);
    if (score > bestScore) [best, bestScore] = [reader, score];
  }
  return best;
}
