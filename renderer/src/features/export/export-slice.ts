import type { ExportScope } from '../../../../shared/ipc/contract.js';
import type { MarkdownExportReportData } from '../../../../shared/models/export-report.js';
import type { ExportConflict, ResolveChoice } from '../../../../shared/models/export-conflict.js';
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
  /** The notes of the last export's folder that both the user and Margin changed, with what it takes to settle them. */
  readonly exportConflicts: readonly ExportConflict[];
  /** What the last resolution did, or why it was refused. */
  readonly exportConflictMessage: { readonly text: string; readonly error: boolean } | null;
  /** The paper whose conflict is being written. */
  readonly resolvingConflict: string | null;
  runExport(dir: string, scope: ExportScope): Promise<void>;
  runHighlightsExport(file: string, scope: ExportScope): Promise<void>;
  runBibliographyExport(format: 'bibtex' | 'csl-json', file: string, scope: ExportScope): Promise<void>;
  resetExport(): void;
  /** Settle one conflict of the last export's folder; the list is read again afterwards either way. */
  resolveExportConflict(
    paperId: string,
    choice: ResolveChoice,
    answers?: readonly ('mine' | 'margin' | 'both')[],
  ): Promise<void>;
  /** Ask main for the folder to export to (a native dialog in the app); null when cancelled or refused. */
  chooseExportFolder(): Promise<string | null>;
  /** The open paper as Markdown, onto the clipboard. */
  copyPaperMarkdown(): Promise<void>;
}

/** What starting another export (or closing the dialog) clears. */
const CLEARED = {
  exportReport: null,
  exportDigest: null,
  exportError: null,
  exportConflicts: [],
  exportConflictMessage: null,
  resolvingConflict: null,
} as const;

const RESOLVED: Readonly<Record<ResolveChoice, string>> = {
  'keep-mine': 'Kept your version of',
  'take-margin': "Took Margin's side in",
  merge: 'Merged',
};

export const createExportSlice: SliceCreator<ExportSlice> = (api) => (set, get) => ({
  exportReport: null,
  exportDigest: null,
  exportError: null,
  exportBusy: false,
  exportConflicts: [],
  exportConflictMessage: null,
  resolvingConflict: null,
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
    set({ ...CLEARED, exportBusy: true });
    let report: MarkdownExportReportData;
    try {
      report = await api.call('export:markdown', { dir, scope, dryRun: false });
    } catch (error) {
      set({ exportError: describeError(error), exportBusy: false });
      return;
    }
    set({ exportReport: report });
    // Conflicts come with what it takes to settle them: the diff and the merge's questions.
    const ids = report.conflicts.map((c) => c.paperId);
    try {
      set({ exportConflicts: ids.length > 0 ? await api.call('export:conflicts', { dir: report.dir, ids }) : [] });
    } catch (error) {
      set({ exportConflictMessage: { text: describeError(error), error: true } });
    }
    set({ exportBusy: false });
  },
  async resolveExportConflict(paperId, choice, answers = []) {
    const report = get().exportReport;
    const conflict = get().exportConflicts.find((c) => c.paperId === paperId);
    if (!report || !conflict) return;
    set({ resolvingConflict: paperId, exportConflictMessage: null });
    let message: { text: string; error: boolean };
    try {
      const result = await api.call('export:resolve', {
        dir: report.dir,
        paperId,
        choice,
        fingerprint: conflict.fingerprint,
        answers: [...answers],
      });
      const kept = result.yours === null ? '' : ` Your version before it is kept as ${result.yours}.`;
      message = { text: `${RESOLVED[choice]} ${conflict.file}.${kept}`, error: false };
    } catch (error) {
      message = { text: describeError(error), error: true };
    }
    // Read again either way: after a refusal the file changed, and the list should show it as it is now.
    let conflicts: readonly ExportConflict[] = get().exportConflicts;
    try {
      conflicts = await api.call('export:conflicts', { dir: report.dir, ids: report.conflicts.map((c) => c.paperId) });
    } catch (error) {
      message = { text: describeError(error), error: true };
    }
    // Listed before and not now: settled. Those past the listing's limit stay reported until listed.
    const open = new Set(conflicts.map((c) => c.paperId));
    const settled = new Set(get().exportConflicts.flatMap((c) => (open.has(c.paperId) ? [] : [c.paperId])));
    set({
      exportConflicts: conflicts,
      exportReport: { ...report, conflicts: report.conflicts.filter((c) => !settled.has(c.paperId)) },
      exportConflictMessage: message,
      resolvingConflict: null,
    });
  },
  async runHighlightsExport(file, scope) {
    set({ ...CLEARED, exportBusy: true });
    try {
      set({ exportDigest: await api.call('export:highlights', { file, scope }), exportBusy: false });
    } catch (error) {
      set({ exportError: describeError(error), exportBusy: false });
    }
  },
  async runBibliographyExport(format, file, scope) {
    set({ ...CLEARED, exportBusy: true });
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
  resetExport: () => set({ ...CLEARED, exportBusy: false }),
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
