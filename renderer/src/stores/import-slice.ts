import type { EntryEditAction, ImportReport } from '../../../shared/models/import-report.js';
import type { ImportPreview } from '../../../shared/models/views.js';
import type { PaperId } from '../../../shared/models/paper.js';
import { describeError, type SliceCreator } from './types.js';

/** What the user pasted or dropped: the text, and the same content as HTML when the clipboard had it. */
export interface ImportSeed {
  readonly text: string;
  readonly fileName: string | null;
  readonly html?: string | null;
}

export interface ImportSlice {
  readonly importText: string;
  readonly importFileName: string | null;
  /** The paste as HTML (its links give papers their ids); dropped when the text is edited by hand. */
  readonly importHtml: string | null;
  /** Corrections made in the preview, by entry position in the parse. */
  readonly importEdits: ReadonlyMap<number, EntryEditAction>;
  /** Tag papers with their arXiv categories (`arxiv/cs.LG`). */
  readonly importCategoryTags: boolean;
  /** What importing the text would do; null until previewed. */
  readonly importPreview: ImportPreview | null;
  readonly importError: string | null;
  readonly importBusy: boolean;
  /** What the last import did. */
  readonly importResult: ImportReport | null;
  setImportText(text: string, fileName: string | null, html?: string | null): void;
  /** Set (or, with null, undo) a correction of one entry, and preview again. */
  editImportEntry(index: number, action: EntryEditAction | null): Promise<void>;
  clearImportEdits(): Promise<void>;
  setImportCategoryTags(on: boolean): Promise<void>;
  previewImport(): Promise<void>;
  runImport(): Promise<void>;
  /** "Not the same paper": remember it, and preview again (the entry now comes in as new). */
  notSamePaper(paperId: PaperId, entryKey: string): Promise<void>;
  resetImport(): void;
}

export const createImportSlice: SliceCreator<ImportSlice> = (api) => (set, get) => {
  let previewRun = 0;
  const request = () => {
    const { importText, importFileName, importHtml, importEdits, importCategoryTags } = get();
    return {
      text: importText,
      format: 'auto' as const,
      fileName: importFileName,
      html: importHtml,
      edits: [...importEdits].map(([index, action]) => ({ index, action })),
      categoryTags: importCategoryTags,
    };
  };
  return {
    importText: '',
    importFileName: null,
    importHtml: null,
    importEdits: new Map(),
    importCategoryTags: false,
    importPreview: null,
    importError: null,
    importBusy: false,
    importResult: null,
    setImportText(text, fileName, html = null) {
      // Corrections name entries of the old text, so a new text starts without them.
      set({ importText: text, importFileName: fileName, importHtml: html, importEdits: new Map(), importPreview: null, importError: null, importResult: null });
    },
    async editImportEntry(index, action) {
      const edits = new Map(get().importEdits);
      if (action === null) edits.delete(index);
      else edits.set(index, action);
      set({ importEdits: edits });
      await get().previewImport();
    },
    async clearImportEdits() {
      set({ importEdits: new Map() });
      await get().previewImport();
    },
    async setImportCategoryTags(on) {
      set({ importCategoryTags: on });
      await get().previewImport();
    },
    async previewImport() {
      const run = ++previewRun;
      const req = request();
      if (req.text.trim() === '' && !req.html) return set({ importPreview: null, importError: null });
      try {
        const preview = await api.call('import:preview', req);
        if (run === previewRun) set({ importPreview: preview, importError: null });
      } catch (error) {
        if (run === previewRun) set({ importPreview: null, importError: describeError(error) });
      }
    },
    async runImport() {
      set({ importBusy: true, importError: null });
      try {
        const result = await api.call('import:run', { ...request(), tags: [] });
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
      set({ importText: '', importFileName: null, importHtml: null, importEdits: new Map(), importCategoryTags: false, importPreview: null, importError: null, importResult: null, importBusy: false });
    },
  };
};
