import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { EMPTY_CONTENT, type PaperContent, type PaperRecord } from '../../../shared/models/paper.js';
import { TEMP_SUFFIX, writeFileDurable } from './durable-write.js';
import { CorruptFileError, LibraryError } from './errors.js';
import {
  CONTENTS_DIR,
  ContentShardSchema,
  BACKUPS_DIR,
  CURRENT_VERSION,
  JOURNAL_FILE,
  JournalSchema,
  MANIFEST_FILE,
  ManifestSchema,
  PAPERS_DIR,
  PaperShardSchema,
  DEFAULT_SHARD_COUNT,
  type Journal,
  type Manifest,
} from './layout.js';
import { LEGACY_SINGLE_FILE, V0LibrarySchema, migrateV0ToV1 } from './migrations.js';
import { recoverCorruptFile, type Notice } from './recovery.js';
import { ShardSet } from './shard-set.js';
import { parseValidated } from './validated-json-file.js';
import { readIfExists } from './read-if-exists.js';
import { acquireWriteLock, type WriteLock } from './write-lock.js';
import { SNAPSHOTS_DIR, finishSnapshot, restoreSnapshot, stageSnapshot, takeSnapshot, type SnapshotInfo, type StagedSnapshot } from './snapshots.js';
import { stableStringify } from './stable-json.js';

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

/** Writes, available inside `exclusive`. Each is durable on disk when it resolves. */
export interface StoreWriter {
  putRecord(record: PaperRecord): Promise<void>;
  putContent(id: string, content: PaperContent): Promise<void>;
  /**
   * Several shards atomically: the change set is written to the journal first (the commit point), then
   * to each shard, then the journal is dropped. A crash in between is replayed at the next open.
   */
  commit(changes: ChangeSet): Promise<void>;
  /** Link a whole-library backup of the state as it is now; `finishBackup` verifies and publishes it. */
  stageBackup(reason: string): Promise<StagedSnapshot>;
}

/**
 * The library folder on disk: a manifest, shards of paper records (what the list needs), shards of
 * contents (abstract, note, highlights),
 * a journal for multi-shard changes, previous versions in `backups/`, bad files in `quarantine/`.
 */
