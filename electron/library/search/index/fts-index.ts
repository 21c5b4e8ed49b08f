import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ftsPhrase, ftsPlan } from './fts-match.js';
import type { SearchQuery } from '../query.js';
import type { RecordParts } from '../search-corpus.js';
import { relevanceScorer, wordsTogether, type RankedField } from '../relevance.js';
import { STATUSES } from '../../../../shared/models/paper.js';
import type { PaperFacts } from '../paper-facts.js';
import type { PageColumns, PageSource } from './index-page.js';
import { addedKey, decodeColumns, encodeColumns, parseNumberList, parseRowList } from './index-columns.js';

/** Where the index lives, inside the library folder: a cache, left out of backups and of git. */
export const INDEX_DIR = '.search-index';
export const INDEX_FILE = 'search.sqlite';
/** Bump when the tables or the tokenizer change: an index of another version is rebuilt. */
const SCHEMA_VERSION = '3';
/** Prefixes up to five letters are indexed: a prefix people type (`mode`, `model`) then reads one posting list, not those of every word it begins. */
const PREFIXES = '1 2 3 4 5';
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/** What a search found: ids, and the relevance of those with a term in their record's fields. */
export interface IndexHits {
  readonly ids: string[];
  readonly scores: Array<[id: string, score: number]>;
}

/** Matched papers with a term in their record's fields (by rowid), and their relevance. */
export interface RowScores {
  readonly rows: Int32Array;
  readonly scores: Float64Array;
}

/** A field's bit in the byte per rowid that says where a term sits. */
const FIELD_BIT: Readonly<Record<RankedField, number>> = { title: 1, tags: 2, people: 4 };

/** One paper's searchable text as the index keeps it (folded): the record's fields, and the content part. */
export interface IndexedDoc {
  readonly id: string;
  readonly shard: number;
  readonly record: RecordParts;
  /** The list row and what the filters read, so a search page can be answered before the records are read. */
  readonly facts: PaperFacts;
  /** Undefined: leave the content part as it is (a tag or status edit). */
  readonly content?: string;
}

/** What a shard's two files were when the index last read them (`size:mtime`), or null: re-read it. */
export interface ShardStamp {
  readonly papers: string | null;
  readonly contents: string | null;
}

/**
 * The full-text index: SQLite FTS5 through better-sqlite3, tokenized on letters and digits with accents off,
 * with prefix indexes for short prefixes. `docs` holds every paper's text (title, people, tags, content) and
 * answers which papers match; `heads` holds only the record's fields, whose short postings say cheaply where
 * a term sits, for ranking. lowdb's shards stay the truth: this file is derived from them and can be deleted
 * at any time. Each shard's stamp says which version of its files the index holds.
 */
export class FtsIndex implements PageSource {
  /** Prepared once: preparing costs more than running most of these. */
  private readonly statements = new Map<string, Database.Statement>();

  /**
   * rowid → paper id, for every paper: answers are rowids, and a lookup here beats a join. Read on first use
   * (~60 ms at 100,000 papers), not at open: a search page answered at start needs only rowids (`page`).
   */
  private idMap: Map<number, string> | null = null;
  private maxRow: number;
  /** The list columns `page` reads, read on first use and forgotten at every write (only searches at start use them). */
  private pageColumns: PageColumns | null = null;

  /** Whether `column_cache` holds the columns as they are (any write empties it; `saveColumns` fills it). */
  private columnsSaved: boolean;

  private constructor(private readonly db: Database.Database) {
    this.maxRow = db.prepare<[], number | null>(`SELECT max(rowid) FROM papers`).pluck().get() ?? 0;
    this.columnsSaved = db.prepare(`SELECT id FROM column_cache`).get() !== undefined;
  }

  /** Every write goes through here first: the columns in memory and on disk no longer hold. */
  private forgetColumns(): void {
    this.pageColumns = null;
    if (!this.columnsSaved) return;
    this.sql(`DELETE FROM column_cache`).run();
    this.columnsSaved = false;
  }

