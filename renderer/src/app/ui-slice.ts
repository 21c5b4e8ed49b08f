import type { SliceCreator } from '../store/store-types.js';
import type { ImportSeed } from '../features/import/import-slice.js';

export type Dialog = 'import' | 'shortcuts' | 'palette' | 'export' | 'backups' | 'duplicates' | 'storage' | 'tags';

export interface UiSlice {
  readonly dialog: Dialog | null;
  /** A short message at the bottom of the window, e.g. after an import. */
  readonly toast: string | null;
  openDialog(dialog: Dialog): void;
  /** Open the import dialog, optionally with pasted or dropped text. */
  openImport(seed: ImportSeed | null): void;
  /** Open the export dialog afresh. */
  openExport(): void;
  closeDialog(): void;
  /** A short message; with `undo`, it offers to take back the change it reports. */
  showToast(message: string | null, options?: { undo?: boolean }): void;
  /** Whether the toast shown offers Undo. */
  readonly toastUndo: boolean;
}

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  dialog: null,
  toast: null,
  toastUndo: false,
  openDialog: (dialog) => set({ dialog }),
  openImport: (seed) => {
    get().resetImport();
    if (seed) {
      get().setImportText(seed.text, seed.fileName, seed.html ?? null, seed.encoding ?? null);
      void get().previewImport();
    }
    set({ dialog: 'import' });
  },
  openExport: () => {
    get().resetExport();
    set({ dialog: 'export' });
  },
  closeDialog: () => set({ dialog: null }),
  showToast: (toast, options) => set({ toast, toastUndo: options?.undo === true }),
});
