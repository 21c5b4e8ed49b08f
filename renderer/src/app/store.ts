import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MarginApi } from '../api/client.js';
import { createAnnotationSlice } from '../features/annotations/annotation-slice.js';
import { createBackupsSlice } from '../features/backups/backups-slice.js';
import { createDuplicatesSlice } from '../features/duplicates/duplicates-slice.js';
import { createExportSlice } from '../features/export/export-slice.js';
import { createImportSlice } from '../features/import/import-slice.js';
import { createUndoSlice } from './undo-slice.js';
import { createLibrarySlice } from './library-slice.js';
import { createListSlice } from '../features/list/list-slice.js';
import { createReaderSlice } from '../features/reader/reader-slice.js';
import { createSearchesSlice } from '../features/search/searches-slice.js';
import type { MarginState } from './store-types.js';
import { createUiSlice } from './ui-slice.js';

export type MarginStore = StoreApi<MarginState>;

/** The one store, built from typed slices around an API (tests pass a fake one). */
export function createMarginStore(api: MarginApi): MarginStore {
  return createStore<MarginState>()((...args) => ({
    ...createLibrarySlice(api)(...args),
    ...createListSlice(api)(...args),
    ...createReaderSlice(api)(...args),
    ...createUiSlice(api)(...args),
    ...createSearchesSlice(api)(...args),
    ...createImportSlice(api)(...args),
    ...createAnnotationSlice(api)(...args),
    ...createUndoSlice(api)(...args),
    ...createExportSlice(api)(...args),
    ...createDuplicatesSlice(api)(...args),
    ...createBackupsSlice(api)(...args),
  }));
}

export const StoreContext = createContext<MarginStore | null>(null);

/** Read from the store in a component; pass `useShallow(...)` for selectors that build objects. */
export function useMargin<T>(selector: (state: MarginState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useMargin outside <StoreContext.Provider>');
  return useStore(store, selector);
}

export function useMarginStore(): MarginStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useMarginStore outside <StoreContext.Provider>');
  return store;
}
