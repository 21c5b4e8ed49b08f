import type { View } from '../../../shared/ipc/contract.js';
import type { PaperRecord } from '../../../shared/models/paper.js';
import type { Sort } from '../../../shared/models/views.js';
import { CountsTally } from '../search/library-counts.js';
import { toListRow } from '../paper/list-row.js';
import { selectRecordsInTurns } from '../search/paper-query.js';
import type { RecordCache } from '../search/record-cache.js';
import type { TextSearch } from '../search/text-search.js';
import {
  encodeListSnapshot,
  ListRowsBuilder,
  papersStampInTurns,
  writeListSnapshot,
  type ListToWrite,
} from './list-snapshot-file.js';

/** The lists the app opens with (renderer: list-slice's first view and sort). */
export const STARTUP_LISTS: ReadonlyArray<{ readonly view: View; readonly sort: Sort }> = [
  { view: { kind: 'status', status: 'inbox' }, sort: 'added' },
];

/** Papers counted, or rows turned into JSON, per turn: writing a snapshot never holds the event loop long. */
const SLICE = 1000;

interface Captured {
  readonly stamp: string;
  readonly truth: readonly PaperRecord[];
  readonly lists: ReadonlyArray<{ view: View; sort: Sort; records: readonly PaperRecord[] }>;
}

export interface ListSnapshotWriterOptions {
  readonly dir: string;
  readonly shardCount: number;
  /** Runs the task with no write in flight (the store's queue): what is in memory is what is on disk. */
  readonly exclusive: <T>(task: () => Promise<T>) => Promise<T>;
  /** Every record as the store holds it (inside `exclusive`: as the files are). */
  readonly storeRecords: () => Promise<PaperRecord[]>;
  readonly cache: RecordCache;
  readonly search: () => TextSearch;
  /** Quiet time after the last change before the snapshot is written again. */
  readonly delayMs: number;
}

/**
 * Keeps the list snapshot true: written a few seconds after the library last changed and when the session
 * closes. Its rows and counts are taken from the records as the files hold them, with the files' stamp
 * taken at the same moment, so a snapshot never claims a state that is not on disk.
 */
export class ListSnapshotWriter {
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly options: ListSnapshotWriterOptions) {}

  /** The library changed (or the snapshot is missing or stale): write it again once things are quiet. */
  changed(): void {
    if (this.closed) return;
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs);
    this.timer.unref();
  }

  /** Write now if anything changed since the last write; resolves when done (failures are quiet: it is a cache). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(async () => {
      if (!this.dirty) return;
      this.dirty = false;
      try {
        if (!(await this.write())) this.dirty = true;
      } catch {
        this.dirty = true;
      }
    });
    return this.writing;
  }

  /** Write what is left, then stop. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Returns false when the records in memory kept changing while it was taken (tried again later). */
  private async write(): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const captured = await this.capture();
      if (captured) {
        await this.writeCaptured(captured);
        return true;
      }
    }
    if (!this.closed) this.changed();
    return false;
  }

  /**
   * The records, each startup list's order and the files' stamp, taken together with no write in flight;
   * null when the records in memory are not (yet) exactly what the store holds.
   */
  private async capture(): Promise<Captured | null> {
    const { dir, shardCount, cache } = this.options;
    // Made outside the store's queue (edits go on meanwhile); checked inside it.
    for (const { sort } of STARTUP_LISTS) await cache.orderedBy(sort);
    return this.options.exclusive(async () => {
      const held = cache.held();
      if (!held) return null;
      const truth = await this.options.storeRecords();
      // The cache must hold exactly the store's records (the same objects, read in the same order). After the
      // files were read afresh (a sync) it holds equal copies instead: it is made again from the store's.
      if (truth.length !== held.all.length || truth.some((r, i) => r !== held.all[i])) {
        cache.invalidate();
        return null;
      }
      const lists = [];
      for (const { view, sort } of STARTUP_LISTS) {
        const ordered = held.ordered(sort);
        if (!ordered) return null;
        lists.push({ view, sort, records: ordered.records.slice() });
      }
      return { stamp: await papersStampInTurns(dir, shardCount), truth, lists };
    });
  }

  private async writeCaptured(captured: Captured): Promise<void> {
    const lists: ListToWrite[] = [];
    for (const { view, sort, records } of captured.lists) {
      // The papers the app's query selects for this list without a search, in its order.
      const selected = await selectRecordsInTurns(records, { view, search: '' }, this.options.search());
      const rows = new ListRowsBuilder();
      for (let at = 0; at < selected.length; at += SLICE) {
        rows.add(selected.slice(at, at + SLICE).map(toListRow));
        await nextTurn();
      }
      lists.push(rows.build(view, sort));
    }
    const tally = new CountsTally();
    for (let at = 0; at < captured.truth.length; at += SLICE) {
      for (let i = at; i < Math.min(at + SLICE, captured.truth.length); i++)
        tally.add(captured.truth[i] as PaperRecord);
      await nextTurn();
    }
    await writeListSnapshot(this.options.dir, await encodeListSnapshot(captured.stamp, await tally.result(), lists));
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
