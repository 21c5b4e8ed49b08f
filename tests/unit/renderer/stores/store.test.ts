import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../../../../renderer/src/stores/list-slice.js';
import { nextStatus } from '../../../../renderer/src/stores/reader-slice.js';
import { createMarginStore } from '../../../../renderer/src/stores/store.js';
import { fakeApi } from '../fake-api.js';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('list slice', () => {
  it('loads the list a page at a time, never the whole library', async () => {
    const { api, calls } = fakeApi(1000);
    const store = createMarginStore(api);
    await store.getState().setView({ kind: 'all' });
    expect(store.getState().total).toBe(1000);
    expect(Object.keys(store.getState().rows)).toHaveLength(PAGE_SIZE);
    await store.getState().ensureRange(450, 460);
    expect(Object.keys(store.getState().rows)).toHaveLength(PAGE_SIZE * 2);
    expect(calls.filter((c) => c.channel === 'papers:query').map((c) => (c.request as { offset: number }).offset)).toEqual([0, 400]);
  });

  it('selects the first paper of a new view and opens it in the reader', async () => {
    const { api } = fakeApi(10);
    const store = createMarginStore(api);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    expect(store.getState().selectedId).toBe('paper00000');
    expect(store.getState().paper?.title).toBe('Paper 0');
    store.getState().moveSelection(1);
    await settle();
    expect(store.getState().paper?.title).toBe('Paper 1');
    store.getState().moveSelection(-5);
    expect(store.getState().selectedIndex).toBe(0);
  });

  it('drops answers to an old query', async () => {
    const { api } = fakeApi(10);
    const store = createMarginStore(api);
    const first = store.getState().setSearch('Paper 1');
    const second = store.getState().setSearch('Paper 2');
    await Promise.all([first, second]);
    expect(store.getState().total).toBe(1);
    expect(store.getState().rows[0]?.title).toBe('Paper 2');
  });
});

describe('reader slice', () => {
  it('cycles status in reading order', () => {
    expect(['inbox', 'to-read', 'reading', 'read', 'archived'].map((s) => nextStatus(s as never))).toEqual(['to-read', 'reading', 'read', 'archived', 'inbox']);
  });

  it('keeps the edited paper open when an edit moves it out of the view', async () => {
    const { api } = fakeApi(5);
    const store = createMarginStore(api);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    await store.getState().setStatus('reading');
    await settle();
    expect(store.getState().paper).toMatchObject({ id: 'paper00000', status: 'reading' });
    await store.getState().addTag('later');
    expect(store.getState().paper?.tags).toContain('later');
    expect(store.getState().total).toBe(4);
  });

  it('moves on to the next paper after keyboard triage (s, e)', async () => {
    const { api } = fakeApi(5);
    const store = createMarginStore(api);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    await store.getState().archive();
    await settle();
    expect(store.getState().paper?.id).toBe('paper00001');
    expect(store.getState().overview?.statusCounts.archived).toBe(1);
  });
});

describe('import slice', () => {
  it('previews, then imports and refreshes', async () => {
    const { api, calls } = fakeApi(3);
    const store = createMarginStore(api);
    store.getState().openImport({ text: 'A Title\n\nAn abstract.', fileName: 'x.txt' });
    await settle();
    expect(store.getState().dialog).toBe('import');
    expect(store.getState().importPreview).toMatchObject({ added: 2, unchanged: 1 });
    expect(calls.some((c) => c.channel === 'import:run')).toBe(false);
    await store.getState().runImport();
    expect(store.getState().importResult).toMatchObject({ added: 2 });
    expect(calls.map((c) => c.channel)).toContain('library:overview');
  });
});
