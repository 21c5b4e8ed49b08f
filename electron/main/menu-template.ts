import type { MenuItemConstructorOptions } from 'electron';
import {
  isMenuAccelerator,
  SHORTCUTS,
  type CommandId,
  type MenuName,
  type Shortcut,
} from '../../shared/commands/shortcuts.js';

/** What the menu needs to know; `send` hands a chosen command to the window (MENU_COMMAND_EVENT). */
export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly appName: string;
  readonly send: (id: CommandId) => void;
}

type Item = MenuItemConstructorOptions;
type Role = NonNullable<Item['role']>;
const SEPARATOR: Item = { type: 'separator' };

/**
 * The accelerators Electron gives the roles this menu uses (they are not in the template, so the uniqueness
 * test needs them written down): a Margin command must not take one.
 */
export const ROLE_ACCELERATORS: Readonly<Partial<Record<Role, string>>> = {
  cut: 'CmdOrCtrl+X',
  copy: 'CmdOrCtrl+C',
  paste: 'CmdOrCtrl+V',
  resetZoom: 'CmdOrCtrl+0',
  zoomIn: 'CmdOrCtrl+Plus',
  zoomOut: 'CmdOrCtrl+-',
  close: 'CmdOrCtrl+W',
  quit: 'CmdOrCtrl+Q',
  hide: 'Command+H',
  hideOthers: 'Command+Alt+H',
  minimize: 'CmdOrCtrl+M',
};

/**
 * The native menu: the app menu on macOS, File, Edit, View, Go, Paper, Window and Help, with Margin's commands
 * from the shared list (the shortcuts sheet reads the same one). Only Cmd/Ctrl keys are registered; a plain key
 * (`j`, `s`) is shown beside its item on Windows and Linux but left to the page, which knows when you are typing.
 */
export function menuTemplate(options: MenuOptions): Item[] {
  const mac = options.platform === 'darwin';
  const item = (id: CommandId): Item => commandItem(byId(id), options);
  const listed = (menu: MenuName, except: readonly CommandId[] = []): Item[] =>
    SHORTCUTS.filter((s) => s.menu === menu && !except.includes(s.id)).map((s) => commandItem(s, options));
  const citations = SHORTCUTS.filter((s) => s.id.startsWith('copy-citation-')).map((s) => s.id);
  const role = (r: Role): Item => ({ role: r });
  // `&` marks the Alt-key mnemonic on Windows and Linux; macOS menus have none.
  const title = (name: string) => (mac ? name : `&${name}`);
  return [
    ...(mac
      ? [
          {
            label: options.appName,
            submenu: [
              item('about'),
              SEPARATOR,
              role('services'),
              SEPARATOR,
              role('hide'),
              role('hideOthers'),
              role('unhide'),
              SEPARATOR,
              role('quit'),
            ],
          },
        ]
      : []),
    { label: title('File'), submenu: [...listed('file'), SEPARATOR, role(mac ? 'close' : 'quit')] },
    {
      // Undo, Redo and Select all are Margin's (the library's undo, every paper); in a text field the page
      // applies them to the text instead. Cut, Copy and Paste stay the system's (Paste is how a digest comes in).
      label: title('Edit'),
      submenu: [item('undo'), item('redo'), SEPARATOR, role('cut'), role('copy'), role('paste'), item('select-all')],
    },
    {
      label: title('View'),
      submenu: [
        ...listed('view'),
        SEPARATOR,
        role('resetZoom'),
        role('zoomIn'),
        role('zoomOut'),
        SEPARATOR,
        role('togglefullscreen'),
      ],
    },
    { label: title('Go'), submenu: listed('go') },
    {
      label: title('Paper'),
      submenu: [...listed('paper', citations), { label: 'Copy citation', submenu: citations.map((id) => item(id)) }],
    },
    { role: 'windowMenu' },
    // About is Margin's own dialog (version and licences): in the app menu on macOS, last in Help elsewhere.
    { role: 'help', submenu: listed('help', mac ? ['about'] : []) },
  ];
}

function byId(id: CommandId): Shortcut {
  const shortcut = SHORTCUTS.find((s) => s.id === id);
  if (!shortcut) throw new Error(`menu: no command ${id}`);
  return shortcut;
}

function commandItem(shortcut: Shortcut, options: MenuOptions): Item {
  const base: Item = { id: shortcut.id, label: shortcut.title, click: () => options.send(shortcut.id) };
  const owned = shortcut.menuAccelerator !== false ? shortcut.keys.find(isMenuAccelerator) : undefined;
  if (owned !== undefined) return { ...base, accelerator: owned };
  // Shown only: Windows and Linux can display a key without taking it; macOS cannot, so it shows none.
  const shown = shortcut.keys.find(isAccelerator);
  if (shown !== undefined && options.platform !== 'darwin')
    return { ...base, accelerator: shown, registerAccelerator: false };
  return base;
}

/** Electron's accelerator syntax: modifiers, then one key (a letter, digit, named key or punctuation). */
export function isAccelerator(key: string): boolean {
  return /^((CmdOrCtrl|Command|Cmd|Control|Ctrl|Alt|Option|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Plus|Space|Tab|Backspace|Delete|Insert|Enter|Return|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|[-=[\]\\;',./`~!@#$%^&*()_{}|:"<>?])$/.test(
    key,
  );
}
