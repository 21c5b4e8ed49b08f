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

/** `n` BibTeX entries, none of them in the library. */
function bib(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `@article{k${i},\n  title = {Imported paper ${i} on sparse attention},\n  author = {Doe, Jane},\n  year = {2024}\n}\n`,
  ).join('\n');
}

describe('import progress and cancel', () => {
  it('follows a large import while it runs, and forgets its progress once it is done', async () => {
    const { store, main } = await storeOnLibrary(1);
    store.getState().openImport({ text: bib(4000), fileName: 'refs.bib' });
    await vi.waitFor(() => expect(store.getState().importPreview?.added).toBe(4000), { timeout: 30_000 });
    const seen = new Set<string>();
    const unsubscribe = store.subscribe((state) => {
      if (state.importProgress) seen.add(state.importProgress.phase);
    });
    await store.getState().runImport();
    unsubscribe();
    expect(main.calls).toContain('import:progress');
    expect([...seen].some((phase) => phase === 'parsed' || phase === 'planned' || phase === 'written')).toBe(true);
    expect(store.getState().importProgress).toBeNull();
    expect(store.getState().importCancelled).toBe(false);
    expect(store.getState().toast).toMatch(/^Imported 4000 new papers/);
  }, 60_000);

  it('cancelled, stops the import with nothing written and says so, with no error', async () => {
    const { store, main } = await storeOnLibrary(1);
    store.getState().openImport({ text: bib(2000), fileName: 'refs.bib' });
    await vi.waitFor(() => expect(store.getState().importPreview?.added).toBe(2000), { timeout: 30_000 });
    const run = store.getState().runImport();
    await store.getState().cancelImport();
    await run;
    expect(main.calls).toContain('import:cancel');
    expect(store.getState().importCancelled).toBe(true);
    expect(store.getState().importError).toBeNull();
    expect(store.getState().importBusy).toBe(false);
    expect(store.getState().dialog).toBe('import');
    expect((await main.session.library.papers.records()).length).toBe(1);
  }, 60_000);
});
