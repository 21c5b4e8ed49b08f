import { describeError, type SliceCreator } from '../../store/store-types.js';

/** Renaming, merging and deleting tags across the library; each is one undo step. */
export interface TagAdminSlice {
  /** The tag the Tags dialog opens on (from the sidebar's menu), if any. */
  readonly tagDialogTag: string | null;
  readonly tagAdminError: string | null;
  openTagDialog(tag: string | null): void;
  /** Rename `from` (and tags below it) to `to`; to a tag that exists, the two become one. */
  renameTag(from: string, to: string): Promise<boolean>;
  deleteTag(tag: string): Promise<boolean>;
}

function papers(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'paper' : 'papers'}`;
}

export const createTagAdminSlice: SliceCreator<TagAdminSlice> = (api) => (set, get) => {
  /** After a tag is renamed or deleted, a list showing it would show nothing: follow the rename, or go to All. */
  async function leaveTag(tag: string, to: string | null): Promise<void> {
    const view = get().view;
    if (view.kind !== 'tag') return;
    const lower = view.tag.toLowerCase();
    const gone = tag.toLowerCase();
    if (lower !== gone && !lower.startsWith(`${gone}/`)) return;
    await get().setView(to === null ? { kind: 'all' } : { kind: 'tag', tag: `${to}${view.tag.slice(tag.length)}` });
  }
  return {
    tagDialogTag: null,
    tagAdminError: null,
    openTagDialog(tag) {
      set({ tagDialogTag: tag, tagAdminError: null });
      get().openDialog('tags');
    },
    async renameTag(from, to) {
      const merging = get().overview?.tags.some((t) => t.tag.toLowerCase() === to.trim().toLowerCase()) ?? false;
      try {
        const { count } = await api.call('tags:rename', { from, to: to.trim() });
        set({ tagAdminError: null });
        get().closeDialog();
        get().showToast(`${merging ? 'Merged' : 'Renamed'} #${from} into #${to.trim()} on ${papers(count)}`, {
          undo: true,
        });
        await leaveTag(from, to.trim());
        return true;
      } catch (error) {
        set({ tagAdminError: describeError(error) });
        return false;
      }
    },
    async deleteTag(tag) {
      try {
        const { count } = await api.call('tags:delete', { tag });
        set({ tagAdminError: null });
        get().closeDialog();
        get().showToast(`Took #${tag} off ${papers(count)}`, { undo: true });
        await leaveTag(tag, null);
        return true;
      } catch (error) {
        set({ tagAdminError: describeError(error) });
        return false;
      }
    },
  };
};
