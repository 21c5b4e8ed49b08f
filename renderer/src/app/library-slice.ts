import type { Overview } from '../../../shared/models/views.js';
import { changeTouches, type LibraryChange } from '../../../shared/ipc/library-change.js';
import { describeError, type SliceCreator } from '../store/store-types.js';

export interface LibrarySlice {
  readonly overview: Overview | null;
  readonly overviewError: string | null;
  refreshOverview(): Promise<void>;
  /**
   * The one refresh path: main said the library changed (here, in another window, through the CLI).
   * Refreshes the overview and the list once each, and the open paper when the change touches it.
   */
  applyLibraryChange(change: LibraryChange): Promise<void>;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (api) => (set, get) => ({
  overview: null,
  overviewError: null,
  async applyLibraryChange(change) {
    const open = get().paper?.id;
    await Promise.all([
      get().refreshOverview(),
      get().reloadList(),
      open !== undefined && changeTouches(change, open) ? get().refreshPaper() : null,
    ]);
  },
  async refreshOverview() {
    try {
      set({ overview: await api.call('library:overview', {}), overviewError: null });
    } catch (error) {
      set({ overviewError: describeError(error) });
    }
  },
});
