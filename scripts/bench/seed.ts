import { LibraryStore } from '../../electron/library/storage/library-store.js';
import type { SyntheticPaper } from './synthetic.js';

/** Write synthetic papers into a new library in one commit, as a long-used library would hold them. */
export async function seed(dir: string, papers: readonly SyntheticPaper[]): Promise<void> {
  const store = await LibraryStore.open({ dir, mode: 'write', holder: 'margin bench (seed)', now: () => new Date() });
  await store.commit({
    records: papers.map((p) => p.record),
    contents: new Map(papers.map((p) => [p.record.id, p.content])),
  });
  await store.close();
}
