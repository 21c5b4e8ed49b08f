import type { Annotation, AnnotationColor, Note, Paper } from '../../../../shared/models/paper.js';
import { withProseAsText } from '../../../../shared/text/tex-text.js';
import { describeError, type MarginState, type SliceCreator } from '../../store/store-types.js';

export interface AnnotationSlice {
  /** The highlight selected for editing in the reader. */
  readonly selectedAnnotationId: string | null;
  readonly annotationError: string | null;
  /** Notes not yet saved, by paper id (saved a beat after typing stops, and on leaving). */
  readonly noteDrafts: Readonly<Record<string, string>>;
  readonly noteSaving: boolean;
  /** Text selected in the open paper's abstract, as offsets (what `h` highlights). */
  readonly textSelection: { readonly start: number; readonly end: number } | null;
  setTextSelection(range: { start: number; end: number } | null): void;
  /** `h`: highlight the selected text. */
  highlightSelection(): Promise<void>;
  createAnnotation(start: number, end: number, color?: AnnotationColor): Promise<void>;
  /** Highlight a passage of a page of the open paper's PDF (offsets into the page's text). */
  createPdfAnnotation(input: {
    sha256: string;
    page: number;
    pageText: string;
    start: number;
    end: number;
  }): Promise<void>;
  selectAnnotation(id: string | null): void;
  updateAnnotation(id: string, patch: { color?: AnnotationColor; comment?: string }, undoable?: boolean): Promise<void>;
  deleteAnnotation(id: string): Promise<void>;
  editNote(paperId: string, text: string): void;
  /** Add a highlight's passage to the end of the open paper's note as a quote: `> passage (p. 3)`. */
  quoteIntoNote(annotation: Annotation): void;
  /** Save every unsaved note now (before the window closes or another paper opens). */
  flushNotes(): Promise<void>;
}

/** Put a changed annotation into the open paper. */
function withAnnotation(paper: Paper | null, annotation: Annotation, paperId: string): Paper | null {
  if (!paper || paper.id !== paperId) return paper;
  const others = paper.annotations.filter((a) => a.id !== annotation.id);
  return { ...paper, annotations: [...others, annotation], annotationCount: others.length + 1 };
}

function withoutAnnotation(paper: Paper | null, annotationId: string, paperId: string): Paper | null {
  if (!paper || paper.id !== paperId) return paper;
  const annotations = paper.annotations.filter((a) => a.id !== annotationId);
  return { ...paper, annotations, annotationCount: annotations.length };
}

export const createAnnotationSlice: SliceCreator<AnnotationSlice> = (api) => (set, get) => {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Make a highlight, show it selected, and let Ctrl+Z take it back. */
  async function added(paperId: string, create: () => Promise<Annotation>): Promise<void> {
    try {
      const created = await create();
      set((s) => ({
        paper: withAnnotation(s.paper, created, paperId),
        selectedAnnotationId: created.id,
        annotationError: null,
      }));
      get().showToast('Highlighted', { undo: true });
    } catch (error) {
      set({ annotationError: describeError(error) });
    }
  }

  async function saveNote(paperId: string): Promise<void> {
    const text = get().noteDrafts[paperId];
    if (text === undefined) return;
    clearTimeout(timers.get(paperId));
    timers.delete(paperId);
    set({ noteSaving: true });
    try {
      const note: Note | null = await api.call('notes:set', { paperId, text }); // ids in drafts come from opened papers
      set((state: MarginState) => {
        const drafts = { ...state.noteDrafts };
        // Keep a draft typed while this save was in flight.
        if (drafts[paperId] === text) delete drafts[paperId];
        const paper = state.paper?.id === paperId ? { ...state.paper, note, hasNote: note !== null } : state.paper;
        return { noteDrafts: drafts, paper, noteSaving: false, annotationError: null };
      });
    } catch (error) {
      set({
        noteSaving: false,
        annotationError: `Your note was not saved: ${describeError(error)}. It is kept here; keep typing or try again.`,
      });
    }
  }

  return {
    selectedAnnotationId: null,
    annotationError: null,
    noteDrafts: {},
    noteSaving: false,
    textSelection: null,
    setTextSelection: (range) => set({ textSelection: range }),
    async highlightSelection() {
      const range = get().textSelection;
      if (!range) {
        get().showToast('Select some text in the abstract first, then press h.');
        return;
      }
      set({ textSelection: null });
      document.getSelection()?.removeAllRanges();
      await get().createAnnotation(range.start, range.end);
    },
    async createAnnotation(start, end, color = 'yellow') {
      const paper = get().paper;
      if (!paper) return;
      await added(paper.id, () =>
        api.call('annotations:create', { paperId: paper.id, start, end, color, comment: '' }),
      );
    },
    async createPdfAnnotation(input) {
      const paper = get().paper;
      if (!paper) return;
      await added(paper.id, () =>
        api.call('annotations:createPdf', { paperId: paper.id, ...input, color: 'yellow', comment: '' }),
      );
    },
    quoteIntoNote(annotation) {
      const paper = get().paper;
      if (!paper) return;
      const current = get().noteDrafts[paper.id] ?? paper.note?.text ?? '';
      const page = annotation.pdf ? ` (p. ${annotation.pdf.page})` : '';
      // The note reads the quote as the abstract shows it: `68\\%` as 68%, formulas as TeX for the preview.
      const quoted = `${withProseAsText(annotation.quote.trim())}${page}`
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
      get().editNote(paper.id, `${current.trimEnd()}${current.trim() === '' ? '' : '\n\n'}${quoted}\n`);
      get().showToast('Quoted into the note.');
    },
    selectAnnotation: (id) => set({ selectedAnnotationId: id }),
    async updateAnnotation(id, patch) {
      const paper = get().paper;
      const before = paper?.annotations.find((a) => a.id === id);
      if (!paper || !before) return;
      try {
        const updated = await api.call('annotations:update', { paperId: paper.id, annotationId: id, ...patch });
        set((s) => ({ paper: withAnnotation(s.paper, updated, paper.id), annotationError: null }));
      } catch (error) {
        set({ annotationError: describeError(error) });
      }
    },
    async deleteAnnotation(id) {
      const paper = get().paper;
      if (!paper) return;
      try {
        await api.call('annotations:delete', { paperId: paper.id, annotationId: id });
        set((s) => ({
          paper: withoutAnnotation(s.paper, id, paper.id),
          selectedAnnotationId: null,
          annotationError: null,
        }));
        get().showToast('Highlight deleted', { undo: true });
      } catch (error) {
        set({ annotationError: describeError(error) });
      }
    },
    editNote(paperId, text) {
      set((s) => ({ noteDrafts: { ...s.noteDrafts, [paperId]: text } }));
      clearTimeout(timers.get(paperId));
      timers.set(
        paperId,
        setTimeout(() => void saveNote(paperId), 600),
      );
    },
    async flushNotes() {
      await Promise.all(Object.keys(get().noteDrafts).map((id) => saveNote(id)));
    },
  };
};
