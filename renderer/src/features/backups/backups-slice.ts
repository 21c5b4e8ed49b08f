import type { BackupInfo } from '../../../../shared/models/backup.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

export interface BackupsSlice {
  readonly backups: readonly BackupInfo[];
  readonly backupsError: string | null;
  loadBackups(): Promise<void>;
  /** Restore a backup; the list, overview and open paper refresh from the change event it causes. */
  restoreBackup(name: string): Promise<void>;
}

export const createBackupsSlice: SliceCreator<BackupsSlice> = (api) => (set, get) => ({
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
    } catch (error) {
      set({ backupsError: describeError(error) });
    }
  },
});
