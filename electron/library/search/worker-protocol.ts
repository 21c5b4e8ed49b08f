import type { SearchQuery } from './query.js';
import type { RecordParts } from './search-corpus.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import type { PaperFacts } from './paper-facts.js';

/** A paper's record as the index keeps it: its searchable fields, and its list row and filter facts. */
export interface IndexedRecord {
  readonly parts: RecordParts;
  readonly facts: PaperFacts;
}

/** One paper's new searchable text: its record's fields, its content part (undefined: unchanged), or gone (null). */
export type TextUpdate = readonly [id: string, record: IndexedRecord | null, content?: string];

/** A page of a search asked of the index alone (see `indexPage`). */
export interface PageAsk {
  readonly query: SearchQuery;
  readonly view: View;
  readonly sort: Sort;
  readonly offset: number;
  readonly limit: number;
}

/** How searches are answered right now, for the app to say. */
export type SearchEngineStatus =
  | { readonly mode: 'index' }
  /** The index is being built (`done` of `total` shards); searches scan meanwhile. */
  | { readonly mode: 'building'; readonly done: number; readonly total: number }
  /** No index can be used here (`reason`); searches scan. */
  | { readonly mode: 'scan'; readonly reason: string };

/** What to tell the user about how searches are answered, or null when all is as usual. */
export function searchNote(status: SearchEngineStatus): string | null {
  switch (status.mode) {
    case 'index':
      return null;
    case 'building': {
      const percent = status.total === 0 ? 0 : Math.floor((status.done / status.total) * 100);
      return `Building the search index (${percent}%): searching without it meanwhile, more slowly.`;
    }
    case 'scan':
      return `Searching without an index, more slowly: ${status.reason}.`;
  }
}

/** Ids in one `order` message. */
export const ORDER_PART = 10_000;

/** Main → search worker. */
export type WorkerRequest =
  | { readonly type: 'update'; readonly docs: readonly TextUpdate[] }
  | { readonly type: 'search'; readonly requestId: number; readonly query: SearchQuery }
  /**
   * Number papers by their place in the ids of this and the messages before it (until one with `more` false) from
   * now on; sent when the main process's records change, in parts of `ORDER_PART` ids, a part per turn (cloning
   * 100,000 ids at once held the main process's event loop ~90 ms).
   */
  | { readonly type: 'order'; readonly ids: readonly string[]; readonly more: boolean }
  | { readonly type: 'searchOrdinals'; readonly requestId: number; readonly query: SearchQuery }
  /** A search page from the index alone, while the main process is still reading the records at open. */
  | { readonly type: 'page'; readonly requestId: number; readonly ask: PageAsk }
  /** The app is closing: bring the index's record of what it holds up to date, then say 'flushed'. */
  | { readonly type: 'flush' };

/** Search worker → main. */
export type WorkerReply =
  | { readonly type: 'ready'; readonly papers: number; readonly ms: number }
  | { readonly type: 'status'; readonly status: SearchEngineStatus }
  /** `ids` joined by line breaks (one string crosses threads far faster than 100,000); `scores` as TextHits says, or null. */
  | {
      readonly type: 'result';
      readonly requestId: number;
      readonly ids: string;
      readonly scores: ReadonlyArray<readonly [string, number]> | null;
    }
  | { readonly type: 'flushed' }
  /** A 'searchOrdinals' answer: typed arrays, transferred. */
  | {
      readonly type: 'ordinals';
      readonly requestId: number;
      readonly ordinals: Int32Array;
      readonly scored: { readonly ordinals: Int32Array; readonly scores: Float64Array } | null;
    }
  /** A 'page' answer; null when the index is not current (being built, or none): the records answer instead. */
  | {
      readonly type: 'page';
      readonly requestId: number;
      readonly page: { readonly total: number; readonly rows: readonly ListRow[] } | null;
    }
  | { readonly type: 'error'; readonly message: string };
