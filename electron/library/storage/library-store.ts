import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { PaperRecord } from '../../../shared/models/paper.js';
import { TEMP_SUFFIX, writeFileDurable, isErrnoException } from './durable-write.js';
import { CorruptFileError, LibraryError } from './errors.js';
import {
  ABSTRACTS_DIR,
  AbstractShardSchema,
  BACKUPS_DIR,
  CURRENT_VERSION,
  JOURNAL_FILE,
  JournalSchema,
  MANIFEST_FILE,
  ManifestSchema,
  PAPERS_DIR,
  PaperShardSchema,
  SHARD_COUNT,
  shardOf,
  type Journal,
  type Manifest,
} from './layout.js';
import { LEGACY_SINGLE_FILE, V0LibrarySchema, migrateV0ToV1 } from './migrations.js';
import { recoverCorruptFile, type Notice } from './recovery.js';
import { ShardSet } from './shard-set.js';
import { parseValidated } from './validated-json-file.js';
import { acquireWriteLock, type WriteLock } from './write-lock.js';
import { stableStringify } from './stable-json.js';

export interface StoreOpenOptions {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  /** Named in the lock so another writer's error says who holds the library. */
  readonly holder: string;
  readonly now: () => Date;
}

/** A batch of changes that lands together or not at all. */
export interface ChangeSet {
  readonly records: readonly PaperRecord[];
  /** New abstracts by paper id; null removes one. */
  readonly abstracts: ReadonlyMap<string, string | null>;
}

/**
 * The library folder on disk: a manifest, 256 shards of paper records, 256 shards of abstracts,
 * a journal for multi-shard changes, previous versions in `backups/`, bad files in `quarantine/`.
 */
