import { MAX_SNIPPET_ROWS, type View } from '../../../../shared/ipc/contract.js';
import type { ListRow, Sort } from '../../../../shared/models/views.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

/** Rows are fetched in pages: the renderer never holds the whole library. */
export const PAGE_SIZE = 200;
/** How often a search asks again while the search index is being built. */
const BUILDING_RECHECK_MS = 2000;

export interface ListSlice {
  readonly view: View;
  readonly search: string;
  readonly sort: Sort;
  /** How many papers the current view and search select. */
  readonly total: number;
  /** Loaded rows by position; positions not yet fetched are missing. */
  readonly rows: Readonly<Record<number, ListRow>>;
  /** Bumped on every new query, so late answers to an old one are dropped. */
  readonly generation: number;
  readonly listLoaded: boolean;
  readonly listError: string | null;
  /**
   * A search runs over the whole library unless narrowed to the current view (the chip "in Inbox ×"). Choosing
   * a view while searching narrows to it; typing a new search searches everywhere again.
   */
  readonly searchInView: boolean;
  /** Filters in the search that could not be read, with what to type instead. */
  readonly searchProblems: readonly string[];
  /** How the last search was answered, when unusual (the index is being built). */
  readonly searchNote: string | null;
  /** When a search narrowed to a view finds nothing: how many it finds in All papers (null: not asked). */
  readonly elsewhereCount: number | null;
  setSearchInView(inView: boolean): Promise<void>;
  readonly selectedIndex: number;
  readonly selectedId: string | null;
  /**
   * Papers selected together (Shift/Ctrl/Cmd-click, Shift+j/k, Ctrl/Cmd+A), in list order; empty when one
   * paper is selected the usual way. With two or more the reader shows the bulk actions.
   */
  readonly multi: readonly string[];
  /** Where a Shift range starts: the paper last selected without Shift (an id: rows move when papers are added). */
  readonly anchorId: string | null;
  setView(view: View): Promise<void>;
  setSearch(search: string): Promise<void>;
  setSort(sort: Sort): Promise<void>;
  /** Make sure rows start…end (inclusive) are loaded. */
  ensureRange(start: number, end: number): Promise<void>;
  /** Fetch the current query again (after a change), keeping the selection where it is. */
  reloadList(): Promise<void>;
  /**
   * Keyboard triage: after the next reload the reader shows whatever paper is then at the selected place
   * (the one after a paper that left the view). Said before the edit, since its change event may come first.
   */
  advanceOnNextReload(advance: boolean): void;
  select(index: number): void;
  moveSelection(delta: number): void;
  /** Ctrl/Cmd-click: add the row to the selection, or take it out. */
  toggleSelected(index: number): void;
  /** Shift-click, Shift+j/k: select every row from the anchor to this one. */
  extendSelection(index: number): Promise<void>;
  /** Ctrl/Cmd+A: every paper the list shows (all of them, not only the rows loaded). */
  selectAll(): Promise<void>;
  clearSelection(): void;
  /**
   * After an import: select this paper where the list shows it (the newest are at the top), or the list's
   * first; either way the reader opens it.
   */
  showFirstOfList(id: string | null): Promise<void>;
}

