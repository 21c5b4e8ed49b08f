import { CITATION_STYLE_LABELS, type ArxivCandidate, type CitationStyle } from '../../../../shared/models/citations.js';
import { own } from '../../../../shared/own.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

/** "Find on arXiv" for one paper: searching, the papers arXiv offered, or why it offered none. */
export interface ArxivFind {
  readonly paperId: string;
  readonly busy: boolean;
  readonly candidates: readonly ArxivCandidate[];
  /** Why there are no candidates (offline, arXiv unreachable, nothing found), or what went wrong applying one. */
  readonly message: string | null;
}

export interface CitationsSlice {
  readonly arxivFind: ArxivFind | null;
  /**
   * Papers as citations onto the clipboard, in the order given: one paper from the reader, or a selection
   * (the bulk pane calls this too). Says what it copied, or why it could not, in a toast.
   */
  copyCitations(ids: readonly string[], style: CitationStyle): Promise<void>;
  /** Search arXiv (main does, when online) for the open paper's title. */
  findOnArxiv(): Promise<void>;
  /** Merge the chosen arXiv paper's metadata into the paper searched for. */
  applyArxivMatch(arxivId: string): Promise<void>;
  closeArxivFind(): void;
}

export const createCitationsSlice: SliceCreator<CitationsSlice> = (api) => (set, get) => ({
  arxivFind: null,
  async copyCitations(ids, style) {
    const label = CITATION_STYLE_LABELS[style];
    if (ids.length === 0) return;
    try {
      const { text } = await api.call('citations:format', { ids: [...ids], style });
      await navigator.clipboard.writeText(text);
      get().showToast(
        ids.length === 1 ? `Copied the citation (${label}).` : `Copied ${ids.length} citations (${label}).`,
      );
    } catch (error) {
      get().showToast(`Could not copy the citation: ${describeError(error)}`);
    }
  },
  async findOnArxiv() {
    const paper = get().paper;
    if (!paper) return;
    if (paper.arxivId) {
      get().showToast(`This paper is already arXiv:${paper.arxivId}.`);
      return;
    }
    const paperId = paper.id;
    set({ arxivFind: { paperId, busy: true, candidates: [], message: null } });
    // A newer search (or a closed panel) wins over this one's late answer.
    const stillAsked = () => get().arxivFind?.paperId === paperId;
    try {
      const { candidates, message } = await api.call('arxiv:findByTitle', { paperId });
      if (stillAsked()) set({ arxivFind: { paperId, busy: false, candidates, message } });
    } catch (error) {
      if (stillAsked()) set({ arxivFind: { paperId, busy: false, candidates: [], message: describeError(error) } });
    }
  },
  async applyArxivMatch(arxivId) {
    const find = get().arxivFind;
    if (!find || find.busy) return;
    const { paperId } = find;
    set({ arxivFind: { ...find, busy: true, message: null } });
    try {
      const { changed } = await api.call('arxiv:applyMatch', { paperId, arxivId });
      set({ arxivFind: null });
      if (changed.length === 0) {
        get().showToast(`arXiv:${arxivId} had nothing to add.`);
        return;
      }
      get().showToast(`Filled in ${listed(changed.map(fieldName))} from arXiv:${arxivId}.`, { undo: true });
    } catch (error) {
      set({ arxivFind: { ...find, busy: false, message: describeError(error) } });
    }
  },
  closeArxivFind: () => set({ arxivFind: null }),
});

/** `a`, `a and b`, `a, b and c`. */
function listed(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** Field names as people say them. */
function fieldName(field: string): string {
  const names: Readonly<Record<string, string>> = {
    arxivId: 'the arXiv id',
    arxivVersion: 'the version',
    doi: 'the DOI',
    publishedAt: 'the date',
    url: 'the link',
    citationKey: 'the citation key',
  };
  return own(names, field) ?? `the ${field}`;
}
