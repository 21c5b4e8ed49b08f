/** The library's two shard sets (paper records, contents) and how a journal's changes land in them. */
import { turns } from './turns.js';
import {
  CONTENTS_DIR,
  ContentShardSchema,
  CURRENT_VERSION,
  PAPERS_DIR,
  PaperShardSchema,
  type Journal,
} from './layout.js';
import { ShardSet, type ShardSetOptions } from './shard-set.js';

/** Paper records (what the list needs) and contents (abstract, note, highlights), each in its own shard set. */
export interface LibraryShards {
  readonly papers: ShardSet<typeof PaperShardSchema>;
  readonly contents: ShardSet<typeof ContentShardSchema>;
}

/** What both shard sets share: the library, its shard count, whether they may write, the clock, where notices go. */
export type LibraryShardsOptions = Pick<
  ShardSetOptions<typeof PaperShardSchema>,
  'libraryDir' | 'shardCount' | 'writable' | 'now' | 'onNotice'
>;

/** Both shard sets of a library; nothing is read until a shard is first used. */
export function createLibraryShards(common: LibraryShardsOptions): LibraryShards {
  return {
    papers: new ShardSet({
      ...common,
      dir: PAPERS_DIR,
      schema: PaperShardSchema,
      empty: () => ({ version: CURRENT_VERSION, papers: {} }),
    }),
    contents: new ShardSet({
      ...common,
      dir: CONTENTS_DIR,
      schema: ContentShardSchema,
      empty: () => ({ version: CURRENT_VERSION, contents: {} }),
    }),
  };
}

/** Put a journal's changes into the loaded shards; returns the shards it touched. */
export async function applyJournalInMemory(
  shards: LibraryShards,
  journal: Journal,
): Promise<{ papers: Set<number>; contents: Set<number> }> {
  const { papers, contents } = shards;
  const touched = { papers: new Set<number>(), contents: new Set<number>() };
  // In turns of the event loop: an import's 10,000 papers held it for ~50 ms. The journal is already committed.
  const work = turns();
  // Shards are read blocking (see ShardSet.loadAll): 2,048 reads through the thread pool took ~0.4 s of a 10k import.
  for (const [id, record] of Object.entries(journal.papers)) {
    (await papers.load(papers.indexOf(id), true)).papers[id] = record;
    touched.papers.add(papers.indexOf(id));
    if (work.due()) await work.turn();
  }
  for (const [id, content] of Object.entries(journal.contents)) {
    (await contents.load(contents.indexOf(id), true)).contents[id] = content;
    touched.contents.add(contents.indexOf(id));
    if (work.due()) await work.turn();
  }
  for (const id of journal.deleted) {
    delete (await papers.loadFor(id)).papers[id];
    delete (await contents.loadFor(id)).contents[id];
    touched.papers.add(papers.indexOf(id));
    touched.contents.add(contents.indexOf(id));
  }
  return touched;
}

/** Put a journal's changes into the shards and write every shard it touched. */
export async function applyJournalToShards(shards: LibraryShards, journal: Journal): Promise<void> {
  const touched = await applyJournalInMemory(shards, journal);
  await shards.papers.saveAllJournaled(touched.papers);
  await shards.contents.saveAllJournaled(touched.contents);
}
