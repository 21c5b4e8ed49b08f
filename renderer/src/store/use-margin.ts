import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { MarginState } from './store-types.js';

/** The one store (assembled in app/create-store.ts from the features' slices). */
export type MarginStore = StoreApi<MarginState>;

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
