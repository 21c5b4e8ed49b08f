import { Low } from 'lowdb';
import type { z } from 'zod';
import { CorruptFileError } from './errors.js';
import { shardOf, shardPaths } from './layout.js';
import { recoverCorruptFile, type Notice } from './recovery.js';
import { ValidatedJsonFile } from './validated-json-file.js';
import { nodeDurableFs, syncFolder } from './durable-write.js';
import { sharedTurns, turns } from './turns.js';
import path from 'node:path';

export interface ShardSetOptions<S extends z.ZodType> {
  readonly libraryDir: string;
  /** Folder name inside the library, e.g. `papers`. */
  readonly dir: string;
  readonly shardCount: number;
  readonly schema: S;
  readonly empty: () => z.output<S>;
  readonly writable: boolean;
  readonly now: () => Date;
  readonly onNotice: (notice: Notice) => void;
}

/** A shard: lowdb over a validating adapter, kept typed as such so journaled writes can skip the folder sync. */
type ShardDb<S extends z.ZodType> = Low<z.output<S>> & { readonly file: ValidatedJsonFile<S> };

/** `loadAll` lets other work run at least this often. */
const LOAD_SLICE_MS = 8;

/** A folder of lowdb shard files, each loaded on first use and written on its own. */
export class ShardSet<S extends z.ZodType> {
  private readonly shards = new Map<number, ShardDb<S>>();
  /** Reads in flight: two callers asking for the same shard share one read and one object. */
  private readonly loading = new Map<number, Promise<ShardDb<S>>>();

  constructor(private readonly options: ShardSetOptions<S>) {}

  /** Which shard holds an id. */
  indexOf(id: string): number {
    return shardOf(id, this.options.shardCount);
  }

  /** The data of the shard holding `id`. */
  async loadFor(id: string): Promise<z.output<S>> {
    return this.load(this.indexOf(id));
  }

  /** The shard's data, read (and validated) on first use; `blocking`: read now, without the thread pool (see loadAll). */
  async load(index: number, blocking = false): Promise<z.output<S>> {
    const cached = this.shards.get(index);
    if (cached) return cached.data;
    let pending = this.loading.get(index);
    if (!pending) {
      pending = this.read(index, blocking).finally(() => this.loading.delete(index));
      this.loading.set(index, pending);
    }
    return (await pending).data;
  }

  private async read(index: number, blocking: boolean): Promise<ShardDb<S>> {
    const { file, previous } = shardPaths(this.options.libraryDir, this.options.dir, index, this.options.shardCount);
    const adapter = new ValidatedJsonFile(file, this.options.schema, previous, 2);
    const db: ShardDb<S> = Object.assign(new Low(adapter, this.options.empty()), { file: adapter });
    try {
      if (blocking) db.data = adapter.readSync() ?? db.data;
      else await db.read();
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      const { libraryDir, schema, writable, now } = this.options;
      const recovered = await recoverCorruptFile(libraryDir, error, previous, schema, writable, now);
      this.options.onNotice(recovered.notice);
      db.data = recovered.data ?? this.options.empty();
    }
    this.shards.set(index, db);
    return db;
  }

  /**
   * Load every shard, in order, each read blocking but a pause for other work after every few: a thousand small
   * files read this way take a tenth of the time that asynchronous reads take (each is four round trips to the
   * thread pool), and the event loop is never held for more than a few milliseconds.
   */
  async loadAll(): Promise<Array<z.output<S>>> {
    const count = this.options.shardCount;
    const results: Array<z.output<S>> = new Array<z.output<S>>(count);
    const work = turns(LOAD_SLICE_MS);
    for (let index = 0; index < count; index++) {
      results[index] = await this.load(index, true);
      if (work.due()) await work.turn();
    }
    return results;
  }

  /** Forget every loaded shard (after a restore replaced the files). */
  clear(): void {
    this.shards.clear();
  }

  /**
   * Write these shards, a few at a time: each write waits on the disk, so one at a time an import touching every
   * shard spent most of its time waiting. Only for changes the caller's journal holds: the journal is the commit
   * point, so the order the shards land in does not matter, and the folder is synced once at the end instead of
   * after each rename (half the fsyncs of a large import). Until that sync a crash may undo a rename; the journal,
   * removed only after, is replayed at the next open.
   */
  async saveAllJournaled(indices: Iterable<number>, concurrency = 16): Promise<void> {
    const queue = [...indices];
    let next = 0;
    // Each write turns its shard into text before it waits on the disk: one at a time, within turns.
    const work = sharedTurns();
    const worker = async (): Promise<void> => {
      while (next < queue.length) {
        const index = queue[next++];
        if (index === undefined) continue;
        const db = this.shards.get(index);
        if (!db) throw new Error(`shard ${index} of ${this.options.dir} was never loaded`);
        await work.pass();
        await db.file.write(db.data, { syncFolder: false });
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
    if (queue.length > 0) await syncFolder(nodeDurableFs, path.join(this.options.libraryDir, this.options.dir));
  }
}
