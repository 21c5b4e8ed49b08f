import type { ListRow } from '../../../../shared/models/views.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

export interface DuplicatePair {
  readonly a: ListRow;
  readonly b: ListRow;
  readonly reason: string;
}

export interface DuplicatesSlice {
  /** Near-duplicate pairs in the library; null until loaded. */
  readonly duplicates: readonly DuplicatePair[] | null;
  readonly duplicatesError: string | null;
  loadDuplicates(): Promise<void>;
  /** Merge `drop` into `keep` (highlights and notes included). */
  mergeDuplicates(keep: string, drop: string): Promise<void>;
  /** Remember that the two are different papers, so they are never offered again. */
  markDistinct(a: string, b: string): Promise<void>;
}

export const createDuplicatesSlice: SliceCreator<DuplicatesSlice> = (api) => (set, get) => {
  /** Run an action, then list the pairs again; the list and overview refresh from the change event. */
  async function act(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
      await get().loadDuplicates();
    } catch (error) {
      set({ duplicatesError: describeError(error) });
    }
  }
  return {
    duplicates: null,
    duplicatesError: null,
    async loadDuplicates() {
      try {
        set({ duplicates: await api.call('duplicates:list', {}), duplicatesError: null });
      } catch (error) {
        set({ duplicatesError: describeError(error) });
      }
    },
    mergeDuplicates: (keep, drop) =>
      act(async () => {
        const kept = await api.call('duplicates:merge', { keep, drop });
        const title = kept.title.length > 60 ? `${kept.title.slice(0, 60)}…` : kept.title;
        get().showToast(`Merged into “${title}”`, { undo: true });
      }),
    markDistinct: (a, b) => act(() => api.call('duplicates:distinct', { a, b })),
  };
};
