import type { MarginState } from '../../store/store-types.js';

/** Where commands that need the DOM put focus. */
export interface FocusTargets {
  focusSearch(): void;
  focusList(): void;
  focusTagInput(): void;
  focusReader(): void;
}

/** An action the user can take: listed in the command palette and, with keys, in the shortcuts sheet. */
export interface Command {
  readonly id: string;
  readonly title: string;
  /** Keys as shown to people. */
  readonly keys: readonly string[];
  /** False for a key that only works in context (colors), listed in the shortcuts sheet but not the palette. */
  readonly inPalette?: false;
  run(state: MarginState, focus: FocusTargets): void;
}

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export const COMMANDS: readonly Command[] = [
  { id: 'next', title: 'Next paper', keys: ['j', '↓'], run: (s) => s.moveSelection(1) },
  { id: 'previous', title: 'Previous paper', keys: ['k', '↑'], run: (s) => s.moveSelection(-1) },
  { id: 'open', title: 'Open paper in the reader', keys: ['Enter'], run: (_s, f) => f.focusReader() },
  { id: 'search', title: 'Search the library', keys: ['/'], run: (_s, f) => f.focusSearch() },
  { id: 'cycle-status', title: 'Move paper to the next status', keys: ['s'], run: (s) => void s.cycleStatus() },
  { id: 'archive', title: 'Archive paper', keys: ['e'], run: (s) => void s.archive() },
  { id: 'tag', title: 'Add a tag', keys: ['t'], run: (_s, f) => f.focusTagInput() },
  { id: 'highlight', title: 'Highlight the selected text', keys: ['h'], run: (s) => void s.highlightSelection() },
  {
    id: 'color',
    title: 'Color the selected highlight (yellow, green, blue, pink, purple)',
    keys: ['1–5'],
    inPalette: false,
    run: () => undefined,
  },
  { id: 'undo', title: 'Undo the last change', keys: [`${mod}+Z`], run: (s) => void s.undo() },
  { id: 'redo', title: 'Redo', keys: [`${mod}+Shift+Z`], run: (s) => void s.redo() },
  { id: 'select-all', title: 'Select every paper in the list', keys: [`${mod}+A`], run: (s) => void s.selectAll() },
  {
    id: 'extend-selection',
    title: 'Extend the selection down or up',
    keys: ['Shift+J', 'Shift+K'],
    inPalette: false,
    run: () => undefined,
  },
  {
    id: 'toggle-sidebar',
    title: 'Show or hide the sidebar',
    keys: [],
    run: (s) => s.setLayout({ sidebarHidden: !s.layout.sidebarHidden }),
  },
  {
    id: 'toggle-density',
    title: 'Compact or comfortable rows',
    keys: [],
    run: (s) => s.setLayout({ density: s.layout.density === 'compact' ? 'comfortable' : 'compact' }),
  },
  { id: 'manage-tags', title: 'Rename, merge or delete tags…', keys: [], run: (s) => s.openTagDialog(null) },
  { id: 'export', title: 'Export notes as Markdown…', keys: [], run: (s) => s.openExport() },
  { id: 'trash', title: 'Move paper to the Trash', keys: ['Delete'], run: (s) => void s.trashPaper() },
  { id: 'duplicates', title: 'Find possible duplicates…', keys: [], run: (s) => s.openDialog('duplicates') },
  { id: 'backups', title: 'Restore from backup…', keys: [], run: (s) => s.openDialog('backups') },
  { id: 'copy-markdown', title: 'Copy this paper as Markdown', keys: [], run: (s) => void s.copyPaperMarkdown() },
  { id: 'import', title: 'Import papers…', keys: [`${mod}+V`], run: (s) => s.openImport(null) },
  { id: 'save-search', title: 'Save the current search', keys: [], run: (s) => void saveCurrentSearch(s) },
  { id: 'show-inbox', title: 'Go to Inbox', keys: [], run: (s) => void s.setView({ kind: 'status', status: 'inbox' }) },
  {
    id: 'show-reading',
    title: 'Go to Reading',
    keys: [],
    run: (s) => void s.setView({ kind: 'status', status: 'reading' }),
  },
  { id: 'show-all', title: 'Go to All papers', keys: [], run: (s) => void s.setView({ kind: 'all' }) },
  { id: 'sort-title', title: 'Sort by title', keys: [], run: (s) => void s.setSort('title') },
  { id: 'sort-added', title: 'Sort by date added', keys: [], run: (s) => void s.setSort('added') },
  { id: 'sort-year', title: 'Sort by year', keys: [], run: (s) => void s.setSort('year') },
  { id: 'shortcuts', title: 'Show keyboard shortcuts', keys: ['?'], run: (s) => s.openDialog('shortcuts') },
  { id: 'palette', title: 'Command palette', keys: [`${mod}+K`], run: (s) => s.openDialog('palette') },
];

/** Save the search box's query under its own text as the name. */
export async function saveCurrentSearch(state: MarginState): Promise<void> {
  const query = state.search.trim();
  if (query === '') {
    state.showToast('Type a search first, then save it.');
    return;
  }
  await state.saveSearch(query, query);
  state.showToast(`Saved search “${query}”`);
}
