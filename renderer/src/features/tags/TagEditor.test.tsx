// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithStore } from '../../testing/render-with-store.js';
import { TagEditor } from './TagEditor.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';

afterEach(cleanup);

describe('TagEditor', () => {
  it('suggests tags already in the library and adds one with Enter', async () => {
    const { store, main } = await storeOnLibrary(2);
    const [first, second] = await main.session.library.papers.records();
    if (!first || !second) throw new Error('no papers');
    await main.session.library.papers.addTags(first.id, ['llm/sparsity']);
    await act(() => store.getState().refreshOverview());
    await act(() => store.getState().openPaper(second.id));
    renderWithStore(store, <TagEditor tags={[]} />);
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    fireEvent.change(box, { target: { value: 'spar' } });
    expect(screen.getByRole('option', { name: 'llm/sparsity' })).toBeTruthy();
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    await act(settle);
    // The edit goes through the real handlers and disk; on a busy machine that can take longer than a settle.
    await vi.waitFor(async () =>
      expect((await main.session.library.papers.get(second.id)).tags).toEqual(['llm/sparsity']),
    );
  });
});
