import { CITATION_STYLES, type CitationStyle } from '../../../../shared/models/citations.js';
import { keyLabel, SHORTCUTS, type CommandId, type Shortcut } from '../../../../shared/commands/shortcuts.js';
import type { MarginState } from '../../store/store-types.js';

/** Where commands that need the DOM put focus. */
export interface FocusTargets {
  focusSearch(): void;
  focusList(): void;
  focusTagInput(): void;
  focusReader(): void;
}

/**
 * An action the user can take: listed in the command palette and, with keys, in the shortcuts sheet. Its title and
 * keys come from `shared/commands/shortcuts.ts`, which the native menu reads too; here is what it does.
 */
export interface Command extends Shortcut {
  run(state: MarginState, focus: FocusTargets): void;
}

const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type Run = Command['run'];

/** Copy the selection's citations when several papers are selected, else the open paper's. */
const copyCitation =
  (style: CitationStyle): Run =>
  (s) =>
    void (s.multi.length > 1
      ? s.copyCitations(s.multi, style)
      : s.paper
        ? s.copyCitations([s.paper.id], style)
        : undefined);

/** What each command does; `satisfies` makes a command without an action (or an action for none) a compile error. */
const RUNS = {
  next: (s) => s.moveSelection(1),
  previous: (s) => s.moveSelection(-1),
  open: (_s, f) => f.focusReader(),
  search: (_s, f) => f.focusSearch(),
  'cycle-status': (s) => void s.cycleStatus(),
  archive: (s) => void s.archive(),
  tag: (_s, f) => f.focusTagInput(),
  highlight: (s) => void s.highlightSelection(),
  color: () => undefined,
  undo: (s) => void s.undo(),
  redo: (s) => void s.redo(),
  'select-all': (s) => void s.selectAll(),
  'extend-selection': () => undefined,
  'toggle-sidebar': (s) => s.setLayout({ sidebarHidden: !s.layout.sidebarHidden }),
  'toggle-density': (s) => s.setLayout({ density: s.layout.density === 'compact' ? 'comfortable' : 'compact' }),
  'triage-history': (s) => s.openDialog('triage-history'),
  'watch-list': (s) => {
    void s.loadWatchList().then(() => s.openDialog('watch'));
  },
  'manage-tags': (s) => s.openTagDialog(null),
  export: (s) => s.openExport(),
  trash: (s) => void s.trashPaper(),
  duplicates: (s) => s.openDialog('duplicates'),
  backups: (s) => s.openDialog('backups'),
  'copy-markdown': (s) => void s.copyPaperMarkdown(),
  // fromEntries forgets its keys' types; the map makes exactly one entry per style.
  ...(Object.fromEntries(CITATION_STYLES.map((style) => [`copy-citation-${style}`, copyCitation(style)])) as Record<
    `copy-citation-${CitationStyle}`,
    Run
  >),
  'find-on-arxiv': (s) => void s.findOnArxiv(),
  import: (s) => s.openImport(null),
  'save-search': (s) => void saveCurrentSearch(s),
  'show-inbox': (s) => void s.setView({ kind: 'status', status: 'inbox' }),
  'show-reading': (s) => void s.setView({ kind: 'status', status: 'reading' }),
  'show-all': (s) => void s.setView({ kind: 'all' }),
  'sort-title': (s) => void s.setSort('title'),
  'sort-added': (s) => void s.setSort('added'),
  'sort-year': (s) => void s.setSort('year'),
  shortcuts: (s) => s.openDialog('shortcuts'),
  palette: (s) => s.openDialog('palette'),
  settings: (s) => s.openDialog('settings'),
  about: (s) => s.openDialog('about'),
} satisfies Record<CommandId, Run>;

export const COMMANDS: readonly Command[] = SHORTCUTS.map((shortcut) => ({
  ...shortcut,
  keys: shortcut.keys.map((key) => keyLabel(key, mac)),
  run: RUNS[shortcut.id],
}));

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
