import type { SyncStatus } from '../../../../shared/models/sync.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

export interface SyncSlice {
  /** Where sync stands, as main last said; null until first asked. */
  readonly syncStatus: SyncStatus | null;
  /** A sync this window started is running. */
  readonly syncing: boolean;
  loadSyncStatus(): Promise<void>;
  /** Sync now; main announces the papers that came in (the one refresh path), saved searches are asked again. */
  runSync(): Promise<void>;
  /** Sync with this remote from now on (the library's git config, shared with `margin sync`). */
  setSyncRemote(url: string): Promise<void>;
  /** How often to sync while the app is open; null: only when asked. */
  setSyncEvery(minutes: number | null): Promise<void>;
}

export const createSyncSlice: SliceCreator<SyncSlice> = (api) => (set, get) => {
  /** A status whose error says what failed here (main never answered). */
  const failed = (error: unknown): SyncStatus => ({
    remote: get().syncStatus?.remote ?? null,
    running: false,
    last: get().syncStatus?.last ?? null,
    error: { at: new Date().toISOString(), message: describeError(error) },
  });
  return {
    syncStatus: null,
    syncing: false,
    async loadSyncStatus() {
      try {
        set({ syncStatus: await api.call('sync:status', {}) });
      } catch (error) {
        set({ syncStatus: failed(error) });
      }
    },
    async runSync() {
      if (get().syncing) return;
      set({ syncing: true });
      try {
        const status = await api.call('sync:run', {});
        set({ syncStatus: status, syncing: false });
        if ((status.last?.received ?? 0) > 0 && status.error === null) await get().loadSavedSearches();
      } catch (error) {
        set({ syncStatus: failed(error), syncing: false });
      }
    },
    async setSyncRemote(url) {
      try {
        set({ syncStatus: await api.call('sync:setRemote', { url }) });
      } catch (error) {
        set({ syncStatus: failed(error) });
      }
    },
    async setSyncEvery(minutes) {
      try {
        set({ settings: await api.call('settings:setSyncEvery', { minutes }), settingsError: null });
      } catch (error) {
        set({ settingsError: describeError(error) });
      }
    },
  };
};
