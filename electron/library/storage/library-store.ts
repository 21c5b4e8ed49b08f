/** The library store: opens a library folder, reads its papers and contents, and writes changes one at a time. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { EMPTY_CONTENT, type PaperContent, type PaperRecord } from '../../../shared/models/paper.js';
import { conflictedCopiesNotices } from './conflicted-copies-notice.js';
import { stampFieldTimes } from './field-times.js';
import { LibraryError } from './errors.js';
import { turns } from './turns.js';
import { readEditLog } from './edit-log.js';
import { LoggedShards } from './logged-shards.js';
import { journalOf, readJournal, removeJournal, writeJournal } from './journal-file.js';
import { CURRENT_VERSION, DEFAULT_SHARD_COUNT, EDIT_LOG_FILE, type Journal } from './layout.js';
import { migrateLegacySingleFile } from './legacy-single-file.js';
import {
  applyJournalInMemory,
  applyJournalToShards,
  createLibraryShards,
  type LibraryShards,
} from './library-shards.js';
import { createLibrary, readManifest } from './manifest-file.js';
import type { Notice } from './recovery.js';
import { removeStaleTempFiles } from './stale-temp-files.js';
import { folderListings, type ListFolder } from './folder-listings.js';
import { acquireWriteLock, type WriteLock } from './write-lock.js';
import {
  finishSnapshot,
  restoreSnapshot,
  stageSnapshot,
  takeSnapshot,
  type SnapshotInfo,
  type StagedSnapshot,
} from './snapshots.js';

export interface StoreOpenOptions {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  /** Named in the lock so another writer's error says who holds the library. */
  readonly holder: string;
  readonly now: () => Date;
  /** Take over a lock held from another machine (a library in a synced folder), once the user confirmed it. */
  readonly takeOverLock?: boolean;
}

/** A batch of changes that lands together or not at all. */
export interface ChangeSet {
  readonly records: readonly PaperRecord[];
  /** New contents by paper id. */
  readonly contents: ReadonlyMap<string, PaperContent>;
  /** Papers to remove for good. */
  readonly deleted?: readonly string[];
}

/** How a change set is made durable. */
export interface CommitOptions {
  /**
   * Into the shard files before this resolves, never only into the edit log: for a task that reads the files
   * next (a git sync commits them).
   */
  readonly toShards?: boolean;
}

/** Change sets of up to this many papers go into the edit log; larger ones are written into their shards at once. */
const LOGGED_PAPERS_LIMIT = 16;
/** Logged changes are written into their shards once edits pause this long… */
const COMPACT_AFTER_MS = 2000;
/** …or once the log holds this much. */
const COMPACT_AT_BYTES = 1 << 20;

/** One paper's stored state: its record and its content, each absent when there is none. */
export interface StoredPaper {
  readonly record: PaperRecord | undefined;
  readonly content: PaperContent | undefined;
}

/** Sees each paper a write changes, with what it replaced; the edit history records these to undo them. */
export interface WriteObserver {
  /** Whether the write being made now is wanted (reading what a write replaces costs lookups). */
  wants(): boolean;
  /** The parts of one paper a write replaced (`undefined` parts were not touched). */
  wrote(id: string, before: Partial<StoredPaper>, after: Partial<StoredPaper>): void;
}

/** The store held for a task that also changes its files another way (a git sync): its folder, backups, atomic writes. */
export interface HeldStore {
  readonly dir: string;
  readonly readOnly: boolean;
  snapshot(reason: string): Promise<unknown>;
  commit(changes: ChangeSet, options?: CommitOptions): Promise<void>;
}

/** Writes, available inside `exclusive`. Each is durable on disk when it resolves. */
export interface StoreWriter {
  putRecord(record: PaperRecord): Promise<void>;
  putContent(id: string, content: PaperContent): Promise<void>;
  /**
   * Several papers atomically. A small change set is appended to the edit log (the commit point; see
   * edit-log.ts). A large one is written to the journal (the commit point), once what the log held is in its
   * shards; its shards are written at the next compaction (at once with `toShards`), then the journal is dropped.
   * A crash in between is replayed at the next open either way: the journal, then the log.
   */
  commit(changes: ChangeSet, options?: CommitOptions): Promise<void>;
  /** Write every logged change into its shard and drop the log: the files then hold exactly what the store does. */
  writeLogged(): Promise<void>;
  /** Link a whole-library backup of the state as it is now; `finishBackup` verifies and publishes it. */
  stageBackup(reason: string): Promise<StagedSnapshot>;
  /** Drop every shard read so far (after writing what is logged): the files changed behind the store (a git sync). */
  forgetReads(): Promise<void>;
}

