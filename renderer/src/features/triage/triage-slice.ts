import {
  EMPTY_WATCH_LIST,
  type TriageDecision,
  type TriageSummary,
  type TriageView,
  type WatchList,
} from '../../../../shared/models/triage.js';
import { describeError, type MarginState, type SliceCreator } from '../../store/store-types.js';
import type { Response } from '../../../../shared/ipc/contract.js';

export type TriageOutcome = Response<'triage:finish'>;
import type { ImportSeed } from '../import/import-slice.js';
import { nextUndecided, triageOrder, type ShownItem } from './triage-order.js';

/** A decision as it was before a key changed it, for `u`. */
interface DecisionUndo {
  readonly changes: ReadonlyArray<{ index: number; decision: TriageDecision | null; tags: string[] }>;
}

export interface TriageSlice {
  /** The digest being triaged; null when no triage is open. */
  readonly triage: TriageView | null;
  /** The papers to decide on, in order (derived from `triage`, the watch list and Show skipped). */
  readonly triageShown: readonly ShownItem[];
  /** Position in `triageShown` of the paper shown. */
  readonly triageAt: number;
  readonly triageShowSkipped: boolean;
  readonly triageBusy: boolean;
  readonly triageError: string | null;
  /** After Finish: what it did. */
  readonly triageDone: TriageOutcome | null;
  readonly triageHistory: readonly TriageSummary[] | null;
  readonly watchList: WatchList;
  /** New versions accepted in this triage, with the highlights they orphaned. */
  readonly acceptedVersions: Readonly<Record<number, readonly string[]>>;
  startTriage(seed: ImportSeed): Promise<void>;
  reopenTriage(id: string): Promise<void>;
  decideTriage(decision: TriageDecision): Promise<void>;
  /** Keys 1–9: the user's quick tags, on or off for the paper shown. */
  toggleQuickTag(position: number): Promise<void>;
  /** "Keep all remaining" / "Skip all remaining": one decision for every undecided paper, one `u` to undo. */
  decideRemaining(decision: TriageDecision): Promise<void>;
  undoTriageDecision(): Promise<void>;
  moveTriage(delta: number): void;
  showTriageAt(position: number): void;
  setTriageShowSkipped(show: boolean): void;
  acceptNewVersion(): Promise<void>;
  finishTriage(): Promise<void>;
  closeTriage(): void;
  loadTriageHistory(): Promise<void>;
  loadWatchList(): Promise<void>;
  saveWatchList(watch: WatchList): Promise<boolean>;
}

