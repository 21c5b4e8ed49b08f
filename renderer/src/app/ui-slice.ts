import type { SliceCreator } from '../store/store-types.js';
import type { ImportSeed } from '../features/import/import-slice.js';
import { changedLayout, readLayout, writeLayout, type LayoutPrefs } from './layout-prefs.js';

export type Dialog =
  | 'import'
  | 'shortcuts'
  | 'palette'
  | 'export'
  | 'backups'
  | 'duplicates'
  | 'storage'
  | 'tags'
  | 'watch'
  | 'triage-history'
  | 'settings'
  | 'about';

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
  readonly layout: LayoutPrefs;
  /** Resize, hide or show panes, change row density; remembered on this machine. */
  setLayout(patch: Partial<LayoutPrefs>): void;
}

/** The browser's storage where there is one (not in unit tests without a DOM). */
function storage(): Storage | undefined {
  return typeof localStorage === 'undefined' ? undefined : localStorage;
}

export const createUiSlice: SliceCreator<UiSlice> = () => (set, get) => ({
  dialog: null,
  toast: null,
  toastUndo: false,
  layout: readLayout(storage()),
  setLayout: (patch) => {
    const layout = changedLayout(get().layout, patch);
    writeLayout(storage(), layout);
    set({ layout });
  },
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
