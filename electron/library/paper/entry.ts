import type { DigestSummary, ImportFailure, SkippedText } from '../../../shared/models/import-report.js';
import type { Source } from '../../../shared/models/paper.js';
import type { ArxivId, Doi } from './identity.js';

/** How a digest listed an entry: a new paper, one cross-listed from another category, or a new version. */
export type ListingKind = 'new' | 'cross-list' | 'replaced';

/** One paper as a parser read it, before matching against the library. */
export interface ParsedEntry {
  readonly title: string;
  readonly authors: readonly string[];
  /** Editors (and series editors) are not authors: an edited book's editors, RIS A2/A3/ED, CSL `editor`. */
  readonly editors: readonly string[];
  readonly abstract: string | null;
  readonly year: number | null;
  readonly publishedAt: string | null;
  /** Versionless; the version, when the source gives one, is `arxivVersion`. */
  readonly arxivId: ArxivId | null;
  readonly arxivVersion: number | null;
  readonly doi: Doi | null;
  readonly url: string | null;
  readonly venue: string | null;
  readonly tags: readonly string[];
  /** Subject categories the source gives (`cs.LG`); offered as `arxiv/cs.LG` tags when the user asks. */
  readonly categories: readonly string[];
  /** Digests only: how the listing presented the entry. */
  readonly kind: ListingKind | null;
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
  /** Digests only: which source the text was recognised as, and the text that became no paper. */
  readonly digest?: DigestSummary & { readonly skipped: readonly SkippedText[] };
}

/** An entry with every optional field empty; parsers spread their fields over it. */
export function blankEntry(source: Source, line: number | null): ParsedEntry {
  return {
    title: '',
    authors: [],
    editors: [],
    abstract: null,
    year: null,
    publishedAt: null,
    arxivId: null,
    arxivVersion: null,
    doi: null,
    url: null,
    venue: null,
    tags: [],
    categories: [],
    kind: null,
    source,
    citationKey: null,
    line,
  };
}
