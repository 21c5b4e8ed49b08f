import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { StoreContext, type MarginStore } from '../store/use-margin.js';

/** Render a component inside the store's provider, as the app does. */
export function renderWithStore(store: MarginStore, ui: ReactNode) {
  return render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
}
