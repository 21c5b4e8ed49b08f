// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore } from '../../testing/render-with-store.js';
import { ImportDialog } from './ImportDialog.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';

afterEach(cleanup);

describe('ImportDialog', () => {
  it('shows what an import would do, including entries it could not read', async () => {
    const { store, main } = await storeOnLibrary(1);
    const bib = [
      '@article{zero, title = {Paper 0}, author = {Lovelace, Ada and Turing, Alan}, year = 2000}',
      '@article{one, title = {Sparse Autoencoders Find Features}, author = {Nanda, Neel}, year = 2024}',
      '@article{two, title = {Attention Is All You Need}, author = {Vaswani, Ashish}, year = 2017}',
      '@article{broken, author = {Nobody}, year = 2020}',
    ].join('\n\n');
    await act(async () => store.getState().openImport({ text: bib, fileName: 'refs.bib' }));
    renderWithStore(store, <ImportDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Import papers' });
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(within(dialog).getByRole('status').textContent).toMatch(/2\s*new.*1\s*already in the library/);
    expect(within(dialog).getByRole('list', { name: 'Entries that could not be read' }).textContent).toMatch(
      /refs\.bib, line 7: .*title/,
    );
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Import' }).disabled).toBe(false);
    // A pasted or opened file is previewed once, not again when the dialog shows it.
    expect(main.calls.filter((c) => c === 'import:preview')).toHaveLength(1);
  });
});

describe('ImportDialog progress', () => {
  it('shows a large import’s progress as a bar with its step, and a button that cancels it', async () => {
    const { store } = await storeOnLibrary(0);
    await act(async () => store.getState().openImport(null));
    await act(async () =>
      store.setState({
        importBusy: true,
        importWrites: true,
        importProgress: { phase: 'planned', done: 4000, total: 10000, cancelRequested: false },
      }),
    );
    renderWithStore(store, <ImportDialog />);
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('42');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    expect(bar.getAttribute('aria-valuetext')).toBe('Planning: 4,000 of 10,000 entries matched against your library');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel import' }).disabled).toBe(false);
    // Once every entry is matched it writes, and lands whole: too late to cancel.
    await act(async () =>
      store.setState({ importProgress: { phase: 'planned', done: 10000, total: 10000, cancelRequested: false } }),
    );
    expect(screen.getByRole('progressbar').getAttribute('aria-valuetext')).toBe('Writing 10,000 papers…');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Cancel import' }).disabled).toBe(true);
    await act(async () => store.setState({ importBusy: false, importProgress: null, importCancelled: true }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByText('Import cancelled — nothing was changed.').getAttribute('role')).toBe('status');
  });
});
