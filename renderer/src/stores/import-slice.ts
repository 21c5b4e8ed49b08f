import type { ImportReport } from '../../../shared/models/import-report.js';
import type { ImportPreview } from '../../../shared/models/views.js';
import type { PaperId } from '../../../shared/models/paper.js';
import { describeError, type SliceCreator } from './types.js';

export interface ImportSlice {
  readonly importText: string;
  readonly importFileName: string | null;
  /** What importing the text would do; null until previewed. */
  readonly importPreview: ImportPreview | null;
  readonly importError: string | null;
  readonly importBusy: boolean;
  /** What the last import did. */
  readonly importResult: ImportReport | null;
  setImportText(text: string, fileName: string | null): void;
  previewImport(): Promise<void>;
  runImport(): Promise<void>;
  /** "Not the same paper": remember it, and preview again (the entry now comes in as new). */
  notSamePaper(paperId: PaperId, entryKey: string): Promise<void>;
  resetImport(): void;
}

export const createImportSlice: SliceCreator<ImportSlice> = (api) => (set, get) => {
  let previewRun = 0;
  return {
    importText: '',
    importFileName: null,
    importPreview: null,
    importError: null,
    importBusy: false,
    importResult: null,
    setImportText(text, fileName) {
      set({ importText: text, importFileName: fileName, importPreview: null, importError: null, importResult: null });
    },
    async previewImport() {
      const { importText, importFileName } = get();
      const run = ++previewRun;
      if (importText.trim() === '') return set({ importPreview: null, importError: null });
      try {
        const preview = await api.call('import:preview', { text: importText, format: 'auto', fileName: importFileName });
        if (run === previewRun) set({ importPreview: preview, importError: null });
      } catch (error) {
        if (run === previewRun) set({ importPreview: null, importError: describeError(error) });
      }
    },
    async runImport() {
      const { importText, importFileName } = get();
      set({ importBusy: true, importError: null });
      try {
        const result = await api.call('import:run', { text: importText, format: 'auto', fileName: importFileName, tags: [] });
        set({ importResult: result, importBusy: false });
        await Promise.all([get().refreshOverview(), get().reloadList()]);
      } catch (error) {
        set({ importError: describeError(error), importBusy: false });
      }
    },
    async notSamePaper(paperId, entryKey) {
      try {
        await api.call('import:notSame', { paperId, entryKey });
        await get().previewImport();
      } catch (error) {
        set({ importError: describeError(error) });
      }
    },
    resetImport() {
      previewRun++;
      set({ importText: '', importFileName: null, importPreview: null, importError: null, importResult: null, importBusy: false });
    },
  };
};
