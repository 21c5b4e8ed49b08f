import type { ImportFailure } from '../../../shared/models/import-report.js';
import type { Source } from '../../../shared/models/paper.js';

/** One paper as a parser read it, before matching against the library. */
export interface ParsedEntry {
  readonly title: string;
  readonly authors: readonly string[];
  readonly abstract: string | null;
  readonly year: number | null;
  readonly publishedAt: string | null;
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly url: string | null;
  readonly venue: string | null;
  readonly tags: readonly string[];
  readonly source: Source;
  /** The key the source gave the entry (a BibTeX key), if any. */
  readonly citationKey: string | null;
  /** 1-based line where the entry starts, for messages. */
  readonly line: number | null;
}

/** What a parser returns: entries it read and entries it could not read, with where and why. */
export interface ParseResult {
  readonly entries: readonly ParsedEntry[];
  readonly failures: readonly ImportFailure[];
}

/** An entry with every optional field empty; parsers spread their fields over it. */
export function blankEntry(source: Source, line: number | null): ParsedEntry {
  return { title: '', authors: [], abstract: null, year: null, publishedAt: null, arxivId: null, doi: null, url: null, venue: null, tags: [], source, citationKey: null, line };
}