  /**
   * Keep the columns `page` reads as one blob (~1 MB at 100,000 papers), read at the next start in ~2 ms instead
   * of ~45 ms from every paper's row. The engine saves them as the app closes and after a build.
   */
  saveColumns(): void {
    if (this.columnsSaved) return;
    this.sql(`INSERT OR REPLACE INTO column_cache(id, data) VALUES (0, ?)`).run(encodeColumns(this.columns()));
    this.columnsSaved = true;
  }

  private get idOf(): Map<number, string> {
    if (!this.idMap) {
      const ids = new Map<number, string>();
      for (const [rowid, id] of this.db.prepare<[], [number, string]>(`SELECT rowid, id FROM papers`).raw().iterate())
        ids.set(rowid, id);
      this.idMap = ids;
    }
    return this.idMap;
  }

  private sql<P extends unknown[], R = unknown>(source: string): Database.Statement<P, R> {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement as Database.Statement<P, R>;
  }

  /** Open the index in `libraryDir`, starting afresh if it is missing, damaged or of another version. */
  static open(libraryDir: string): FtsIndex {
    const dir = path.join(libraryDir, INDEX_DIR);
    mkdirSync(dir, { recursive: true });
    // The folder ignores itself: git (sync) never carries this cache, whatever the library's own .gitignore says.
    const ignore = path.join(dir, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '*\n');
    const file = path.join(dir, INDEX_FILE);
    try {
      return FtsIndex.openFile(file);
    } catch {
      // Damaged or of another version: it is only a cache, so start again.
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
      return FtsIndex.openFile(file);
    }
  }

