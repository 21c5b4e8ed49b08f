import type { ExportScope } from '../../../../shared/ipc/contract.js';
import type { MarkdownExportReportData } from '../../../../shared/models/export-report.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

export interface ExportSlice {
  readonly exportReport: MarkdownExportReportData | null;
  /** A single-file export's result (highlights file, .bib, CSL-JSON); `highlights` counts `unit`. */
  readonly exportDigest: {
    file: string;
    outcome: string;
    highlights: number;
    reason?: string | undefined;
    unit?: 'papers' | 'highlights';
  } | null;
  readonly exportError: string | null;
  readonly exportBusy: boolean;
  runExport(dir: string, scope: ExportScope): Promise<void>;
  runHighlightsExport(file: string, scope: ExportScope): Promise<void>;
  runBibliographyExport(format: 'bibtex' | 'csl-json', file: string, scope: ExportScope): Promise<void>;
  resetExport(): void;
  /** Ask main for the folder to export to (a native dialog in the app); null when cancelled or refused. */
  chooseExportFolder(): Promise<string | null>;
  /** The open paper as Markdown, onto the clipboard. */
  copyPaperMarkdown(): Promise<void>;
}

export const createExportSlice: SliceCreator<ExportSlice> = (api) => (set, get) => ({
  exportReport: null,
  exportDigest: null,
  exportError: null,
  exportBusy: false,
  async chooseExportFolder() {
    try {
      const { dir } = await api.call('export:chooseFolder', {});
      return dir;
    } catch (error) {
      set({ exportError: describeError(error) });
      return null;
    }
  },
  async runExport(dir, scope) {
    set({ exportBusy: true, exportError: null, exportReport: null, exportDigest: null });
    try {
      set({ exportReport: await api.call('export:markdown', { dir, scope, dryRun: false }), exportBusy: false });
    } catch (error) {
      set({ exportError: describeError(error), exportBusy: false });
    }
  },
  async runHighlightsExport(file, scope) {
    set({ exportBusy: true, exportError: null, exportReport: null, exportDigest: null });
    try {
      set({ exportDigest: await api.call('export:highlights', { file, scope }), exportBusy: false });
    } catch (error) {
      set({ exportError: describeError(error), exportBusy: false });
    }
  },
  async runBibliographyExport(format, file, scope) {
    set({ exportBusy: true, exportError: null, exportReport: null, exportDigest: null });
    try {
      const result = await api.call('export:bibliography', { format, file, scope });
      set({
        exportDigest: {
          file: result.file,
          outcome: result.outcome,
          highlights: result.papers,
          reason: result.reason,
          unit: 'papers',
        },
        exportBusy: false,
      });
    } catch (error) {
      set({ exportError: describeError(error), exportBusy: false });
    }
  },
  resetExport: () => set({ exportReport: null, exportDigest: null, exportError: null, exportBusy: false }),
  async copyPaperMarkdown() {
    const paper = get().paper;
    if (!paper) return;
    try {
      const { markdown } = await api.call('export:paperMarkdown', { id: paper.id });
      await navigator.clipboard.writeText(markdown);
      get().showToast('Copied this paper as Markdown.');
    } catch (error) {
      get().showToast(`Could not copy: ${describeError(error)}`);
    }
  },
});
