import { describe, expect, it, vi } from 'vitest';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';

describe('import slice', () => {
  it('previews, then imports, and the list refreshes from the change', async () => {
    const { store, main } = await storeOnLibrary(1);
    await store.getState().setView({ kind: 'all' });
    store.getState().openImport({
      text: 'A Title About Sparse Models\n\nAn abstract about sparse models.\n\nPaper 0\n\nAbstract of paper 0.',
      fileName: 'x.txt',
    });
    await settle();
    expect(store.getState().dialog).toBe('import');
    expect(main.calls).toContain('import:preview');
    expect(main.calls).not.toContain('import:run');
    await store.getState().runImport();
    await settle();
    // A clean import is confirmed by one toast with Undo (no dialog left to dismiss), and the first new paper opens.
    expect(store.getState().importResult).toBeNull();
    expect(store.getState().dialog).toBeNull();
    expect(store.getState().toast).toMatch(/^Imported 1 new paper, 1 already in the library/);
    expect(store.getState().toastUndo).toBe(true);
    expect(store.getState().total).toBe(2);
    await vi.waitFor(() => expect(store.getState().paper?.title).toBe('A Title About Sparse Models'));
    expect(store.getState().rows[store.getState().selectedIndex]?.title).toBe('A Title About Sparse Models');
  });
});