export const createListSlice: SliceCreator<ListSlice> = (api) => (set, get) => {
  const inFlight = new Set<string>();
  /**
   * Whether the reader follows the selection. It does after the user selects or changes the query;
   * after a reload caused by an edit it does not, so the paper being edited never swaps under the user.
   */
  let follow = true;
  /** The last paper the list asked the reader to open. */
  let opened: string | null = null;
  let advanceNext = false;

  /** Where the search matched each row of a page, asked for after the rows are shown: the list never waits for it. */
  async function loadSnippets(search: string, offset: number, page: readonly ListRow[], generation: number) {
    const wanted = page.slice(0, MAX_SNIPPET_ROWS);
    if (wanted.length === 0) return;
    try {
      const { snippets } = await api.call('papers:snippets', { search, ids: wanted.map((r) => r.id) });
      if (get().generation !== generation) return;
      const byId = new Map(snippets.map((s) => [s.id, s.snippet]));
      const rows = { ...get().rows };
      wanted.forEach((row, i) => {
        const at = offset + i;
        const current = rows[at];
        if (current?.id === row.id && byId.has(row.id)) rows[at] = { ...current, snippet: byId.get(row.id) ?? null };
      });
      set({ rows });
    } catch {
      // Snippets are a help, not the result: the rows stand without them.
    }
  }

  async function loadPage(page: number, generation: number): Promise<void> {
    const key = `${generation}:${page}`;
    if (inFlight.has(key)) return;
    inFlight.add(key);
    try {
      const { search, sort } = get();
      const view = searchedView(get());
      const result = await api.call('papers:query', { view, search, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE });
      if (get().generation !== generation) return;
      const rows: Record<number, ListRow> = page === 0 && get().rows === EMPTY ? {} : { ...get().rows };
      result.rows.forEach((row, i) => {
        rows[result.offset + i] = row;
      });
      set({
        rows,
        total: result.total,
        listLoaded: true,
        listError: null,
        searchProblems: result.problems,
        searchNote: result.searchNote,
      });
      syncSelection();
      if (search.trim() !== '') void loadSnippets(search, result.offset, result.rows, generation);
      if (page === 0) void countElsewhere(generation, result.total);
      // While the index is built, ask again now and then: the note's progress moves, and once built the index answers.
      if (page === 0 && result.indexBuilding)
        setTimeout(() => {
          if (get().generation === generation && get().search === search) void requery(true);
        }, BUILDING_RECHECK_MS);
    } catch (error) {
      if (get().generation === generation) set({ listError: describeError(error), listLoaded: true });
    } finally {
      inFlight.delete(key);
    }
  }

  /** Keep the selected id in step with the selected position, within bounds. */
  function syncSelection(): void {
    const { total, selectedIndex, selectedId, rows } = get();
    // After a reload the selected paper may have moved (a new sort, papers added above it): follow it.
    const moved = follow ? undefined : Object.entries(rows).find(([, row]) => row.id === selectedId)?.[0];
    const wanted = moved === undefined ? selectedIndex : Number(moved);
    const index = total === 0 ? 0 : Math.min(Math.max(wanted, 0), total - 1);
    const id = rows[index]?.id ?? null;
    if (index !== selectedIndex || id !== selectedId) set({ selectedIndex: index, selectedId: id });
    if (id !== null && follow && id !== opened) {
      opened = id;
      void get().openPaper(id);
    }
  }

  /** A search narrowed to a view that finds nothing asks how many it would find in All papers. */
  async function countElsewhere(generation: number, total: number): Promise<void> {
    const { search, searchInView, view } = get();
    if (total > 0 || search.trim() === '' || !searchInView || view.kind === 'all') {
      if (get().elsewhereCount !== null) set({ elsewhereCount: null });
      return;
    }
    try {
      const all = await api.call('papers:query', {
        view: { kind: 'all' },
        search,
        sort: get().sort,
        offset: 0,
        limit: 1,
      });
      if (get().generation === generation) set({ elsewhereCount: all.total });
    } catch {
      // Only a hint: without it the empty list still says what to try.
    }
  }

  async function requery(keepSelection: boolean): Promise<void> {
    const generation = get().generation + 1;
    // A reload that overtakes a new query still loading (a change event meanwhile) keeps that query's following.
    follow = !keepSelection || advanceNext || (follow && !get().listLoaded);
    advanceNext = false;
    set({
      generation,
      rows: EMPTY,
      ...(keepSelection
        ? {}
        : { selectedIndex: 0, selectedId: null, total: 0, listLoaded: false, multi: NONE, anchorId: null }),
    });
    await loadPage(Math.floor(get().selectedIndex / PAGE_SIZE), generation);
    if (get().selectedIndex >= PAGE_SIZE) await loadPage(0, generation);
  }

  return {
    view: { kind: 'status', status: 'inbox' },
    search: '',
    sort: 'added',
    total: 0,
    rows: EMPTY,
    generation: 0,
    listLoaded: false,
    listError: null,
    searchInView: false,
    searchProblems: [],
    searchNote: null,
    elsewhereCount: null,
    selectedIndex: 0,
    selectedId: null,
    multi: NONE,
    anchorId: null,
    async setView(view) {
      // Choosing a view while searching narrows the search to it.
      set({ view, searchInView: get().search.trim() !== '' });
      await requery(false);
    },
    async setSearch(search) {
      // A new search (from an empty box) searches everywhere; refining one keeps its scope.
      const fresh = get().search.trim() === '';
      const cleared = search.trim() === '';
      // Searching ranks by best match (another sort stays one click away); an empty box lists newest first again.
      const sort =
        fresh && !cleared && get().sort === 'added'
          ? 'relevance'
          : cleared && get().sort === 'relevance'
            ? 'added'
            : get().sort;
      set({ search, sort, ...(fresh ? { searchInView: false } : {}) });
      await requery(false);
    },
    async setSearchInView(searchInView) {
      set({ searchInView });
      await requery(false);
    },
    async setSort(sort) {
      set({ sort });
      await requery(false);
    },
    async ensureRange(start, end) {
      const { generation, rows, total } = get();
      const last = Math.min(end, total - 1);
      const pages = new Set<number>();
      for (let i = Math.max(0, start); i <= last; i++) if (rows[i] === undefined) pages.add(Math.floor(i / PAGE_SIZE));
      await Promise.all([...pages].map((page) => loadPage(page, generation)));
    },
    async reloadList() {
      await requery(true);
    },
    advanceOnNextReload(advance) {
      advanceNext = advance;
    },
    toggleSelected(index) {
      const { rows, multi, selectedId } = get();
      const id = rows[index]?.id;
      if (id === undefined) return;
      const current = multi.length > 0 ? multi : selectedId !== null ? [selectedId] : [];
      const next = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
      if (next.length <= 1) {
        // Back to one paper: an ordinary selection, shown in the reader.
        const only = next[0];
        const at =
          only === undefined ? index : Number(Object.entries(rows).find(([, r]) => r.id === only)?.[0] ?? index);
        get().select(at);
        return;
      }
      set({ multi: inListOrder(next, rows), selectedIndex: index, selectedId: id, anchorId: id });
    },
    async extendSelection(index) {
      const { anchorId, total, rows: loaded, selectedIndex } = get();
      if (total === 0) return;
      const to = Math.min(Math.max(index, 0), total - 1);
      const anchorAt = Object.entries(loaded).find(([, r]) => r.id === anchorId)?.[0];
      const anchorIndex = anchorAt === undefined ? selectedIndex : Number(anchorAt);
      const [from, until] = anchorIndex <= to ? [anchorIndex, to] : [to, anchorIndex];
      await get().ensureRange(from, until);
      const rows = get().rows;
      const ids: string[] = [];
      for (let i = from; i <= until; i++) {
        const id = rows[i]?.id;
        if (id !== undefined) ids.push(id);
      }
      if (ids.length <= 1) {
        get().select(to);
        return;
      }
      set({
        multi: ids,
        selectedIndex: to,
        selectedId: rows[to]?.id ?? null,
        anchorId: rows[anchorIndex]?.id ?? anchorId,
      });
    },
    async selectAll() {
      const { search, sort } = get();
      try {
        const { ids } = await api.call('papers:ids', { view: searchedView(get()), search, sort });
        set({ multi: ids.length > 1 ? ids : NONE });
      } catch (error) {
        set({ listError: describeError(error) });
      }
    },
    clearSelection() {
      set({ multi: NONE });
    },
    async showFirstOfList(id) {
      set({ selectedIndex: 0 });
      advanceNext = true; // the reader follows the selection after this reload
      await requery(true);
      const at = Object.entries(get().rows).find(([, row]) => row.id === id)?.[0];
      if (at !== undefined) get().select(Number(at));
      else if (id !== null) void get().openPaper(id); // not in this view (a tag, the Archive): open it all the same
    },
    select(index) {
      follow = true;
      if (get().paper?.id !== get().rows[index]?.id) opened = null;
      set({ selectedIndex: index, anchorId: get().rows[index]?.id ?? null, multi: NONE });
      syncSelection();
      void get().ensureRange(index, index);
    },
    moveSelection(delta) {
      const { selectedIndex, total } = get();
      if (total === 0) return;
      get().select(Math.min(Math.max(selectedIndex + delta, 0), total - 1));
    },
  };
};

const EMPTY: Readonly<Record<number, ListRow>> = Object.freeze({});

/** The view a query runs in: the whole library while searching, unless narrowed to the view (or in the Trash). */
export function searchedView(state: Pick<ListSlice, 'view' | 'search' | 'searchInView'>): View {
  if (state.search.trim() === '' || state.searchInView || state.view.kind === 'trash') return state.view;
  return ALL_PAPERS;
}

/** One object, so selectors comparing by identity see no change between calls. */
const ALL_PAPERS: View = Object.freeze({ kind: 'all' });
const NONE: readonly string[] = Object.freeze([]);

/** Ids sorted by where their rows are in the list (ids of rows not loaded go last, as given). */
function inListOrder(ids: readonly string[], rows: Readonly<Record<number, ListRow>>): string[] {
  const position = new Map<string, number>(Object.entries(rows).map(([index, row]) => [row.id, Number(index)]));
  return [...ids].sort((a, b) => (position.get(a) ?? Infinity) - (position.get(b) ?? Infinity));
}