export class LibraryStore {
  readonly notices: Notice[] = [];
  private readonly papers: ShardSet<typeof PaperShardSchema>;
  private readonly contents: ShardSet<typeof ContentShardSchema>;
  private writeQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    shardCount: number,
    private readonly lock: WriteLock | null,
    private readonly now: () => Date,
  ) {
    const common = { libraryDir: dir, shardCount, writable: !readOnly, now, onNotice: (n: Notice) => this.notices.push(n) };
    this.papers = new ShardSet({ ...common, dir: PAPERS_DIR, schema: PaperShardSchema, empty: () => ({ version: CURRENT_VERSION, papers: {} }) });
    this.contents = new ShardSet({ ...common, dir: CONTENTS_DIR, schema: ContentShardSchema, empty: () => ({ version: CURRENT_VERSION, contents: {} }) });
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
      if (journal) await store.applyInMemory(journal);
      return store;
    }
    await mkdir(dir, { recursive: true });
    const lock = await acquireWriteLock(dir, options.holder, now, { takeOverFromOtherHost: options.takeOverLock === true });
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
      if (!newer) await store.prepareForWriting();
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** All records, loading every paper shard on first call. */
  async allRecords(): Promise<PaperRecord[]> {
    const shards = await this.papers.loadAll();
    return shards.flatMap((shard) => Object.values(shard.papers));
  }

  async getRecord(id: string): Promise<PaperRecord | undefined> {
    return (await this.papers.loadFor(id)).papers[id];
  }

  async getContent(id: string): Promise<PaperContent> {
    return (await this.contents.loadFor(id)).contents[id] ?? EMPTY_CONTENT;
  }

  /** Every paper's content, by id (loads all content shards). */
  async allContents(): Promise<Map<string, PaperContent>> {
    const shards = await this.contents.loadAll();
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
  async commit(changes: ChangeSet): Promise<void> {
    await this.exclusive((w) => w.commit(changes));
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

  /** Verify and publish a backup staged inside `exclusive` (edits may go on meanwhile). */
  finishBackup(staged: StagedSnapshot): Promise<SnapshotInfo> {
    return finishSnapshot(this.dir, staged);
  }

  private readonly writer: StoreWriter = {
    stageBackup: (reason) => stageSnapshot(this.dir, reason, this.now()),
    putRecord: async (record) => {
      const shard = await this.papers.loadFor(record.id);
      shard.papers[record.id] = record;
      await this.papers.save(this.papers.indexOf(record.id));
    },
    putContent: async (id, content) => {
      const shard = await this.contents.loadFor(id);
      shard.contents[id] = content;
      await this.contents.save(this.contents.indexOf(id));
    },
    commit: async (changes) => {
      if (changes.records.length === 0 && changes.contents.size === 0 && !changes.deleted?.length) return;
      const journal: Journal = {
        version: CURRENT_VERSION,
        papers: Object.fromEntries(changes.records.map((r) => [r.id, r])),
        contents: Object.fromEntries(changes.contents),
        deleted: [...(changes.deleted ?? [])],
      };
      const journalPath = path.join(this.dir, JOURNAL_FILE);
      await writeFileDurable(journalPath, JSON.stringify(journal));
      await this.applyToShards(journal);
      await rm(journalPath, { force: true });
    },
  };

  /** Take a whole-library backup now: files are linked alone (no write lands halfway), verified while edits go on. */
  async snapshot(reason: string): Promise<SnapshotInfo> {
    return this.finishBackup(await this.exclusive((writer) => writer.stageBackup(reason)));
  }

  /** Put a backup back: first a backup of the current state (so this can be undone), then the files, then a fresh read. */
  async restore(name: string): Promise<SnapshotInfo> {
    return this.exclusive(async () => {
      await takeSnapshot(this.dir, 'before-restore', this.now());
      const info = await restoreSnapshot(this.dir, name);
      this.papers.clear();
      this.contents.clear();
      return info;
    });
  }

  async close(): Promise<void> {
    await this.writeQueue.catch(() => undefined);
    await this.lock?.release();
  }

  private assertWritable(): void {
    if (this.readOnly) throw new LibraryError('read-only', `${this.dir} is open read-only; nothing was changed.`);
  }

  private async prepareForWriting(): Promise<void> {
    await removeStaleTempFiles(this.dir);
    await this.migrateLegacySingleFile();
    const journal = await readJournal(this.dir);
    if (journal) {
      await this.applyToShards(journal);
      await rm(path.join(this.dir, JOURNAL_FILE), { force: true });
    }
  }

  /** Put a journal's changes into the loaded shards; returns the shards it touched. */
  private async applyInMemory(journal: Journal): Promise<{ papers: Set<number>; contents: Set<number> }> {
    const touched = { papers: new Set<number>(), contents: new Set<number>() };
    for (const [id, record] of Object.entries(journal.papers)) {
      (await this.papers.loadFor(id)).papers[id] = record;
      touched.papers.add(this.papers.indexOf(id));
    }
    for (const [id, content] of Object.entries(journal.contents)) {
      (await this.contents.loadFor(id)).contents[id] = content;
      touched.contents.add(this.contents.indexOf(id));
    }
    for (const id of journal.deleted) {
      delete (await this.papers.loadFor(id)).papers[id];
      delete (await this.contents.loadFor(id)).contents[id];
      touched.papers.add(this.papers.indexOf(id));
      touched.contents.add(this.contents.indexOf(id));
    }
    return touched;
  }

  private async applyToShards(journal: Journal): Promise<void> {
    const touched = await this.applyInMemory(journal);
    for (const index of touched.papers) await this.papers.save(index);
    for (const index of touched.contents) await this.contents.save(index);
  }

  /** Version 0 kept everything in one `library.json`; move it into shards, keeping the old file as a backup. */
  private async migrateLegacySingleFile(): Promise<void> {
    const legacyPath = path.join(this.dir, LEGACY_SINGLE_FILE);
    const text = await readIfExists(legacyPath);
    if (text === null) return;
    const { records, contents } = migrateV0ToV1(parseValidated(legacyPath, text, V0LibrarySchema));
    const journal: Journal = { version: CURRENT_VERSION, papers: Object.fromEntries(records.map((r) => [r.id, r])), contents: Object.fromEntries(contents), deleted: [] };
    await writeFileDurable(path.join(this.dir, JOURNAL_FILE), JSON.stringify(journal));
    await mkdir(path.join(this.dir, BACKUPS_DIR), { recursive: true });
    await copyFile(legacyPath, path.join(this.dir, BACKUPS_DIR, `${LEGACY_SINGLE_FILE}.v0`));
    await rm(legacyPath);
    this.notices.push({ level: 'warning', message: `Moved ${records.length} papers from the single-file library ${legacyPath} into shards; the original is kept in ${BACKUPS_DIR}/.` });
  }
}

async function createLibrary(dir: string, now: () => Date): Promise<Manifest> {
  for (const sub of [PAPERS_DIR, CONTENTS_DIR, path.join(BACKUPS_DIR, PAPERS_DIR), path.join(BACKUPS_DIR, CONTENTS_DIR)]) {
    await mkdir(path.join(dir, sub), { recursive: true });
  }
  const manifest: Manifest = { format: 'margin-library', version: CURRENT_VERSION, shardCount: DEFAULT_SHARD_COUNT, createdAt: now().toISOString() };
  await writeFileDurable(path.join(dir, BACKUPS_DIR, MANIFEST_FILE), stableStringify(manifest));
  await writeFileDurable(path.join(dir, MANIFEST_FILE), stableStringify(manifest));
  return manifest;
}

async function readManifest(dir: string, writable: boolean, now: () => Date, notices: Notice[]): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string | null;
  try {
    text = await readIfExists(file);
  } catch (error) {
    throw new LibraryError('io', `${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (text === null) return null;
  try {
    return parseValidated(file, text, ManifestSchema);
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    const recovered = await recoverCorruptFile(dir, error, path.join(dir, BACKUPS_DIR, MANIFEST_FILE), ManifestSchema, writable, now);
    notices.push(recovered.notice);
    if (recovered.data === null) throw new LibraryError('corrupt', recovered.notice.message);
    return recovered.data;
  }
}

async function readJournal(dir: string): Promise<Journal | null> {
  const file = path.join(dir, JOURNAL_FILE);
  const text = await readIfExists(file);
  if (text === null) return null;
  try {
    return parseValidated(file, text, JournalSchema);
  } catch (error) {
    // The journal is written atomically, so a bad one was never committed: its change never happened.
    if (error instanceof CorruptFileError) return null;
    throw error;
  }
}

async function removeStaleTempFiles(dir: string): Promise<void> {
  // A backup interrupted by a crash left a `.partial` folder; it was never a backup.
  const snapshots = path.join(dir, SNAPSHOTS_DIR);
  for (const name of await readdir(snapshots).catch(() => [] as string[])) {
    if (name.endsWith('.partial')) await rm(path.join(snapshots, name), { recursive: true, force: true });
  }
  for (const sub of ['.', PAPERS_DIR, CONTENTS_DIR]) {
    let names: string[];
    try {
      names = await readdir(path.join(dir, sub));
    } catch {
      continue;
    }
    await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(dir, sub, n), { force: true })));
  }
}
