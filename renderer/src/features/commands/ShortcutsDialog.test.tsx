// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { keyLabel, SHORTCUTS } from '../../../../shared/commands/shortcuts.js';
import { renderWithStore } from '../../testing/render-with-store.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';
import { COMMANDS } from './commands.js';
import { ShortcutsDialog } from './ShortcutsDialog.js';

afterEach(cleanup);

describe('the shortcut list (shared with the native menu)', () => {
  it('gives every command of the shared list an action, with its title and keys', () => {
    expect(COMMANDS.map((c) => c.id)).toEqual(SHORTCUTS.map((s) => s.id));
    for (const [i, shortcut] of SHORTCUTS.entries()) {
      expect(COMMANDS[i]?.title).toBe(shortcut.title);
      expect(COMMANDS[i]?.keys).toEqual(shortcut.keys.map((key) => keyLabel(key, false)));
      expect(typeof COMMANDS[i]?.run).toBe('function');
    }
  });

  it('shows keys as people type them', () => {
    expect(['J', 'Down', 'Shift+J', 'CmdOrCtrl+Shift+Z', '/', '1–5'].map((k) => keyLabel(k, false))).toEqual([
      'j',
      '↓',
      'Shift+J',
      'Ctrl+Shift+Z',
      '/',
      '1–5',
    ]);
    expect(keyLabel('CmdOrCtrl+K', true)).toBe('⌘+K');
  });

  it('lists in the shortcuts sheet every command that has keys, as the shared list has them', async () => {
    const { store } = await storeOnLibrary(0);
    renderWithStore(store, <ShortcutsDialog />);
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(
      SHORTCUTS.filter((s) => s.keys.length > 0).map(
        (s) => `${s.keys.map((key) => keyLabel(key, false)).join(' or ')}${s.title}`,
      ),
    );
  });
});
