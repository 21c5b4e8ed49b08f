import type { SavedSearch } from '../../../../shared/models/views.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

export interface SearchesSlice {
  readonly savedSearches: readonly SavedSearch[];
  readonly searchesError: string | null;
  loadSavedSearches(): Promise<void>;
  saveSearch(name: string, query: string): Promise<void>;
  deleteSearch(id: string): Promise<void>;
}

export const createSearchesSlice: SliceCreator<SearchesSlice> = (api) => (set) => {
  async function run(call: () => Promise<SavedSearch[]>): Promise<void> {
    try {
      set({ savedSearches: await call(), searchesError: null });
    } catch (error) {
      set({ searchesError: describeError(error) });
    }
  }
  return {
    savedSearches: [],
    searchesError: null,
    loadSavedSearches: () => run(() => api.call('searches:list', {})),
    saveSearch: (name, query) => run(() => api.call('searches:save', { name, query })),
    deleteSearch: (id) => run(() => api.call('searches:delete', { id })),
  };
};
