import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import { searchNote } from '../../../../electron/library/search/worker-protocol.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** The built search worker (npm test builds first). */
const WORKER = path.resolve('out/workers/search-worker.js');

let open: Session | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe('how searches are answered, told to the user', () => {
  it('words each state for the search box', () => {
    expect(searchNote({ mode: 'index' })).toBeNull();
    expect(searchNote({ mode: 'building', done: 256, total: 1024 })).toBe(
      'Building the search index (25%): searching without it meanwhile, more slowly.',
    );
    expect(searchNote({ mode: 'scan', reason: 'the search index cannot be opened here (x)' })).toBe(
      'Searching without an index, more slowly: the search index cannot be opened here (x).',
    );
  });

  it('says the index is being built while it is, answers correctly meanwhile, and stops saying so once built', async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 3000);
    open = await openSession({ dir, holder: 'test', searchWorker: WORKER });
    const handlers = createHandlers(open);
    const ask = () =>
      handlers['papers:query']({ view: { kind: 'all' }, search: 'kaiser', sort: 'relevance', offset: 0, limit: 20 });
    const first = await ask();
    expect(first.searchNote).toMatch(/^Building the search index \(\d+%\)/);
    expect(first.indexBuilding).toBe(true);
    expect(first.total).toBeGreaterThan(0);
    await expect.poll(async () => (await ask()).searchNote, { timeout: 60_000, interval: 200 }).toBeNull();
    const built = await ask();
    expect(built.total).toBe(first.total);
    expect(built.indexBuilding).toBe(false);
    // An empty search box says nothing about the index.
    expect(
      (await handlers['papers:query']({ view: { kind: 'all' }, search: '', sort: 'added', offset: 0, limit: 5 }))
        .searchNote,
    ).toBeNull();
  });
});
