import type { EntryEditAction, ImportReport } from '../../../../shared/models/import-report.js';
import type { ImportPreview } from '../../../../shared/models/views.js';
import type { PaperId } from '../../../../shared/models/paper.js';
import { IMPORT_PROGRESS_FROM, type ImportProgressView } from '../../../../shared/models/import-progress.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';
import { followImport, newImportId } from './import-progress.js';

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
  /** How far the preview or import under way has got: shown for large imports, null otherwise. */
  readonly importProgress: ImportProgressView | null;
  /** Whether the import under way writes (Import) or only looks (the preview). */
  readonly importWrites: boolean;
  /** Cancel was pressed and main has not answered yet. */
  readonly importCancelling: boolean;
  /** The last preview or import was cancelled before anything was written. */
  readonly importCancelled: boolean;
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
  /** Stop the preview or import under way; an import stops with nothing written unless it is already writing. */
  cancelImport(): Promise<void>;
  /** "Not the same paper": remember it, and preview again (the entry now comes in as new). */
  notSamePaper(paperId: PaperId, entryKey: string): Promise<void>;
  resetImport(): void;
}

export type ImportCorrection = Exclude<EntryEditAction, 'exclude'>;

/** How long the text must stay unchanged before it is previewed. */
const PREVIEW_DELAY_MS = 250;
/** A preview still reading after this long shows its progress, whatever its size. */
const SHOW_READING_AFTER_MS = 1000;

/** The preview or import under way, to follow and to stop. */
interface Running {
  readonly id: string;
  readonly stopFollowing: () => void;
  cancelled: boolean;
}

export const createImportSlice: SliceCreator<ImportSlice> = (api) => (set, get) => {
  let previewRun = 0;
  let running: Running | null = null;
  /**
   * Follow a new preview or import; large ones (or slow ones) show their progress. An import the preview found
   * large shows it at once, Cancel included, before main has said anything.
   */
  const start = (writes: boolean, large = false): Running => {
    running?.stopFollowing();
    const id = newImportId();
    const started = Date.now();
    const stopFollowing = followImport(api, id, (progress) => {
      if (running?.id !== id) return;
      // An import shows its progress at once (with its Cancel); a preview only when it is large or slow.
      if (writes || progress.total > 0 || Date.now() - started >= SHOW_READING_AFTER_MS)
        set({ importProgress: progress });
    });
    running = { id, stopFollowing, cancelled: false };
    set({
      importProgress: large ? { phase: 'waiting', done: 0, total: 0, cancelRequested: false } : null,
      importWrites: writes,
      importCancelling: false,
      importCancelled: false,
    });
    return running;
  };
  /**
   * The run is over: stop following it. Says whether it stopped because it was cancelled (one that succeeded
   * got past its commit point before the cancel reached it: it landed whole).
   */
  const finish = (run: Running, succeeded: boolean): boolean => {
    run.stopFollowing();
    const cancelled = run.cancelled && !succeeded;
    if (running !== run) return cancelled;
    running = null;
    set({ importProgress: null, importCancelling: false, importCancelled: cancelled });
    return cancelled;
  };
  /**
   * Stop the preview under way, if any (the text changed, the dialog closed): nothing to say about it. An
   * import under way goes on (closing the dialog never stops one; its toast still says what it did).
   */
  const abandon = () => {
    if (!running || get().importBusy) return;
    const { id, stopFollowing } = running;
    stopFollowing();
    running = null;
    void api.call('import:cancel', { importId: id }).catch(() => undefined);
  };
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
    importProgress: null,
    importWrites: false,
    importCancelling: false,
    importCancelled: false,
  });
  return {
    ...empty(),
    setImportText(text, fileName, html = null, encoding = null) {
      // A preview of the old text still on its way must not land on the new one; and corrections name
      // entries of the old text, so the new text starts without them.
      previewRun++;
      abandon();
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
        importProgress: null,
        importCancelled: false,
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
      // An import under way keeps its place; a preview still running gives way to this one.
      if (!get().importBusy) abandon();
      const follow = get().importBusy ? null : start(false);
      try {
        const preview = await api.call('import:preview', { ...req, ...(follow ? { importId: follow.id } : {}) });
        if (follow) finish(follow, true);
        if (run === previewRun) set({ importPreview: preview, importError: null });
      } catch (error) {
        if (follow && finish(follow, false)) return;
        if (run === previewRun) set({ importPreview: null, importError: describeError(error) });
      }
    },
    async runImport() {
      abandon();
      set({ importBusy: true, importError: null });
      const preview = get().importPreview;
      const follow = start(
        true,
        preview !== null && preview.added + preview.merged + preview.unchanged > IMPORT_PROGRESS_FROM,
      );
      try {
        const result = await api.call('import:run', { ...request(), tags: [], importId: follow.id });
        finish(follow, true);
        // Entries that failed or were skipped need reading; otherwise one toast is the whole confirmation.
        const clean = result.failed.length === 0 && result.skipped.length === 0;
        set({ importResult: clean ? null : result, importBusy: false });
        if (clean) {
          get().closeDialog();
          get().showToast(importSummary(result), { undo: result.added + result.merged > 0 });
        }
        if (result.added > 0) await get().showFirstOfList(result.ids[0] ?? null);
      } catch (error) {
        // Cancelled before its commit point: nothing was written, which the dialog says.
        if (finish(follow, false)) set({ importBusy: false });
        else set({ importError: describeError(error), importBusy: false });
      }
    },
    async cancelImport() {
      const run = running;
      if (!run) return;
      run.cancelled = true;
      set({ importCancelling: true });
      try {
        await api.call('import:cancel', { importId: run.id });
      } catch (error) {
        run.cancelled = false;
        set({ importCancelling: false, importError: describeError(error) });
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
      abandon();
      clearTimeout(previewTimer);
      set(empty());
    },
  };
};
