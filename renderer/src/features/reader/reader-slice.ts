import { STATUSES, type Paper, type Status } from '../../../../shared/models/paper.js';
import type { ListRow } from '../../../../shared/models/views.js';
import { STATUS_LABELS } from '../sidebar/views.js';
import { describeError, type MarginState, type SliceCreator } from '../../store/store-types.js';

export interface ReaderSlice {
  /** The paper shown in the reader, whole. */
  readonly paper: Paper | null;
  readonly readerError: string | null;
  openPaper(id: string): Promise<void>;
  /** Fetch the open paper again (it changed elsewhere), or the one being opened. */
  refreshPaper(): Promise<void>;
  setStatus(status: Status): Promise<void>;
  /** `s`: inbox → to-read → reading → read → archived → inbox. */
  cycleStatus(): Promise<void>;
  archive(): Promise<void>;
  addTag(tag: string): Promise<void>;
  /** Delete key: the open paper goes to the Trash (restorable). */
  trashPaper(): Promise<void>;
  untrashPaper(): Promise<void>;
  removeTag(tag: string): Promise<void>;
}

/** A title short enough for a toast. */
export function shortTitle(title: string): string {
  return title.length > 60 ? `${title.slice(0, 60)}…` : title;
}

/** The next status in the cycle. */
export function nextStatus(status: Status): Status {
  return STATUSES[(STATUSES.indexOf(status) + 1) % STATUSES.length] ?? 'inbox';
}

function isListRow(value: unknown): value is ListRow {
  return typeof value === 'object' && value !== null && 'id' in value && 'status' in value && 'tags' in value;
}

/** Put an edited row into the list and the open paper, without waiting for the reload. */
function applyRow(state: MarginState, row: ListRow): Partial<MarginState> {
  const rows = { ...state.rows };
  for (const [index, existing] of Object.entries(rows)) if (existing.id === row.id) rows[Number(index)] = row;
  const paper = state.paper?.id === row.id ? { ...state.paper, status: row.status, tags: row.tags } : state.paper;
  return { rows, paper };
}

export const createReaderSlice: SliceCreator<ReaderSlice> = (api) => (set, get) => {
  let latestOpen = 0;
  /** The paper the reader is showing or about to show. */
  let target: string | null = null;

  /**
   * Edit the open paper and show the result at once; the list and overview refresh from the change event.
   * With `advance` (keyboard triage) the reader then shows whatever paper is selected after that refresh,
   * so `s` or `e` in the Inbox moves on to the next paper.
   */
  async function edit(run: (id: Paper['id']) => Promise<unknown>, advance = false): Promise<boolean> {
    const paper = get().paper;
    if (!paper) return false;
    get().advanceOnNextReload(advance);
    try {
      const row = await run(paper.id);
      if (isListRow(row)) set((state) => applyRow(state, row));
      return true;
    } catch (error) {
      get().advanceOnNextReload(false);
      set({ readerError: describeError(error) });
      return false;
    }
  }

  /** A status change, said in a toast with Undo, and undoable and redoable with Ctrl/Cmd+(Shift+)Z. */
  async function move(status: Status, advance: boolean): Promise<void> {
    const paper = get().paper;
    if (!paper || paper.status === status) return;
    if (!(await edit((id) => api.call('papers:setStatus', { id, status }), advance))) return;
    get().showToast(`Moved to ${STATUS_LABELS[status]}`, { undo: true });
  }

  return {
    paper: null,
    readerError: null,
    async openPaper(id) {
      target = id;
      const request = ++latestOpen;
      try {
        const paper = await api.call('papers:get', { id });
        if (request !== latestOpen) return;
        const sameOne = get().paper?.id === id;
        set({ paper, readerError: null, ...(sameOne ? {} : { selectedAnnotationId: null }) });
      } catch (error) {
        if (request === latestOpen) set({ readerError: describeError(error) });
      }
    },
    async trashPaper() {
      const paper = get().paper;
      if (!paper || paper.trashedAt !== null) return;
      if (!(await edit((id) => api.call('papers:trash', { ids: [id] }), true))) return;
      get().showToast(`Moved “${shortTitle(paper.title)}” to the Trash`, { undo: true });
    },
    async untrashPaper() {
      const paper = get().paper;
      if (!paper || paper.trashedAt === null) return;
      if (await edit((id) => api.call('papers:untrash', { ids: [id] })))
        get().showToast(`Restored “${shortTitle(paper.title)}”`, { undo: true });
    },
    async refreshPaper() {
      if (target !== null) await get().openPaper(target);
    },
    setStatus: (status) => move(status, false),
    async cycleStatus() {
      const paper = get().paper;
      if (paper) await move(nextStatus(paper.status), true);
    },
    archive: () => move('archived', true),
    async addTag(tag) {
      const paper = get().paper;
      if (!paper || paper.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return;
      if (await edit((id) => api.call('papers:addTags', { id, tags: [tag] })))
        get().showToast(`Tagged #${tag}`, { undo: true });
    },
    async removeTag(tag) {
      const paper = get().paper;
      if (!paper) return;
      if (await edit((id) => api.call('papers:removeTags', { id, tags: [tag] })))
        get().showToast(`Removed #${tag}`, { undo: true });
    },
  };
};
