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