export const createTriageSlice: SliceCreator<TriageSlice> = (api) => (set, get) => {
  const undo: DecisionUndo[] = [];

  /** Put new decisions into the view at once (the list redraws only what changed), then save them. */
  async function apply(changes: DecisionUndo['changes'], advance: boolean): Promise<void> {
    const view = get().triage;
    if (!view || changes.length === 0) return;
    const byIndex = new Map(changes.map((c) => [c.index, c]));
    const items = view.items.map((item) => {
      const change = byIndex.get(item.index);
      return change ? { ...item, decision: change.decision, tags: change.tags } : item;
    });
    const triage = { ...view, items };
    const shown = get().triageShown.map((s) => {
      const change = byIndex.get(s.item.index);
      return change ? { ...s, item: { ...s.item, decision: change.decision, tags: change.tags } } : s;
    });
    const at = advance ? nextUndecided(shown, get().triageAt) : get().triageAt;
    set({ triage, triageShown: shown, triageAt: at, triageError: null });
    try {
      await api.call('triage:decide', {
        id: view.session.id,
        decisions: changes.map((c) => ({ index: c.index, decision: c.decision, tags: c.tags })),
      });
    } catch (error) {
      set({ triageError: `Not saved: ${describeError(error)}` });
    }
  }

  function current(): ShownItem | undefined {
    return get().triageShown[get().triageAt];
  }

  function remember(items: readonly ShownItem[]): void {
    undo.push({
      changes: items.map((s) => ({ index: s.item.index, decision: s.item.decision, tags: [...s.item.tags] })),
    });
  }

  function show(view: TriageView, state: Pick<MarginState, 'watchList' | 'triageShowSkipped'>): Partial<MarginState> {
    const shown = triageOrder(view.items, state.watchList, state.triageShowSkipped);
    const first = shown.findIndex((s) => s.item.decision === null);
    return { triage: view, triageShown: shown, triageAt: Math.max(first, 0), triageError: null, triageDone: null };
  }

  return {
    triage: null,
    triageShown: [],
    triageAt: 0,
    triageShowSkipped: false,
    triageBusy: false,
    triageError: null,
    triageDone: null,
    triageHistory: null,
    watchList: EMPTY_WATCH_LIST,
    acceptedVersions: {},
    async startTriage(seed) {
      set({ triageBusy: true, triageError: null });
      try {
        await get().loadWatchList();
        const view = await api.call('triage:start', {
          text: seed.text,
          html: seed.html ?? null,
          format: 'auto',
          fileName: seed.fileName,
        });
        undo.length = 0;
        set({ ...show(view, get()), triageBusy: false, acceptedVersions: {} });
        get().closeDialog();
      } catch (error) {
        set({ triageBusy: false, triageError: describeError(error) });
        throw error;
      }
    },
    async reopenTriage(id) {
      try {
        await get().loadWatchList();
        const view = await api.call('triage:open', { id });
        undo.length = 0;
        set({ ...show(view, get()), acceptedVersions: {} });
        get().closeDialog();
      } catch (error) {
        get().showToast(`Could not reopen that triage: ${describeError(error)}`);
      }
    },
    async decideTriage(decision) {
      const shown = current();
      if (!shown) return;
      remember([shown]);
      await apply([{ index: shown.item.index, decision, tags: [...shown.item.tags] }], true);
    },
    async toggleQuickTag(position) {
      const shown = current();
      const tag = get().watchList.quickTags[position];
      if (!shown || tag === undefined) return;
      remember([shown]);
      const has = shown.item.tags.some((t) => t.toLowerCase() === tag.toLowerCase());
      const tags = has
        ? shown.item.tags.filter((t) => t.toLowerCase() !== tag.toLowerCase())
        : [...shown.item.tags, tag];
      await apply([{ index: shown.item.index, decision: shown.item.decision, tags }], false);
    },
    async decideRemaining(decision) {
      const remaining = get().triageShown.filter((s) => s.item.decision === null);
      if (remaining.length === 0) return;
      remember(remaining);
      await apply(
        remaining.map((s) => ({ index: s.item.index, decision, tags: [...s.item.tags] })),
        true,
      );
    },
    async undoTriageDecision() {
      const last = undo.pop();
      if (!last) {
        get().showToast('No decision to undo.');
        return;
      }
      await apply(last.changes, false);
      const first = last.changes[0];
      const at = get().triageShown.findIndex((s) => s.item.index === first?.index);
      if (at >= 0) set({ triageAt: at });
    },
    moveTriage(delta) {
      const { triageShown, triageAt } = get();
      if (triageShown.length === 0) return;
      set({ triageAt: Math.min(Math.max(triageAt + delta, 0), triageShown.length - 1) });
    },
    showTriageAt(position) {
      set({ triageAt: position });
    },
    setTriageShowSkipped(showSkipped) {
      const view = get().triage;
      set({ triageShowSkipped: showSkipped });
      if (view) {
        const shown = triageOrder(view.items, get().watchList, showSkipped);
        const index = current()?.item.index;
        const at = shown.findIndex((s) => s.item.index === index);
        set({ triageShown: shown, triageAt: Math.max(at, 0) });
      }
    },
    async acceptNewVersion() {
      const view = get().triage;
      const shown = current();
      if (!view || !shown || shown.item.group !== 'new-version') return;
      try {
        const { orphaned } = await api.call('triage:acceptVersion', { id: view.session.id, index: shown.item.index });
        set((s) => ({ acceptedVersions: { ...s.acceptedVersions, [shown.item.index]: orphaned } }));
        get().showToast(
          orphaned.length === 0
            ? 'Took the new version; every highlight kept its place.'
            : `Took the new version; ${orphaned.length} highlight${orphaned.length === 1 ? '' : 's'} lost its text and is kept as orphaned.`,
          { undo: true },
        );
      } catch (error) {
        set({ triageError: describeError(error) });
      }
    },
    async finishTriage() {
      const view = get().triage;
      if (!view) return;
      set({ triageBusy: true, triageError: null });
      try {
        const done = await api.call('triage:finish', { id: view.session.id });
        set({ triageBusy: false, triageDone: done });
      } catch (error) {
        set({ triageBusy: false, triageError: describeError(error) });
      }
    },
    closeTriage() {
      undo.length = 0;
      set({ triage: null, triageShown: [], triageAt: 0, triageDone: null, triageError: null, acceptedVersions: {} });
    },
    async loadTriageHistory() {
      try {
        set({ triageHistory: await api.call('triage:history', {}) });
      } catch (error) {
        get().showToast(`Could not list past triages: ${describeError(error)}`);
      }
    },
    async loadWatchList() {
      try {
        set({ watchList: await api.call('triage:watchList', {}) });
      } catch (error) {
        set({ triageError: `Could not read the watch list: ${describeError(error)}` });
      }
    },
    async saveWatchList(watch) {
      try {
        const saved = await api.call('triage:setWatchList', watch);
        set({ watchList: saved });
        const view = get().triage;
        if (view) set({ triageShown: triageOrder(view.items, saved, get().triageShowSkipped) });
        return true;
      } catch (error) {
        set({ triageError: describeError(error) });
        return false;
      }
    },
  };
};
