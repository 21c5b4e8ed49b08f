import { Library, type LibraryDeps } from '../library.js';
import { SavedSearches } from '../saved-searches.js';
import { ScanTextSearch, type TextSearch } from '../search/text-search.js';

/** An open library with what the app adds around it: search and saved searches. Used by the app and `margin serve`. */
export interface Session {
  readonly library: Library;
  readonly search: TextSearch;
  readonly searches: SavedSearches;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly dir: string;
  readonly holder: string;
  readonly deps?: LibraryDeps;
}

export async function openSession(options: SessionOptions): Promise<Session> {
  const library = await Library.open({ dir: options.dir, mode: 'write', holder: options.holder, ...(options.deps ? { deps: options.deps } : {}) });
  try {
    await library.records(); // the app lists every paper at once: load the records now, not on first scroll
    const searches = await SavedSearches.open(library.dir);
    const search = new ScanTextSearch({
      allRecords: () => library.records(),
      allContents: () => library.allContents(),
      getRecord: (id) => library.getRecord(id),
      getContent: (id) => library.getContent(id),
    });
    library.onChange((ids) => search.invalidate(ids));
    return { library, search, searches, close: () => library.close() };
  } catch (error) {
    await library.close();
    throw error;
  }
}
