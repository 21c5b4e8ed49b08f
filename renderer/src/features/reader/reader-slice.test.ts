import { describe, expect, it } from 'vitest';
import { nextStatus } from './reader-slice.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';

describe('reader slice', () => {
  it('cycles status in reading order', () => {
    expect(['inbox', 'to-read', 'reading', 'read', 'archived'].map((s) => nextStatus(s as never))).toEqual([
      'to-read',
      'reading',
      'read',
      'archived',
      'inbox',
    ]);
  });

  it('keeps the edited paper open when an edit moves it out of the view', async () => {
    const { store } = await storeOnLibrary(5);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    await store.getState().setStatus('reading');
    await settle();
    expect(store.getState().paper).toMatchObject({ title: 'Paper 0', status: 'reading' });
    await store.getState().addTag('later');
    await settle();
    expect(store.getState().paper?.tags).toContain('later');
    expect(store.getState().total).toBe(4);
  });

  it('moves on to the next paper after keyboard triage (s, e)', async () => {
    const { store } = await storeOnLibrary(5);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    await store.getState().archive();
    await settle();
    expect(store.getState().paper?.title).toBe('Paper 1');
    expect(store.getState().overview?.statusCounts.archived).toBe(1);
    await store.getState().trashPaper();
    await settle();
    expect(store.getState().paper?.title).toBe('Paper 2');
    expect(store.getState().total).toBe(3);
  });

  it('undoes a move to the Trash', async () => {
    const { store } = await storeOnLibrary(2);
    await store.getState().setView({ kind: 'status', status: 'inbox' });
    await settle();
    await store.getState().trashPaper();
    await settle();
    expect(store.getState().total).toBe(1);
    await store.getState().undo();
    await settle();
    expect(store.getState().total).toBe(2);
  });
});
