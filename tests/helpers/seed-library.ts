import { LibraryStore } from '../../electron/library/storage/library-store.js';
import { syntheticLibrary } from '../../scripts/bench/synthetic.js';

/** Write `count` synthetic papers into `dir` through the store's normal transaction path. */
export async function seedSyntheticLibrary(dir: string, count: number, seed = 42): Promise<string[]> {
  const papers = syntheticLibrary(count, seed);
  const store = await LibraryStore.open({ dir, mode: 'write', holder: 'seed', now: () => new Date() });
  await store.commit({
    records: papers.map((p) => p.record),
    contents: new Map(papers.map((p) => [p.record.id, p.content])),
  });
  await store.close();
  return papers.map((p) => p.record.id);
}
