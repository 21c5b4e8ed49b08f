import type { Overview } from '../../../shared/models/views.js';
import { describeError, type SliceCreator } from './types.js';

export interface LibrarySlice {
  readonly overview: Overview | null;
  readonly overviewError: string | null;
  refreshOverview(): Promise<void>;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (api) => (set) => ({
  overview: null,
  overviewError: null,
  async refreshOverview() {
    try {
      set({ overview: await api.call('library:overview', {}), overviewError: null });
    } catch (error) {
      set({ overviewError: describeError(error) });
    }
  },
});
