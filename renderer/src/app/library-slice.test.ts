import { describe, expect, it } from 'vitest';
import { createApi } from '../api/client.js';
import { libraryChange } from '../../../shared/ipc/library-change.js';
import { settle, storeOnLibrary } from '../testing/store-on-library.js';

describe('one refresh path', () => {
  it('refreshes the list and the overview exactly once for one tag edit', async () => {
    const { store, main } = await storeOnLibrary(3);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    main.calls.length = 0;
    await store.getState().addTag('later');
    await settle();
    expect(main.calls.filter((c) => c === 'papers:addTags')).toHaveLength(1);
    expect(main.calls.filter((c) => c === 'papers:query')).toHaveLength(1);
    expect(main.calls.filter((c) => c === 'library:overview')).toHaveLength(1);
    expect(store.getState().paper?.tags).toEqual(['later']);
    expect(store.getState().overview?.tags).toEqual([{ tag: 'later', count: 1 }]);
  });

  it('refreshes from a change made elsewhere (another window, the CLI through serve)', async () => {
    const { store, main } = await storeOnLibrary(3);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    const open = store.getState().paper;
    if (!open) throw new Error('no paper open');
    await main.session.library.papers.setStatus(open.id, 'read');
    await settle();
    expect(store.getState().total).toBe(2);
    expect(store.getState().overview?.statusCounts.read).toBe(1);
    // The paper being read stays open, with what changed.
    expect(store.getState().paper).toMatchObject({ id: open.id, status: 'read' });
  });

  it('opens the selected paper when a change event reloads the list while a new view is still loading', async () => {
    const { store } = await storeOnLibrary(3);
    // As when the import that made the library reports its change just as the app shows its first view.
    const view = store.getState().setView({ kind: 'status', status: 'inbox' });
    const reload = store.getState().applyLibraryChange(libraryChange([], true));
    await Promise.all([view, reload]);
    await settle();
    expect(store.getState().total).toBe(3);
    expect(store.getState().paper?.id).toBe(store.getState().selectedId);
  });

  it('takes an unreadable change event as "anything may have changed"', async () => {
    const { store, main } = await storeOnLibrary(2);
    await store.getState().setView({ kind: 'all' });
    await settle();
    main.calls.length = 0;
    const api = createApi({
      ...main.transport,
      onLibraryChanged: (listener) => (listener('junk'), () => 0),
    });
    api.onLibraryChanged((change) => void store.getState().applyLibraryChange(change));
    await settle();
    expect([...main.calls].sort()).toEqual(['library:overview', 'papers:get', 'papers:query']);
  });
});
