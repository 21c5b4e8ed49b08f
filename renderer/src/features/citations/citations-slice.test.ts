import { afterEach, describe, expect, it, vi } from 'vitest';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** A clipboard that keeps what was written to it. */
function stubClipboard(): string[] {
  const written: string[] = [];
  vi.stubGlobal('navigator', { clipboard: { writeText: async (text: string) => void written.push(text) } });
  return written;
}

describe('citations slice', () => {
  it('copies a selection’s citations in the style asked for, in the selection’s order, and says so', async () => {
    const written = stubClipboard();
    const { store, main } = await storeOnLibrary(3);
    const ids = (await main.session.library.papers.records()).map((r) => r.id);
    const picked = [ids[2] ?? '', ids[0] ?? ''];
    const titles = await Promise.all(picked.map(async (id) => (await main.session.library.papers.get(id)).title));
    await settle(); // the import's change event, and the refresh it starts, are over
    main.calls.length = 0;
    await store.getState().copyCitations(picked, 'ieee');
    expect(main.calls).toEqual(['citations:format']);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(new RegExp(`^\\[1\\] .*“${titles[0]},”.*\\n\\[2\\] .*“${titles[1]},”`, 's'));
    expect(store.getState().toast).toBe('Copied 2 citations (IEEE).');
  });

  it('says why it could not copy, and copies nothing', async () => {
    const written = stubClipboard();
    const { store } = await storeOnLibrary(1);
    await store.getState().copyCitations(['nosuchpaper1'], 'apa');
    expect(written).toEqual([]);
    expect(store.getState().toast).toMatch(/^Could not copy the citation: no paper with id nosuchpaper1/);
  });

  it('Find on arXiv says Margin is offline when it is, and asks no further', async () => {
    const { store } = await storeOnLibrary(2);
    await store.getState().setView({ kind: 'all' });
    await settle();
    expect(store.getState().paper?.arxivId).toBeNull();
    await store.getState().findOnArxiv();
    expect(store.getState().arxivFind).toMatchObject({
      busy: false,
      candidates: [],
      message: expect.stringContaining('offline'),
    });
    store.getState().closeArxivFind();
    expect(store.getState().arxivFind).toBeNull();
  });
});
