import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from './list-slice.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';

describe('list slice', () => {
  it('loads the list a page at a time, never the whole library', async () => {
    const { store, main } = await storeOnLibrary(450);
    await store.getState().setView({ kind: 'all' });
    expect(store.getState().total).toBe(450);
    expect(Object.keys(store.getState().rows)).toHaveLength(PAGE_SIZE);
    await store.getState().ensureRange(420, 430);
    expect(Object.keys(store.getState().rows)).toHaveLength(PAGE_SIZE + 50);
    expect(main.calls.filter((c) => c === 'papers:query')).toHaveLength(2);
  });

  it('selects the first paper of a new view and opens it in the reader', async () => {
    const { store } = await storeOnLibrary(5);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    expect(store.getState().paper?.title).toBe('Paper 0');
    store.getState().moveSelection(1);
    await settle();
    expect(store.getState().paper?.title).toBe('Paper 1');
    store.getState().moveSelection(-5);
    expect(store.getState().selectedIndex).toBe(0);
  });

  it('drops answers to an old query', async () => {
    const { store } = await storeOnLibrary(5);
    const first = store.getState().setSearch('"Paper 1"');
    const second = store.getState().setSearch('"Paper 2"');
    await Promise.all([first, second]);
    expect(store.getState().total).toBe(1);
    expect(store.getState().rows[0]?.title).toBe('Paper 2');
  });
});
