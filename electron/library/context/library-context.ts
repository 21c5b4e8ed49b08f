import { randomBytes } from 'node:crypto';
import { PaperIdSchema, type PaperId, type PaperRecord } from '../../../shared/models/paper.js';
import { DistinctPairs } from './distinct-pairs.js';
import { LibraryError } from '../storage/errors.js';
import type { LibraryStore } from '../storage/library-store.js';

/** Injected so tests control time and ids. */
export interface LibraryDeps {
  readonly now: () => Date;
  readonly newId: () => PaperId;
}

export const defaultDeps: LibraryDeps = {
  now: () => new Date(),
  newId: () => PaperIdSchema.parse(randomHex(8)),
};

/** Random bytes drawn ahead: one `randomBytes` call per id cost ~10 µs, a tenth of a second per 10,000 imported. */
const randomPool = { bytes: Buffer.alloc(0), at: 0 };

/** `randomBytes(n).toString('hex')`, from the pool. */
function randomHex(n: number): string {
  if (randomPool.at + n > randomPool.bytes.length) {
    randomPool.bytes = randomBytes(Math.max(n, 4096));
    randomPool.at = 0;
  }
  const hex = randomPool.bytes.toString('hex', randomPool.at, randomPool.at + n);
  randomPool.at += n;
  return hex;
}

/** Called with the ids of papers that changed, after the change is on disk; `content` says whether abstracts, notes or highlights changed too. */
export type ChangeListener = (ids: readonly string[], change: { readonly content: boolean }) => void;

/** What every part of the library shares: the store, the clock and ids, and telling listeners what changed. */
export class LibraryContext {
  private readonly listeners = new Set<ChangeListener>();
  private distinctLoaded: Promise<DistinctPairs> | null = null;

  constructor(
    readonly store: LibraryStore,
    readonly deps: LibraryDeps,
  ) {}

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tell listeners these papers changed (after the change is on disk). */
  changed(ids: readonly string[], content = true): void {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids, { content });
  }

  nowIso(): string {
    return this.deps.now().toISOString();
  }

  /** A paper's record, or a not-found error naming the id. */
  async requireRecord(id: string): Promise<PaperRecord> {
    const record = await this.store.getRecord(id);
    if (!record) throw new LibraryError('not-found', `no paper with id ${id} in ${this.store.dir}`);
    return record;
  }

  /** The pairs the user said are different papers (read once, then kept). */
  distinctPairs(): Promise<DistinctPairs> {
    this.distinctLoaded ??= DistinctPairs.open(this.store.dir);
    return this.distinctLoaded;
  }

  /** After a restore, the distinct pairs are read again from what was restored. */
  forgetDistinctPairs(): void {
    this.distinctLoaded = null;
  }
}
