// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore } from '../../testing/render-with-store.js';
import { Sidebar } from './Sidebar.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';

afterEach(cleanup);

describe('Sidebar', () => {
  it('lists the status views with counts and the tags as a tree', async () => {
    const { store, main } = await storeOnLibrary(4);
    const [first] = await main.session.library.papers.records();
    if (!first) throw new Error('no papers');
    await main.session.library.papers.addTags(first.id, ['llm/sparsity']);
    await act(() => store.getState().refreshOverview());
    renderWithStore(store, <Sidebar />);
    const library = screen.getByRole('navigation', { name: 'Library' });
    const inbox = within(library).getByRole('button', { name: 'Inbox' });
    expect(inbox.getAttribute('aria-current')).toBe('page');
    expect(document.getElementById(inbox.getAttribute('aria-describedby') ?? '')?.textContent).toBe('4');
    const tags = screen.getByRole('navigation', { name: 'Tags' });
    expect(within(tags).getByRole('button', { name: 'llm' })).toBeTruthy();
    expect(within(tags).getByRole('button', { name: 'sparsity' })).toBeTruthy();
    await act(async () => fireEvent.click(within(tags).getByRole('button', { name: 'sparsity' })));
    expect(store.getState().view).toEqual({ kind: 'tag', tag: 'llm/sparsity' });
  });
});
