import { describe, expect, it } from 'vitest';
import { bareRepository } from '../../../../tests/helpers/bare-repository.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';

describe('sync slice', () => {
  it('puts a sync without a remote in words, then syncs once a remote is set', async () => {
    const { store, main } = await storeOnLibrary(3);
    await store.getState().runSync();
    expect(store.getState().syncing).toBe(false);
    expect(store.getState().syncStatus?.error?.message).toMatch(/^No remote set — run margin sync --remote URL/);

    const remote = await bareRepository();
    await store.getState().setSyncRemote(remote);
    expect(store.getState().syncStatus?.remote).toBe(remote);
    main.calls.length = 0;
    await store.getState().runSync();
    expect(main.calls).toEqual(['sync:run']);
    expect(store.getState().syncStatus).toMatchObject({
      error: null,
      last: { result: 'pushed', sent: 3, received: 0 },
    });
  });
});
