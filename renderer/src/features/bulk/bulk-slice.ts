import { STATUS_NAMES, type Status } from '../../../../shared/models/paper.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

/** Edits of every selected paper at once; each is one undo step in main's history. */
export interface BulkSlice {
  readonly bulkError: string | null;
  bulkSetStatus(status: Status): Promise<void>;
  bulkEditTags(add: readonly string[], remove: readonly string[]): Promise<void>;
  bulkTrash(): Promise<void>;
}

function count(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'paper' : 'papers'}`;
}

export const createBulkSlice: SliceCreator<BulkSlice> = (api) => (set, get) => {
  /** Run one edit over the selection; say what it did with Undo, or what went wrong (nothing changed then). */
  async function run(edit: (ids: string[]) => Promise<string>, keepSelection: boolean): Promise<void> {
    const ids = [...get().multi];
    if (ids.length === 0) return;
    try {
      const said = await edit(ids);
      set({ bulkError: null });
      if (!keepSelection) get().clearSelection();
      get().showToast(said, { undo: true });
    } catch (error) {
      set({ bulkError: describeError(error) });
    }
  }
  return {
    bulkError: null,
    bulkSetStatus: (status) =>
      run(async (ids) => {
        const { count: moved } = await api.call('papers:setStatusMany', { ids, status });
        return `Moved ${count(moved)} to ${STATUS_NAMES[status]}`;
      }, false),
    bulkEditTags: (add, remove) =>
      run(async (ids) => {
        const { count: changed } = await api.call('papers:editTags', { ids, add: [...add], remove: [...remove] });
        const what = add.length > 0 ? `Tagged ${count(changed)} #${add.join(', #')}` : `Removed #${remove.join(', #')}`;
        return add.length > 0 ? what : `${what} from ${count(changed)}`;
      }, true),
    bulkTrash: () =>
      run(async (ids) => {
        const { count: trashed } = await api.call('papers:trash', { ids });
        return `Moved ${count(trashed)} to the Trash`;
      }, false),
  };
};
