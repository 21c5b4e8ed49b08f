import { CITATION_STYLES, CITATION_STYLE_LABELS } from '../models/citations.js';

/** The native menu a command is listed in (electron/main/menu-template.ts); absent: palette and keys only. */
export type MenuName = 'file' | 'edit' | 'view' | 'go' | 'paper' | 'help';

/**
 * One command as people see it: its title and keys. The renderer adds what it does (features/commands/commands.ts),
 * the shortcuts sheet and the palette list it, and main builds the native menu from it: one list for all of them.
 */
export interface CommandShortcut {
  readonly id: string;
  readonly title: string;
  /**
   * Keys in Electron's accelerator syntax (`CmdOrCtrl+Z`, `Shift+J`, `Down`, `/`), shown by `keyLabel`. A key with
   * no Cmd/Ctrl is never registered with a menu: the menu would take it from text fields.
   */
  readonly keys: readonly string[];
  readonly menu?: MenuName;
  /** False for a key that only works in context (colors), listed in the shortcuts sheet but not the palette. */
  readonly inPalette?: false;
  /** False when the key is a gesture the page handles itself (Cmd/Ctrl+V is Paste, which imports a digest). */
  readonly menuAccelerator?: false;
}

const DEFINITIONS = [
  { id: 'next', title: 'Next paper', keys: ['J', 'Down'], menu: 'go' },
  { id: 'previous', title: 'Previous paper', keys: ['K', 'Up'], menu: 'go' },
  { id: 'open', title: 'Open paper in the reader', keys: ['Enter'], menu: 'go' },
  { id: 'search', title: 'Search the library', keys: ['/'], menu: 'go' },
  { id: 'cycle-status', title: 'Move paper to the next status', keys: ['S'], menu: 'paper' },
  { id: 'archive', title: 'Archive paper', keys: ['E'], menu: 'paper' },
  { id: 'tag', title: 'Add a tag', keys: ['T'], menu: 'paper' },
  { id: 'highlight', title: 'Highlight the selected text', keys: ['H'], menu: 'paper' },
  {
    id: 'color',
    title: 'Color the selected highlight (yellow, green, blue, pink, purple)',
    keys: ['1–5'],
    inPalette: false,
  },
  { id: 'undo', title: 'Undo the last change', keys: ['CmdOrCtrl+Z'], menu: 'edit' },
  { id: 'redo', title: 'Redo', keys: ['CmdOrCtrl+Shift+Z'], menu: 'edit' },
  { id: 'select-all', title: 'Select every paper in the list', keys: ['CmdOrCtrl+A'], menu: 'edit' },
  {
    id: 'extend-selection',
    title: 'Extend the selection down or up',
    keys: ['Shift+J', 'Shift+K'],
    inPalette: false,
  },
  { id: 'toggle-sidebar', title: 'Show or hide the sidebar', keys: [], menu: 'view' },
  { id: 'toggle-density', title: 'Compact or comfortable rows', keys: [], menu: 'view' },
  { id: 'triage-history', title: 'Triage history…', keys: [], menu: 'file' },
  { id: 'watch-list', title: 'Watched keywords, authors and quick tags…', keys: [], menu: 'file' },
  { id: 'manage-tags', title: 'Rename, merge or delete tags…', keys: [], menu: 'paper' },
  { id: 'export', title: 'Export notes as Markdown…', keys: [], menu: 'file' },
  { id: 'trash', title: 'Move paper to the Trash', keys: ['Delete'], menu: 'paper' },
  { id: 'duplicates', title: 'Find possible duplicates…', keys: [], menu: 'file' },
  { id: 'backups', title: 'Restore from backup…', keys: [], menu: 'file' },
  { id: 'copy-markdown', title: 'Copy this paper as Markdown', keys: [], menu: 'paper' },
  ...CITATION_STYLES.map((style) => ({
    id: `copy-citation-${style}` as const,
    title: `Copy citation (${CITATION_STYLE_LABELS[style]})`,
    keys: [],
    menu: 'paper' as const,
  })),
  { id: 'find-on-arxiv', title: 'Find this paper on arXiv', keys: [], menu: 'paper' },
  { id: 'import', title: 'Import papers…', keys: ['CmdOrCtrl+V'], menu: 'file', menuAccelerator: false },
  { id: 'save-search', title: 'Save the current search', keys: [], menu: 'go' },
  { id: 'show-inbox', title: 'Go to Inbox', keys: [], menu: 'go' },
  { id: 'show-reading', title: 'Go to Reading', keys: [], menu: 'go' },
  { id: 'show-all', title: 'Go to All papers', keys: [], menu: 'go' },
  { id: 'sort-title', title: 'Sort by title', keys: [], menu: 'view' },
  { id: 'sort-added', title: 'Sort by date added', keys: [], menu: 'view' },
  { id: 'sort-year', title: 'Sort by year', keys: [], menu: 'view' },
  { id: 'shortcuts', title: 'Show keyboard shortcuts', keys: ['?'], menu: 'help' },
  { id: 'about', title: 'About Margin', keys: [], menu: 'help' },
  { id: 'palette', title: 'Command palette', keys: ['CmdOrCtrl+K'], menu: 'view' },
  { id: 'settings', title: 'Settings…', keys: ['CmdOrCtrl+,'], menu: 'file' },
] as const satisfies readonly CommandShortcut[];

export type CommandId = (typeof DEFINITIONS)[number]['id'];
/** A command of the list, its id one of CommandId. */
export type Shortcut = CommandShortcut & { readonly id: CommandId };

/** Every command, in the order the palette, the shortcuts sheet and each menu list them. */
export const SHORTCUTS: readonly Shortcut[] = DEFINITIONS;
/** Every command id, as the non-empty tuple `z.enum` takes. */
export const COMMAND_IDS: readonly [CommandId, ...CommandId[]] = [
  DEFINITIONS[0].id,
  ...SHORTCUTS.slice(1).map((s) => s.id),
];

/** Whether a menu may own this key: only with Cmd/Ctrl, which no text field types. */
export function isMenuAccelerator(key: string): boolean {
  return /^CmdOrCtrl\+/.test(key);
}

const KEY_LABELS: Readonly<Record<string, string>> = { Down: '↓', Up: '↑' };

/** A key as the shortcuts sheet shows it on this platform: `j`, `↓`, `⌘+Z` on a Mac, `Ctrl+Z` elsewhere. */
export function keyLabel(key: string, mac: boolean): string {
  if (Object.hasOwn(KEY_LABELS, key)) return KEY_LABELS[key] ?? key;
  // A plain letter is typed lowercase; with a modifier it is named as on the keycap.
  if (/^[A-Z]$/.test(key)) return key.toLowerCase();
  return key.replace(/^CmdOrCtrl\+/, mac ? '⌘+' : 'Ctrl+');
}