  private static openFile(file: string): FtsIndex {
    const db = new Database(file);
    try {
      db.pragma('journal_mode = WAL');
      // A lost last transaction is re-read from the shards at the next open: durability is not needed here.
      db.pragma('synchronous = OFF');
      db.pragma('busy_timeout = 2000');
      // Merging FTS5 segments while the index is built rereads the same pages: keep up to 64 MB of them.
      db.pragma('cache_size = -65536');
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS papers(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, shard INTEGER NOT NULL,
          flags INTEGER NOT NULL DEFAULT 0, added INTEGER);
        CREATE INDEX IF NOT EXISTS papers_by_shard ON papers(shard);
        CREATE TABLE IF NOT EXISTS shards(shard INTEGER PRIMARY KEY, papers TEXT, contents TEXT);
        CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, people, tags, content, ${TOKENIZE}, prefix = '${PREFIXES}');
        CREATE VIRTUAL TABLE IF NOT EXISTS heads USING fts5(title, people, tags, ${TOKENIZE}, prefix = '${PREFIXES}');
        CREATE TABLE IF NOT EXISTS facts(rowid INTEGER PRIMARY KEY, title TEXT NOT NULL, facts TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS column_cache(id INTEGER PRIMARY KEY CHECK (id = 0), data BLOB NOT NULL);
      `);
      const version = db.prepare<[], string>(`SELECT value FROM meta WHERE key = 'schema'`).pluck().get();
      if (version === undefined) db.prepare(`INSERT INTO meta(key, value) VALUES ('schema', ?)`).run(SCHEMA_VERSION);
      else if (version !== SCHEMA_VERSION) throw new Error(`search index schema ${version}`);
      // Reading every table proves the file is whole enough to use (a damaged one throws here).
      db.prepare(`SELECT rowid, flags, added FROM papers LIMIT 1`).get();
      db.prepare(`SELECT rowid, title, facts FROM facts LIMIT 1`).get();
      db.prepare(`SELECT rowid FROM docs WHERE docs MATCH 'x' LIMIT 1`).get();
      return new FtsIndex(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  /** The shard count the index was built for; another one means every shard is read again. */
  shardCount(): number | null {
    const value = this.sql<[], string>(`SELECT value FROM meta WHERE key = 'shardCount'`).pluck().get();
    return value === undefined ? null : Number(value);
  }

  /** Forget everything and expect `shardCount` shards. */
  reset(shardCount: number): void {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM docs; DELETE FROM heads; DELETE FROM papers; DELETE FROM shards; DELETE FROM facts;`);
      this.idMap = new Map();
      this.forgetColumns();
      this.sql(`INSERT OR REPLACE INTO meta(key, value) VALUES ('shardCount', ?)`).run(String(shardCount));
    })();
  }

  stamps(): Map<number, ShardStamp> {
    const rows = this.sql<[], { shard: number; papers: string | null; contents: string | null }>(
      `SELECT * FROM shards`,
    ).all();
    return new Map(rows.map((r) => [r.shard, { papers: r.papers, contents: r.contents }]));
  }

  get size(): number {
    return this.idMap?.size ?? this.sql<[], number>(`SELECT count(*) FROM papers`).pluck().get() ?? 0;
  }

  /** The largest rowid given so far (rows are never renumbered; a new paper gets a larger one). */
  get maxRowId(): number {
    return this.maxRow;
  }

  /**
   * FTS5 merges its segments as it writes (`automerge`): fine for a build's large transactions, but an edit that
   * lands on a merge waited ~13 ms at 100,000 papers. Edits write with it off; `mergeSome` does the merging later.
   */
  private automerge(level: 0 | 4): void {
    if (this.automergeLevel === level) return;
    // A literal: FTS5 takes only an integer here, and a bound JavaScript number arrives as a real.
    for (const table of ['docs', 'heads'])
      this.sql(`INSERT INTO ${table}(${table}, rank) VALUES ('automerge', ${String(level)})`).run();
    this.automergeLevel = level;
  }
  private automergeLevel: number | null = null;

  /**
   * Merge some of the segments edits left (about `pages` pages of each table); false when there was nothing to
   * merge. The engine calls it while edits pause, a slice at a time.
   */
  mergeSome(pages = 64): boolean {
    let merged = false;
    for (const table of ['docs', 'heads']) {
      const before = this.totalChanges();
      this.sql(`INSERT INTO ${table}(${table}, rank) VALUES ('merge', ?)`).run(pages);
      // FTS5's own test for "did work": the command changed two rows or more.
      if (this.totalChanges() - before >= 2) merged = true;
    }
    return merged;
  }

  private totalChanges(): number {
    return this.sql<[], number>(`SELECT total_changes()`).pluck().get() ?? 0;
  }

  /** Apply edits in one transaction; each marks its shard to be checked against its files again. */
  apply(docs: readonly IndexedDoc[], removed: readonly string[]): void {
    this.automerge(0);
    this.db.transaction(() => {
      this.forgetColumns();
      for (const doc of docs) this.upsert(doc);
      for (const id of removed) this.remove(id);
      const shards = new Set(docs.map((d) => d.shard));
      for (const id of removed) {
        const shard = this.shardOfId(id);
        if (shard !== undefined) shards.add(shard);
      }
      const dirty = this.sql(`INSERT OR REPLACE INTO shards(shard, papers, contents) VALUES (?, NULL, NULL)`);
      for (const shard of shards) dirty.run(shard);
    })();
  }

  /** Make the index hold exactly `docs` for `shard`, as read from its files at `stamp`; unchanged papers are not rewritten. */
  replaceShard(shard: number, docs: readonly IndexedDoc[], stamp: ShardStamp): void {
    this.replaceShards([{ shard, docs, stamp }]);
  }

  /**
   * `replaceShard` for several shards in one transaction: FTS5 writes a segment per transaction, and a build
   * of a thousand one-shard transactions spends more time merging segments than indexing text.
   */
  replaceShards(shards: ReadonlyArray<{ shard: number; docs: readonly IndexedDoc[]; stamp: ShardStamp }>): void {
    this.automerge(4);
    this.db.transaction(() => {
      this.forgetColumns();
      for (const { shard, docs, stamp } of shards) this.replaceOne(shard, docs, stamp);
    })();
  }

  private replaceOne(shard: number, docs: readonly IndexedDoc[], stamp: ShardStamp): void {
    {
      const held = new Map(
        this.sql<
          [number],
          { id: string; title: string; people: string; tags: string; content: string; facts: string | null }
        >(
          `SELECT p.id, d.title, d.people, d.tags, d.content, l.facts FROM papers p JOIN docs d ON d.rowid = p.rowid
           LEFT JOIN facts l ON l.rowid = p.rowid WHERE p.shard = ?`,
        )
          .all(shard)
          .map((r) => [r.id, r]),
      );
      for (const doc of docs) {
        const old = held.get(doc.id);
        held.delete(doc.id);
        if (
          old &&
          old.title === doc.record.title &&
          old.people === doc.record.people &&
          old.tags === doc.record.tags &&
          (doc.content === undefined || old.content === doc.content) &&
          old.facts === JSON.stringify(doc.facts)
        )
          continue;
        this.upsert(doc);
      }
      for (const id of held.keys()) this.remove(id);
      this.sql(`INSERT OR REPLACE INTO shards(shard, papers, contents) VALUES (?, ?, ?)`).run(
        shard,
        stamp.papers,
        stamp.contents,
      );
    }
  }

  /** The papers whose text matches the query's words, phrases and exclusions, and how well. */
  search(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): IndexHits {
    const { rows, scored } = this.searchRows(q);
    const ids: string[] = [];
    for (const row of rows) {
      const id = this.idOf.get(row);
      if (id !== undefined) ids.push(id);
    }
    const scores: Array<[string, number]> = [];
    scored.rows.forEach((row, i) => {
      const id = this.idOf.get(row);
      if (id !== undefined) scores.push([id, scored.scores[i] ?? 0]);
    });
    return { ids, scores };
  }

  /** The same as `search`, by rowid: the engine maps rows to the ordinals the main process numbers papers by. */
  searchRows(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): { rows: Int32Array; scored: RowScores } {
    const rows = this.matchingRows(q);
    return { rows, scored: this.scores(q, rows) };
  }

  /** The rowid of each paper, for the engine's ordinal map. */
  rows(): IterableIterator<[number, string]> {
    return this.idOf.entries();
  }

  matchingRows(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): Int32Array {
    const plan = ftsPlan(q);
    switch (plan.kind) {
      case 'all':
        return this.allRows();
      case 'match':
        return this.matchRows(plan.match);
      case 'allBut': {
        const out = new Set(this.matchRows(plan.match));
        return this.allRows().filter((row) => !out.has(row));
      }
    }
  }

  private allRows(): Int32Array {
    return this.idMap
      ? Int32Array.from(this.idMap.keys())
      : parseRowList(this.sql<[], string | null>(`SELECT group_concat(rowid, ',') FROM papers`).pluck().get() ?? '');
  }

  /**
   * Every paper's status, place in the Trash and time added, by rowid (see `PageColumns`). One string from SQLite,
   * read here: ~30 ms at 100,000 papers, where handing over rows one by one took ~120.
   */
  columns(): PageColumns {
    if (this.pageColumns) return this.pageColumns;
    const size = this.maxRow + 1;
    if (this.columnsSaved) {
      const saved = this.sql<[], Buffer>(`SELECT data FROM column_cache`).pluck().get();
      const decoded = saved ? decodeColumns(saved, size) : null;
      if (decoded) return (this.pageColumns = decoded);
    }
    const columns = { status: new Uint8Array(size), trashed: new Uint8Array(size), added: new Float64Array(size) };
    const joined =
      this.sql<[], string | null>(
        `SELECT group_concat(rowid || ',' || flags || ',' || ifnull(added, 'n'), ',') FROM papers WHERE flags > 0`,
      )
        .pluck()
        .get() ?? '';
    const values = parseNumberList(joined);
    for (let i = 0; i + 2 < values.length; i += 3) {
      const rowid = values[i] ?? 0;
      const flags = values[i + 1] ?? 0;
      if (rowid >= size) continue;
      columns.status[rowid] = flags >> 1;
      columns.trashed[rowid] = flags & 1;
      columns.added[rowid] = values[i + 2] ?? Number.NaN;
    }
    this.pageColumns = columns;
    return columns;
  }

  /** The titles of these rows, as the list shows them. */
  titles(rows: readonly number[]): Map<number, string> {
    if (rows.length === 0) return new Map();
    return new Map(
      this.sql<[string], [number, string]>(
        `SELECT rowid, title FROM facts WHERE rowid IN (SELECT value FROM json_each(?))`,
      )
        .raw()
        .all(JSON.stringify(rows)),
    );
  }

  /** The facts of these rows, as stored (JSON text; the caller checks them), in no particular order. */
  factsText(rows: readonly number[]): Array<[rowid: number, facts: string]> {
    if (rows.length === 0) return [];
    return this.sql<[string], [number, string]>(
      `SELECT rowid, facts FROM facts WHERE rowid IN (SELECT value FROM json_each(?))`,
    )
      .raw()
      .all(JSON.stringify(rows));
  }

  /**
   * The rowids matching an FTS5 query, in rowid order. SQLite joins them into one string, read back here: handing
   * 90,000 rows to JavaScript one by one costs twice what finding them does.
   */
  private matchRows(match: string): Int32Array {
    const joined = this.sql<[string], string | null>(`SELECT group_concat(rowid, ',') FROM docs WHERE docs MATCH ?`)
      .pluck()
      .get(match);
    return parseRowList(joined ?? '');
  }

  /**
   * Relevance of the matched papers that hold a term in their title, tags or people (the rest score the base).
   * Where each term sits is one byte per rowid (a bit per field): a common word's title postings run to tens of
   * thousands, and sets or per-paper closures would cost more than SQLite's part.
   */
  scores(q: Pick<SearchQuery, 'words' | 'phrases'>, rows: Int32Array): RowScores {
    const terms = [...q.words, ...q.phrases];
    if (terms.length === 0) return { rows: new Int32Array(0), scores: new Float64Array(0) };
    const size = this.maxRow + 1;
    const matched = new Uint8Array(size);
    for (const row of rows) matched[row] = 1;
    const candidates: number[] = [];
    const seen = new Uint8Array(size);
    const where = new Map<string, Uint8Array>();
    const look = (term: string, field: RankedField) => {
      const phrase = ftsPhrase(term);
      if (phrase === null) return;
      let bits = where.get(term);
      if (!bits) where.set(term, (bits = new Uint8Array(size)));
      const bit = FIELD_BIT[field];
      // all(), not iterate(): one call into SQLite instead of one per row.
      for (const row of this.sql<[string], number>(`SELECT rowid FROM heads WHERE heads MATCH ?`)
        .pluck()
        .all(`{${field}} : ${phrase}`)) {
        if (matched[row] !== 1) continue;
        bits[row] = (bits[row] ?? 0) | bit;
        if (seen[row] === 0) {
          seen[row] = 1;
          candidates.push(row);
        }
      }
    };
    for (const term of terms) for (const field of ['title', 'tags', 'people'] as const) look(term, field);
    const together = wordsTogether(q);
    if (together !== null) look(together, 'title');
    const score = relevanceScorer(q);
    let row = 0;
    const inField = (term: string, field: RankedField) => ((where.get(term)?.[row] ?? 0) & FIELD_BIT[field]) !== 0;
    const out = { rows: Int32Array.from(candidates), scores: new Float64Array(candidates.length) };
    candidates.forEach((candidate, i) => {
      row = candidate;
      out.scores[i] = score(inField);
    });
    return out;
  }

  private shardOfId(id: string): number | undefined {
    return this.sql<[string], number>(`SELECT shard FROM papers WHERE id = ?`).pluck().get(id);
  }

  private upsert(doc: IndexedDoc): void {
    const { title, people, tags } = doc.record;
    const rowid = this.sql<[string], number>(`SELECT rowid FROM papers WHERE id = ?`).pluck().get(doc.id);
    if (rowid === undefined) {
      const inserted = Number(
        this.sql(`INSERT INTO papers(id, shard) VALUES (?, ?)`).run(doc.id, doc.shard).lastInsertRowid,
      );
      this.sql(`INSERT INTO docs(rowid, title, people, tags, content) VALUES (?, ?, ?, ?, ?)`).run(
        inserted,
        title,
        people,
        tags,
        doc.content ?? '',
      );
      this.sql(`INSERT INTO heads(rowid, title, people, tags) VALUES (?, ?, ?, ?)`).run(inserted, title, people, tags);
      this.writeFacts(inserted, doc.facts);
      this.idMap?.set(inserted, doc.id);
      this.maxRow = Math.max(this.maxRow, inserted);
      return;
    }
    if (doc.content === undefined) {
      if (!this.recordTextDiffers(rowid, doc.record)) {
        this.writeFacts(rowid, doc.facts);
        return;
      }
      this.sql(`UPDATE docs SET title = ?, people = ?, tags = ? WHERE rowid = ?`).run(title, people, tags, rowid);
    } else
      this.sql(`UPDATE docs SET title = ?, people = ?, tags = ?, content = ? WHERE rowid = ?`).run(
        title,
        people,
        tags,
        doc.content,
        rowid,
      );
    this.sql(`UPDATE heads SET title = ?, people = ?, tags = ? WHERE rowid = ?`).run(title, people, tags, rowid);
    this.writeFacts(rowid, doc.facts);
  }

  /**
   * Whether the record's text differs from what the index holds for `rowid`. FTS5 rewrites every column of a row
   * it updates (the whole abstract's postings for a status change), so an edit that leaves the text as it was
   * writes only its facts.
   */
  private recordTextDiffers(rowid: number, record: RecordParts): boolean {
    const held = this.sql<[number], { title: string; people: string; tags: string }>(
      `SELECT title, people, tags FROM heads WHERE rowid = ?`,
    ).get(rowid);
    return !held || held.title !== record.title || held.people !== record.people || held.tags !== record.tags;
  }

  /** The paper's list facts, and the columns `columns` reads: status and Trash as flags, and the time added. */
  private writeFacts(rowid: number, facts: PaperFacts): void {
    const { row } = facts;
    const flags = ((STATUSES.indexOf(row.status) + 1) << 1) | (facts.trashed ? 1 : 0);
    this.sql(`UPDATE papers SET flags = ?, added = ? WHERE rowid = ?`).run(flags, addedKey(row.addedAt), rowid);
    this.sql(`INSERT OR REPLACE INTO facts(rowid, title, facts) VALUES (?, ?, ?)`).run(
      rowid,
      row.title,
      JSON.stringify(facts),
    );
  }

  private remove(id: string): void {
    const rowid = this.sql<[string], number>(`SELECT rowid FROM papers WHERE id = ?`).pluck().get(id);
    if (rowid === undefined) return;
    this.sql(`DELETE FROM docs WHERE rowid = ?`).run(rowid);
    this.sql(`DELETE FROM heads WHERE rowid = ?`).run(rowid);
    this.sql(`DELETE FROM facts WHERE rowid = ?`).run(rowid);
    this.sql(`DELETE FROM papers WHERE rowid = ?`).run(rowid);
    this.idMap?.delete(rowid);
  }
}
