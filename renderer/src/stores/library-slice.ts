import type { Overview } from '../../../shared/models/views.js';
import { describeError, type SliceCreator } from './types.js';

export interface BackupInfo {
  readonly name: string;
  readonly reason: string;
  readonly createdAt: string;
  readonly files: number;
}

export interface LibrarySlice {
  readonly overview: Overview | null;
  readonly overviewError: string | null;
  readonly backups: readonly BackupInfo[];
  readonly backupsError: string | null;
  refreshOverview(): Promise<void>;
  loadBackups(): Promise<void>;
  restoreBackup(name: string): Promise<void>;
}

export const createLibrarySlice: SliceCreator<LibrarySlice> = (api) => (set, get) => ({
  overview: null,
  overviewError: null,
  backups: [],
  backupsError: null,
  async loadBackups() {
    try {
      set({ backups: await api.call('backups:list', {}), backupsError: null });
    } catch (error) {
      set({ backupsError: describeError(error) });
    }
  },
  async restoreBackup(name) {
    try {
      const restored = await api.call('backups:restore', { name });
      get().closeDialog();
      get().showToast(`Restored the backup from ${new Date(restored.createdAt).toLocaleString()}.`);
      await Promise.all([get().refreshOverview(), get().reloadList(), get().refreshPaper()]);
    } catch (error) {
      set({ backupsError: describeError(error) });
    }
  },
  async refreshOverview() {
    try {
      set({ overview: await api.call('library:overview', {}), overviewError: null });
    } catch (error) {
      set({ overviewError: describeError(error) });
    }
  },
});
