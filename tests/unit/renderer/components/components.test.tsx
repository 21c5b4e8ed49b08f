// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { AbstractView } from '../../../../renderer/src/components/AbstractView.js';
import { ImportDialog } from '../../../../renderer/src/components/ImportDialog.js';
import { Sidebar } from '../../../../renderer/src/components/Sidebar.js';
import { TagEditor } from '../../../../renderer/src/components/TagEditor.js';
import { StoreContext, createMarginStore, type MarginStore } from '../../../../renderer/src/stores/store.js';
import { fakeApi } from '../fake-api.js';

afterEach(cleanup);

function withStore(store: MarginStore, ui: ReactNode) {
  return render(<StoreContext.Provider value={store}>{ui}</StoreContext.Provider>);
}

describe('AbstractView', () => {
  it('draws inline math legibly and keeps every other character as text', () => {
    render(<AbstractView abstract={'We get $O(n^2)$ time and $\\alpha_{t}$ decay. <img src=x onerror=alert(1)>'} />);
    const region = screen.getByRole('region', { name: 'Abstract' });
    expect(region.querySelector('sup')?.textContent).toBe('2');
    expect(region.querySelector('sub')?.textContent).toBe('t');
    expect(region.textContent).toContain('O(n2) time and αt decay.');
    expect(region.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(region.querySelector('img')).toBeNull();
  });

  it('says what to do when there is no abstract', () => {
    render(<AbstractView abstract={null} />);
    expect(screen.getByRole('region', { name: 'Abstract' }).textContent).toMatch(/no abstract yet/);
  });
});

describe('Sidebar', () => {
  it('lists the status views with counts and the tags as a tree', async () => {
    const { api } = fakeApi(4);
    const store = createMarginStore(api);
    await act(() => store.getState().refreshOverview());
    withStore(store, <Sidebar />);
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

describe('TagEditor', () => {
  it('suggests tags already in the library and adds one with Enter', async () => {
    const { api, papers } = fakeApi(2);
    const store = createMarginStore(api);
    await act(() => store.getState().refreshOverview());
    await act(() => store.getState().openPaper('paper00001'));
    withStore(store, <TagEditor tags={[]} />);
    const box = screen.getByRole('combobox', { name: 'Add tag' });
    fireEvent.change(box, { target: { value: 'spar' } });
    expect(screen.getByRole('option', { name: 'llm/sparsity' })).toBeTruthy();
    await act(async () => fireEvent.keyDown(box, { key: 'Enter' }));
    expect(papers[1]?.tags).toEqual(['llm/sparsity']);
  });
});

describe('ImportDialog', () => {
  it('shows what an import would do, including lines it could not read', async () => {
    const { api } = fakeApi(1);
    const store = createMarginStore(api);
    await act(async () => store.getState().openImport({ text: 'Title\n\nAbstract.', fileName: 'digest.txt' }));
    withStore(store, <ImportDialog />);
    const dialog = screen.getByRole('dialog', { name: 'Import papers' });
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(within(dialog).getByRole('status').textContent).toMatch(/2\s*new.*1\s*already in the library/);
    expect(within(dialog).getByRole('list', { name: 'Entries that could not be read' }).textContent).toContain('digest.txt, line 3: a paragraph of text with no title');
    expect((within(dialog).getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