export class LibraryStore {
  readonly notices: Notice[] = [];
  private readonly papers: ShardSet<typeof PaperShardSchema>;
  private readonly abstracts: ShardSet<typeof AbstractShardSchema>;
  private writeQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly readOnly: boolean,
    private readonly lock: WriteLock | null,
    private readonly now: () => Date,
  ) {
    const common = { libraryDir: dir, writable: !readOnly, now, onNotice: (n: Notice) => this.notices.push(n) };
    this.papers = new ShardSet({ ...common, dir: PAPERS_DIR, schema: PaperShardSchema, empty: () => ({ version: CURRENT_VERSION, papers: {} }) });
    this.abstracts = new ShardSet({ ...common, dir: ABSTRACTS_DIR, schema: AbstractShardSchema, empty: () => ({ version: CURRENT_VERSION, abstracts: {} }) });
  }

  /** Open a library folder, creating it when it does not exist yet. */
  static async open(options: StoreOpenOptions): Promise<LibraryStore> {
    const { dir, mode, now } = options;
    if (mode === 'read') {
      const manifest = await readManifest(dir, false, now, []);
      const store = new LibraryStore(dir, true, null, now);
      if (manifest === null) return store;
      const journal = await readJournal(dir);
      if (journal) await store.applyInMemory(journal);
      return store;
    }
    await mkdir(dir, { recursive: true });
    const lock = await acquireWriteLock(dir, options.holder, now);
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
      const store = new LibraryStore(dir, newer, newer ? null : lock, now);
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
    return (await this.papers.load(shardOf(id))).papers[id];
  }

  async getAbstract(id: string): Promise<string | null> {
    return (await this.abstracts.load(shardOf(id))).abstracts[id] ?? null;
  }

  /** Every abstract, by paper id (loads all abstract shards). */
  async allAbstracts(): Promise<Map<string, string>> {
    const shards = await this.abstracts.loadAll();
    return new Map(shards.flatMap((shard) => Object.entries(shard.abstracts)));
  }

  /** Replace one record; durable on disk when this resolves. Costs one shard write whatever the library size. */
  async putRecord(record: PaperRecord): Promise<void> {
    await this.serialized(async () => {
      this.assertWritable();
      const index = shardOf(record.id);
      const shard = await this.papers.load(index);
      shard.papers[record.id] = record;
      await this.papers.save(index);
    });
  }

  /**
   * Apply a change set atomically across shards: write it to the journal first (the commit point),
   * then to each shard, then drop the journal. A crash in between is replayed at the next open.
   */
  async commit(changes: ChangeSet): Promise<void> {
    if (changes.records.length === 0 && changes.abstracts.size === 0) return;
    await this.serialized(async () => {
      this.assertWritable();
      const journal: Journal = {
        version: CURRENT_VERSION,
        papers: Object.fromEntries(changes.records.map((r) => [r.id, r])),
        abstracts: Object.fromEntries(changes.abstracts),
      };
      const journalPath = path.join(this.dir, JOURNAL_FILE);
      await writeFileDurable(journalPath, JSON.stringify(journal));
      await this.applyToShards(journal);
      await rm(journalPath, { force: true });
    });
  }

  async close(): Promise<void> {
    await this.writeQueue.catch(() => undefined);
    await this.lock?.release();
  }

  private assertWritable(): void {
    if (this.readOnly) throw new LibraryError('read-only', `${this.dir} is open read-only; nothing was changed.`);
  }

  /** Writes run one at a time, so two edits of the same shard never interleave. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.writeQueue.then(task, task);
    this.writeQueue = run.catch(() => undefined);
    return run;
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

  private async applyInMemory(journal: Journal): Promise<Set<number>> {
    const touchedPapers = new Set<number>();
    for (const [id, record] of Object.entries(journal.papers)) {
      const index = shardOf(id);
      (await this.papers.load(index)).papers[id] = record;
      touchedPapers.add(index);
    }
    const touchedAbstracts = new Set<number>();
    for (const [id, text] of Object.entries(journal.abstracts)) {
      const index = shardOf(id);
      const shard = await this.abstracts.load(index);
      if (text === null) delete shard.abstracts[id];
      else shard.abstracts[id] = text;
      touchedAbstracts.add(index);
    }
    return new Set([...touchedPapers].map((i) => i).concat([...touchedAbstracts].map((i) => i + SHARD_COUNT)));
  }

  private async applyToShards(journal: Journal): Promise<void> {
    const touched = await this.applyInMemory(journal);
    for (const key of touched) {
      if (key < SHARD_COUNT) await this.papers.save(key);
      else await this.abstracts.save(key - SHARD_COUNT);
    }
  }

  /** Version 0 kept everything in one `library.json`; move it into shards, keeping the old file as a backup. */
  private async migrateLegacySingleFile(): Promise<void> {
    const legacyPath = path.join(this.dir, LEGACY_SINGLE_FILE);
    let text: string;
    try {
      text = await readFile(legacyPath, 'utf8');
    } catch (error) {
      if (isErrnoException(error) && error.code === 'ENOENT') return;
      throw error;
    }
    const { records, abstracts } = migrateV0ToV1(parseValidated(legacyPath, text, V0LibrarySchema));
    const journal: Journal = { version: CURRENT_VERSION, papers: Object.fromEntries(records.map((r) => [r.id, r])), abstracts: Object.fromEntries(abstracts) };
    await writeFileDurable(path.join(this.dir, JOURNAL_FILE), JSON.stringify(journal));
    await mkdir(path.join(this.dir, BACKUPS_DIR), { recursive: true });
    await copyFile(legacyPath, path.join(this.dir, BACKUPS_DIR, `${LEGACY_SINGLE_FILE}.v0`));
    await rm(legacyPath);
    this.notices.push({ level: 'warning', message: `Moved ${records.length} papers from the single-file library ${legacyPath} into shards; the original is kept in ${BACKUPS_DIR}/.` });
  }
}

async function createLibrary(dir: string, now: () => Date): Promise<Manifest> {
  for (const sub of [PAPERS_DIR, ABSTRACTS_DIR, path.join(BACKUPS_DIR, PAPERS_DIR), path.join(BACKUPS_DIR, ABSTRACTS_DIR)]) {
    await mkdir(path.join(dir, sub), { recursive: true });
  }
  const manifest: Manifest = { format: 'margin-library', version: CURRENT_VERSION, shardCount: SHARD_COUNT, createdAt: now().toISOString() };
  await writeFileDurable(path.join(dir, BACKUPS_DIR, MANIFEST_FILE), stableStringify(manifest));
  await writeFileDurable(path.join(dir, MANIFEST_FILE), stableStringify(manifest));
  return manifest;
}

async function readManifest(dir: string, writable: boolean, now: () => Date, notices: Notice[]): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    throw new LibraryError('io', `${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
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
  try {
    return parseValidated(file, await readFile(file, 'utf8'), JournalSchema);
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return null;
    // The journal is written atomically, so a bad one was never committed: its change never happened.
    if (error instanceof CorruptFileError) return null;
    throw error;
  }
}

async function removeStaleTempFiles(dir: string): Promise<void> {
  for (const sub of ['.', PAPERS_DIR, ABSTRACTS_DIR]) {
    let names: string[];
    try {
      names = await readdir(path.join(dir, sub));
    } catch {
      continue;
    }
    await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(dir, sub, n), { force: true })));
  }
}
