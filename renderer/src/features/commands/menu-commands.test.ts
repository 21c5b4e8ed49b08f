import { describe, expect, it } from 'vitest';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';
import type { FocusTargets } from './commands.js';
import { runMenuCommand, type MenuContext } from './menu-commands.js';

const NO_FOCUS: FocusTargets = {
  focusSearch: () => undefined,
  focusList: () => undefined,
  focusTagInput: () => undefined,
  focusReader: () => undefined,
};

function context(typing: boolean) {
  const edits: string[] = [];
  const value: MenuContext = { typing, editText: (action) => edits.push(action) };
  return { value, edits };
}

describe('commands from the native menu', () => {
  it('runs a command as its key would: Archive moves the open paper', async () => {
    const { store, main } = await storeOnLibrary(3);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    const id = store.getState().paper?.id ?? '';
    runMenuCommand('archive', store.getState(), NO_FOCUS, context(false).value);
    await settle();
    expect((await main.session.library.papers.get(id)).status).toBe('archived');
  });

  it('edits the text in a text field instead of the library for Undo, Redo and Select all', async () => {
    const { store, main } = await storeOnLibrary(2);
    const { value, edits } = context(true);
    for (const id of ['undo', 'redo', 'select-all'] as const) runMenuCommand(id, store.getState(), NO_FOCUS, value);
    await settle();
    expect(edits).toEqual(['undo', 'redo', 'selectAll']);
    expect(main.calls).not.toContain('history:undo');
    expect(main.calls).not.toContain('papers:ids');
  });

  it('undoes library changes outside text fields, but not behind an open dialog', async () => {
    const { store, main } = await storeOnLibrary(2);
    store.getState().openDialog('export');
    runMenuCommand('undo', store.getState(), NO_FOCUS, context(false).value);
    await settle();
    expect(main.calls).not.toContain('history:undo');
    store.getState().closeDialog();
    runMenuCommand('undo', store.getState(), NO_FOCUS, context(false).value);
    await settle();
    expect(main.calls).toContain('history:undo');
  });

  it('opens dialogs the menu names', async () => {
    const { store } = await storeOnLibrary(0);
    runMenuCommand('palette', store.getState(), NO_FOCUS, context(false).value);
    expect(store.getState().dialog).toBe('palette');
    runMenuCommand('shortcuts', store.getState(), NO_FOCUS, context(false).value);
    expect(store.getState().dialog).toBe('shortcuts');
  });
});
