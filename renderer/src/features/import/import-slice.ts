import type { EntryEditAction, ImportReport } from '../../../../shared/models/import-report.js';
import type { ImportPreview } from '../../../../shared/models/views.js';
import type { PaperId } from '../../../../shared/models/paper.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

/** What the user pasted or dropped: the text, and the same content as HTML when the clipboard had it. */
export interface ImportSeed {
  readonly text: string;
  readonly fileName: string | null;
  readonly html?: string | null;
  /** The file's encoding, when it was not UTF-8 (shown to the user). */
  readonly encoding?: string;
}

/** "Imported 76 new papers, merged 2 into papers you had, 3 already in the library." */
export function importSummary(result: Pick<ImportReport, 'added' | 'merged' | 'unchanged'>): string {
  const { added, merged, unchanged } = result;
  const parts = [`Imported ${added} new ${added === 1 ? 'paper' : 'papers'}`];
  if (merged > 0) parts.push(`merged ${merged} into papers you had`);
  if (unchanged > 0) parts.push(`${unchanged} already in the library`);
  return `${parts.join(', ')}.`;
}

export interface ImportSlice {
  readonly importText: string;
  readonly importFileName: string | null;
  /** The chosen or dropped file's encoding, when it was not UTF-8. */
  readonly importEncoding: string | null;
  /** The paste as HTML (its links give papers their ids); dropped when the text is edited by hand. */
  readonly importHtml: string | null;
  /** Entries unticked in the preview, by position in the parse. */
  readonly importExcluded: ReadonlySet<number>;
  /** Mis-reads corrected in the preview (not a paper, join, abstract of the one above), by position in the parse. */
  readonly importCorrections: ReadonlyMap<number, ImportCorrection>;
  /** Tag papers with their arXiv categories (`arxiv/cs.LG`). */
  readonly importCategoryTags: boolean;
  /** What importing the text would do; null until previewed. */
  readonly importPreview: ImportPreview | null;
  readonly importError: string | null;
  readonly importBusy: boolean;
  /** What the last import did. */
  readonly importResult: ImportReport | null;
  setImportText(text: string, fileName: string | null, html?: string | null, encoding?: string | null): void;
  /** Tick or untick one entry, and preview again. */
  setImportIncluded(index: number, included: boolean): Promise<void>;
  /** Correct the reading of one entry, and preview again. */
  correctImportEntry(index: number, correction: ImportCorrection): Promise<void>;
  /** Undo every correction (ticks stay as they are). */
  clearImportCorrections(): Promise<void>;
  setImportCategoryTags(on: boolean): Promise<void>;
  previewImport(): Promise<void>;
  runImport(): Promise<void>;
  /** "Not the same paper": remember it, and preview again (the entry now comes in as new). */
  notSamePaper(paperId: PaperId, entryKey: string): Promise<void>;
  resetImport(): void;
}

export type ImportCorrection = Exclude<EntryEditAction, 'exclude'>;

/** How long the text must stay unchanged before it is previewed. */
const PREVIEW_DELAY_MS = 250;

export const createImportSlice: SliceCreator<ImportSlice> = (api) => (set, get) => {
  let previewRun = 0;
  const request = () => {
    const { importText, importFileName, importHtml, importExcluded, importCorrections, importCategoryTags } = get();
    return {
      text: importText,
      format: 'auto' as const,
      fileName: importFileName,
      html: importHtml,
      edits: [
        ...[...importExcluded].map((index) => ({ index, action: 'exclude' as const })),
        ...[...importCorrections].map(([index, action]) => ({ index, action })),
      ],
      categoryTags: importCategoryTags,
    };
  };
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  /** The dialog as it opens: nothing pasted, nothing previewed. */
  const empty = () => ({
    importText: '',
    importFileName: null,
    importEncoding: null,
    importHtml: null,
    importExcluded: new Set<number>(),
    importCorrections: new Map<number, ImportCorrection>(),
    importCategoryTags: false,
    importPreview: null,
    importError: null,
    importBusy: false,
    importResult: null,
  });
  return {
    ...empty(),
    setImportText(text, fileName, html = null, encoding = null) {
      // A preview of the old text still on its way must not land on the new one; and corrections name
      // entries of the old text, so the new text starts without them.
      previewRun++;
      // Preview a beat after the text stops changing (typing); a paste or a file previews at once instead.
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => void get().previewImport(), PREVIEW_DELAY_MS);
      set({
        importText: text,
        importFileName: fileName,
        importEncoding: encoding,
        importHtml: html,
        importExcluded: new Set(),
        importCorrections: new Map(),
        importPreview: null,
        importError: null,
        importResult: null,
      });
    },
    async setImportIncluded(index, included) {
      const excluded = new Set(get().importExcluded);
      if (included) excluded.delete(index);
      else excluded.add(index);
      set({ importExcluded: excluded });
      await get().previewImport();
    },
    async correctImportEntry(index, correction) {
      set({ importCorrections: new Map(get().importCorrections).set(index, correction) });
      await get().previewImport();
    },
    async clearImportCorrections() {
      set({ importCorrections: new Map() });
      await get().previewImport();
    },
    async setImportCategoryTags(on) {
      set({ importCategoryTags: on });
      await get().previewImport();
    },
    async previewImport() {
      clearTimeout(previewTimer);
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
        // Entries that failed or were skipped need reading; otherwise one toast is the whole confirmation.
        const clean = result.failed.length === 0 && result.skipped.length === 0;
        set({ importResult: clean ? null : result, importBusy: false });
        if (clean) {
          get().closeDialog();
          get().showToast(importSummary(result), { undo: result.added + result.merged > 0 });
        }
        if (result.added > 0) await get().showFirstOfList(result.ids[0] ?? null);
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
      clearTimeout(previewTimer);
      set(empty());
    },
  };
};