/**
 * The library folder on disk: a manifest, shards of paper records (what the list needs), shards of
 * contents (abstract, note, highlights),
 * a journal for multi-shard changes, previous versions in `backups/`, bad files in `quarantine/`.
 */
export class LibraryStore {
  readonly notices: Notice[] = [];
  private readonly shards: LibraryShards;
  private writeQueue: Promise<unknown> = Promise.resolve();
  private observer: WriteObserver | null = null;
  /** The edit log; null when read-only. */
  private readonly log: LoggedShards | null;
  private compactTimer: NodeJS.Timeout | null = null;

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    /** From the manifest (the default for a library not created yet). */
    readonly shardCount: number,
    private readonly lock: WriteLock | null,
    private readonly now: () => Date,
  ) {
    this.shards = createLibraryShards({
      libraryDir: dir,
      shardCount,
      writable: !readOnly,
      now,
      onNotice: (n: Notice) => this.notices.push(n),
    });
    this.log = readOnly ? null : new LoggedShards(dir, this.shards);
  }

  /** Open a library folder, creating it when it does not exist yet. */
  static async open(options: StoreOpenOptions): Promise<LibraryStore> {
    const { dir, mode, now } = options;
    if (mode === 'read') {
      const notices: Notice[] = [];
      const manifest = await readManifest(dir, false, now, notices);
      const store = new LibraryStore(dir, true, manifest?.shardCount ?? DEFAULT_SHARD_COUNT, null, now);
      store.notices.push(...notices);
      if (manifest === null) return store;
      const journal = await readJournal(dir);
      if (journal) await applyJournalInMemory(store.shards, journal);
      // A writer's edits not yet in their shards (the app may be open).
      const logged = await readEditLog(dir);
      for (const change of logged?.changes ?? []) await applyJournalInMemory(store.shards, change);
      if (logged?.problem)
        store.notices.push({
          level: 'warning',
          message: `${path.join(dir, EDIT_LOG_FILE)}: ${logged.problem}; the edits from there on are not shown. It was left untouched.`,
        });
      store.notices.push(...(await conflictedCopiesNotices(dir, manifest.shardCount)));
      return store;
    }
    mkdirSync(dir, { recursive: true });
    const lock = await acquireWriteLock(dir, options.holder, now, {
      takeOverFromOtherHost: options.takeOverLock === true,
    });
    try {
      const notices: Notice[] = [];
      const manifest = (await readManifest(dir, true, now, notices)) ?? (await createLibrary(dir, now));
      const newer = manifest.version > CURRENT_VERSION;
      if (newer) {
        notices.push({
          level: 'warning',
          message: `${dir} was written by a newer Margin (library version ${manifest.version}; this one knows ${CURRENT_VERSION}). It is open read-only; update Margin to edit it.`,
        });
        await lock.release();
      }
      const store = new LibraryStore(dir, newer, manifest.shardCount, newer ? null : lock, now);
      store.notices.push(...notices);
      // The sweep and the conflicted-copy check read the same folders: each is listed once, up front.
      const list = folderListings(dir);
      const copies = conflictedCopiesNotices(dir, manifest.shardCount, list);
      if (!newer) await store.prepareForWriting(list);
      store.notices.push(...(await copies));
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** All records, loading every paper shard on first call. */
  async allRecords(): Promise<PaperRecord[]> {
    const records: PaperRecord[] = [];
    // In turns: ~30 ms at 100,000 papers, several times that while workers parse an import on both cores.
    const work = turns();
    // A loop, not flatMap: a third of the time at 100,000 papers in 1,024 shards.
    for (const shard of await this.shards.papers.loadAll()) {
      for (const record of Object.values(shard.papers)) records.push(record);
      if (work.due()) await work.turn();
    }
    return records;
  }

  async getRecord(id: string): Promise<PaperRecord | undefined> {
    return (await this.shards.papers.loadFor(id)).papers[id];
  }

  async getContent(id: string): Promise<PaperContent> {
    return (await this.shards.contents.loadFor(id)).contents[id] ?? EMPTY_CONTENT;
  }

  /** Every paper's content, by id (loads all content shards). */
  async allContents(): Promise<Map<string, PaperContent>> {
    const shards = await this.shards.contents.loadAll();
    return new Map(shards.flatMap((shard) => Object.entries(shard.contents)));
  }

  /** Replace one record; durable on disk when this resolves. Costs one shard write whatever the library size. */
  async putRecord(record: PaperRecord): Promise<void> {
    await this.exclusive((w) => w.putRecord(record));
  }

  /** Replace one paper's content when its record is unchanged: one shard write. */
  async putContent(id: string, content: PaperContent): Promise<void> {
    await this.exclusive((w) => w.putContent(id, content));
  }

  /** Apply a change set atomically across shards (see StoreWriter.commit). */
  async commit(changes: ChangeSet, options?: CommitOptions): Promise<void> {
    await this.exclusive((w) => w.commit(changes, options));
  }

  /**
   * Run a read-modify-write alone: writes in this process happen one at a time, so two edits of the
   * same paper never interleave and neither is lost.
   */
  exclusive<T>(task: (writer: StoreWriter) => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(() => {
      this.assertWritable();
      return task(this.writer);
    });
    this.writeQueue = run.catch(() => undefined);
    return run;
  }

  /** Report every paper write to `observer` (one at a time: the edit history). */
  observeWrites(observer: WriteObserver | null): void {
    this.observer = observer;
  }

  /** Verify and publish a backup staged inside `exclusive` (edits may go on meanwhile). */
  finishBackup(staged: StagedSnapshot): Promise<SnapshotInfo> {
    return finishSnapshot(this.dir, staged);
  }

  private readonly writer: StoreWriter = {
    stageBackup: async (reason) => {
      await this.writer.writeLogged();
      return stageSnapshot(this.dir, reason, this.now());
    },
    forgetReads: async () => {
      await this.writer.writeLogged();
      this.shards.papers.clear();
      this.shards.contents.clear();
    },
    writeLogged: () => this.writeLogged(),
    putRecord: async (written) => {
      const before = (await this.shards.papers.loadFor(written.id)).papers[written.id];
      const record = stampFieldTimes(before, written);
      await this.logChange(journalOf([record], new Map(), []));
      if (this.observer?.wants()) this.observer.wrote(record.id, { record: before }, { record });
    },
    putContent: async (id, content) => {
      const before = (await this.shards.contents.loadFor(id)).contents[id];
      await this.logChange(journalOf([], new Map([[id, content]]), []));
      if (this.observer?.wants()) this.observer.wrote(id, { content: before }, { content });
    },
    commit: async (changes, options = {}) => {
      if (changes.records.length === 0 && changes.contents.size === 0 && !changes.deleted?.length) return;
      const observer = this.observer?.wants() ? this.observer : null;
      const before = observer ? await this.statesBefore(changes) : null;
      const records: PaperRecord[] = [];
      // In turns: an import stamps 10,000 records.
      const work = turns();
      for (const record of changes.records) {
        records.push(stampFieldTimes((await this.shards.papers.loadFor(record.id)).papers[record.id], record));
        if (work.due()) await work.turn();
      }
      const journal = journalOf(records, changes.contents, changes.deleted ?? []);
      const papers = new Set([...records.map((r) => r.id), ...changes.contents.keys(), ...(changes.deleted ?? [])]);
      if (options.toShards !== true && papers.size <= LOGGED_PAPERS_LIMIT) await this.logChange(journal);
      else if (options.toShards !== true) await this.journalChange(journal);
      else {
        // The log first: its changes are older than this one, and a log replayed after it would undo it.
        await this.writeLogged();
        await writeJournal(this.dir, journal);
        await applyJournalToShards(this.shards, journal);
        await removeJournal(this.dir);
      }
      if (observer && before) await reportCommit(observer, { ...changes, records }, before);
    },
  };

  /** Commit a change through the edit log; its shards are written when edits pause (or the log grows). */
  private async logChange(change: Journal): Promise<void> {
    const log = this.log;
    if (!log) throw new LibraryError('read-only', `${this.dir} is open read-only; nothing was changed.`);
    await log.add(change);
    this.compactLater(log.bytes >= COMPACT_AT_BYTES ? 0 : COMPACT_AFTER_MS);
  }

  /**
   * Commit a large change through the journal (the commit point), after writing what is pending (it is older); its
   * shards are written with the log's at the next compaction, so the import that made it is done once the journal is
   * on disk.
   */
  private async journalChange(change: Journal): Promise<void> {
    const log = this.log;
    if (!log) throw new LibraryError('read-only', `${this.dir} is open read-only; nothing was changed.`);
    await this.writeLogged();
    await log.addJournaled(change);
    this.compactLater(COMPACT_AFTER_MS);
  }

  /** Write the logged changes into their shards once edits pause (a failure leaves the log, tried again later). */
  private compactLater(delayMs: number): void {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      this.exclusive((writer) => writer.writeLogged()).catch(() => undefined);
    }, delayMs);
    this.compactTimer.unref();
  }

  /** Compaction: every shard with logged changes written (the folders synced once each), then the log removed. */
  private async writeLogged(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    await this.log?.writeAll();
  }

  /** What a change set is about to replace, paper by paper. */
  private async statesBefore(changes: ChangeSet): Promise<Map<string, StoredPaper>> {
    const ids = new Set([...changes.records.map((r) => r.id), ...changes.contents.keys(), ...(changes.deleted ?? [])]);
    const states = new Map<string, StoredPaper>();
    const work = turns();
    for (const id of ids) {
      const record = (await this.shards.papers.loadFor(id)).papers[id];
      const content = (await this.shards.contents.loadFor(id)).contents[id];
      states.set(id, { record, content });
      if (work.due()) await work.turn();
    }
    return states;
  }

  /** Take a whole-library backup now: files are linked alone (no write lands halfway), verified while edits go on. */
  async snapshot(reason: string): Promise<SnapshotInfo> {
    return this.finishBackup(await this.exclusive((writer) => writer.stageBackup(reason)));
  }

  /** Put a backup back: first a backup of the current state (so this can be undone), then the files, then a fresh read. */
  async restore(name: string): Promise<SnapshotInfo> {
    return this.exclusive(async (writer) => {
      await writer.writeLogged();
      await takeSnapshot(this.dir, 'before-restore', this.now());
      const info = await restoreSnapshot(this.dir, name);
      this.shards.papers.clear();
      this.shards.contents.clear();
      return info;
    });
  }

  /** Write what is logged into the shards (left for the next open if that fails), then let the library go. */
  async close(): Promise<void> {
    if (this.log) await this.exclusive((writer) => writer.writeLogged()).catch(() => undefined);
    await this.writeQueue.catch(() => undefined);
    await this.log?.close();
    await this.lock?.release();
  }

  private assertWritable(): void {
    if (this.readOnly) throw new LibraryError('read-only', `${this.dir} is open read-only; nothing was changed.`);
  }

  private async prepareForWriting(list: ListFolder): Promise<void> {
    await removeStaleTempFiles(this.dir, list);
    const migrated = await migrateLegacySingleFile(this.dir);
    if (migrated) this.notices.push(migrated);
    const journal = await readJournal(this.dir);
    if (journal) {
      await applyJournalToShards(this.shards, journal);
      await removeJournal(this.dir);
    }
    // After the journal: a journal is written only once the log was empty, so the log holds the later changes.
    const logged = await readEditLog(this.dir);
    const notice = logged && this.log ? await this.log.replay(logged, this.now) : null;
    if (notice) this.notices.push(notice);
  }
}

/** Tell the observer what each paper of a committed change set was and now is, in turns (an import has 10,000). */
async function reportCommit(
  observer: WriteObserver,
  changes: ChangeSet,
  before: ReadonlyMap<string, StoredPaper>,
): Promise<void> {
  const deleted = new Set(changes.deleted ?? []);
  const records = new Map<string, PaperRecord>(changes.records.map((r) => [r.id, r]));
  const work = turns();
  for (const [id, was] of before) {
    if (work.due()) await work.turn();
    if (deleted.has(id)) {
      observer.wrote(id, was, { record: undefined, content: undefined });
      continue;
    }
    const prior: { record?: PaperRecord | undefined; content?: PaperContent | undefined } = {};
    const after: { record?: PaperRecord | undefined; content?: PaperContent | undefined } = {};
    if (records.has(id)) {
      prior.record = was.record;
      after.record = records.get(id);
    }
    if (changes.contents.has(id)) {
      prior.content = was.content;
      after.content = changes.contents.get(id);
    }
    observer.wrote(id, prior, after);
  }
}
