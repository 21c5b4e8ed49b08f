/** A library's synced state as plain data: what a merge reads and returns (no files, no store). */
import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import type { WatchList } from '../../../shared/models/triage.js';
import type { SavedSearch } from '../../../shared/models/views.js';
import { EMPTY_WATCH_LIST } from '../../../shared/models/triage.js';

/** A paper the user skipped in a triage (`triage/skipped.json`). */
export interface SkippedEntry {
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly titleKey: string;
  readonly title: string;
  readonly skippedAt: string;
}

/**
 * Everything in a library folder that syncs: paper records and contents (by id: Maps, so an id from a file
 * never reaches an object's prototype), pairs marked "not the same paper", saved searches and triage memory
 * (skipped papers, the watch list). PDFs sync as files of their own (stored under their hash, never changed).
 */
export interface LibraryState {
  readonly records: ReadonlyMap<string, PaperRecord>;
  readonly contents: ReadonlyMap<string, PaperContent>;
  readonly distinct: readonly (readonly [string, string])[];
  readonly searches: readonly SavedSearch[];
  readonly skipped: readonly SkippedEntry[];
  readonly watch: WatchList;
}

export const EMPTY_LIBRARY: LibraryState = {
  records: new Map(),
  contents: new Map(),
  distinct: [],
  searches: [],
  skipped: [],
  watch: EMPTY_WATCH_LIST,
};
