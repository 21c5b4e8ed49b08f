import { Library, type LibraryDeps } from '../library.js';
import { SavedSearches } from '../saved-searches.js';
import { existsSync } from 'node:fs';
import { InProcessTextSearch, type TextSearch, type TextSource } from '../search/text-search.js';
import { WorkerTextSearch } from '../search/worker-text-search.js';
import { RecordCache } from '../search/record-cache.js';

/** An open library with what the app adds around it: search and saved searches. Used by the app and `margin serve`. */
export interface Session {
  readonly library: Library;
  /** Records, and records in each sort order, kept between queries. */
  readonly records: RecordCache;
  readonly search: TextSearch;
  readonly searches: SavedSearches;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly dir: string;
  readonly holder: string;
  readonly deps?: LibraryDeps;
  /** The built search worker (`out/workers/search-worker.js`); without it, search runs in this process. */
  readonly searchWorker?: string;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const library = await Library.open({ dir: options.dir, mode: 'write', holder: options.holder, ...(options.deps ? { deps: options.deps } : {}) });
  try {
    await library.records(); // the app lists every paper at once: load the records now, not on first scroll
    // Started after the records, not beside them: on two cores the worker's reading slowed opening by
    // ~40% (1.4 s instead of 0.93 s at 100k papers) for a search that was ready only 0.7 s sooner.
    const source: TextSource = {
      allRecords: () => library.records(),
      allContents: () => library.allContents(),
      getRecord: (id) => library.getRecord(id),
      getContent: (id) => library.getContent(id),
    };
    const search: TextSearch = options.searchWorker && existsSync(options.searchWorker) ? new WorkerTextSearch(options.searchWorker, library.dir, source) : new InProcessTextSearch(source);
    const searches = await SavedSearches.open(library.dir);
    const records = new RecordCache(
      () => library.records(),
      (id) => library.getRecord(id),
    );
    library.onChange((ids, change) => {
      search.invalidate(ids, change.content);
      // Patched before the change reaches the UI, which asks for the list again right away.
      void records.refresh(ids);
    });
    return {
      library,
      records,
      search,
      searches,
      close: async () => {
        await search.close();
        await library.close();
      },
    };
  } catch (error) {
    await library.close();
    throw error;
  }
}
