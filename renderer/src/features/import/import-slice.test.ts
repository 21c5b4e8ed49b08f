import { describe, expect, it } from 'vitest';
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
    expect(store.getState().importResult).toMatchObject({ added: 1 });
    expect(store.getState().total).toBe(2);
  });
});
