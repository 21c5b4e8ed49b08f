import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ftsPhrase, ftsPlan } from './fts-match.js';
import type { SearchQuery } from '../query.js';
import type { RecordParts } from '../search-corpus.js';
import { relevance, wordsTogether, type RankedField } from '../relevance.js';

/** Where the index lives, inside the library folder: a cache, left out of backups and of git. */
export const INDEX_DIR = '.search-index';
export const INDEX_FILE = 'search.sqlite';
/** Bump when the tables or the tokenizer change: an index of another version is rebuilt. */
const SCHEMA_VERSION = '1';
const TOKENIZE = `tokenize = 'unicode61 remove_diacritics 2'`;

/** What a search found: ids, and the relevance of those with a term in their record's fields. */
export interface IndexHits {
  readonly ids: string[];
  readonly scores: Array<[id: string, score: number]>;
}

/** One paper's searchable text as the index keeps it (folded): the record's fields, and the content part. */
export interface IndexedDoc {
  readonly id: string;
  readonly shard: number;
  readonly record: RecordParts;
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
export class FtsIndex {
  /** Prepared once: preparing costs more than running most of these. */
  private readonly statements = new Map<string, Database.Statement>();

  /** rowid → paper id, for every paper: answers are rowids, and a lookup here beats a join. */
  private readonly idOf = new Map<number, string>();
  private maxRow = 0;

  private constructor(private readonly db: Database.Database) {
    for (const row of db.prepare<[], { rowid: number; id: string }>(`SELECT rowid, id FROM papers`).iterate()) {
      this.idOf.set(row.rowid, row.id);
      if (row.rowid > this.maxRow) this.maxRow = row.rowid;
    }
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
      db.exec(`
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS papers(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, shard INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS papers_by_shard ON papers(shard);
        CREATE TABLE IF NOT EXISTS shards(shard INTEGER PRIMARY KEY, papers TEXT, contents TEXT);
        CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(title, people, tags, content, ${TOKENIZE}, prefix = '1 2 3');
        CREATE VIRTUAL TABLE IF NOT EXISTS heads USING fts5(title, people, tags, ${TOKENIZE}, prefix = '1 2 3');
      `);
      const version = db.prepare<[], string>(`SELECT value FROM meta WHERE key = 'schema'`).pluck().get();
      if (version === undefined) db.prepare(`INSERT INTO meta(key, value) VALUES ('schema', ?)`).run(SCHEMA_VERSION);
      else if (version !== SCHEMA_VERSION) throw new Error(`search index schema ${version}`);
      // Reading every table proves the file is whole enough to use (a damaged one throws here).
      db.prepare(`SELECT count(*) FROM papers`).get();
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
      this.db.exec(`DELETE FROM docs; DELETE FROM heads; DELETE FROM papers; DELETE FROM shards;`);
      this.idOf.clear();
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
    return this.idOf.size;
  }

  /** The largest rowid given so far (rows are never renumbered; a new paper gets a larger one). */
  get maxRowId(): number {
    return this.maxRow;
  }

  /** Apply edits in one transaction; each marks its shard to be checked against its files again. */
  apply(docs: readonly IndexedDoc[], removed: readonly string[]): void {
    this.db.transaction(() => {
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
    this.db.transaction(() => {
      const held = new Map(
        this.sql<[number], { id: string; title: string; people: string; tags: string; content: string }>(
          `SELECT p.id, d.title, d.people, d.tags, d.content FROM papers p JOIN docs d ON d.rowid = p.rowid WHERE p.shard = ?`,
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
          (doc.content === undefined || old.content === doc.content)
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
    })();
  }

  /** The papers whose text matches the query's words, phrases and exclusions, and how well. */
  search(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): IndexHits {
    const { rows, scores } = this.searchRows(q);
    const ids: string[] = [];
    for (const row of rows) {
      const id = this.idOf.get(row);
      if (id !== undefined) ids.push(id);
    }
    const scored: Array<[string, number]> = [];
    for (const [row, score] of scores) {
      const id = this.idOf.get(row);
      if (id !== undefined) scored.push([id, score]);
    }
    return { ids, scores: scored };
  }

  /** The same as `search`, by rowid: the engine maps rows to the ordinals the main process numbers papers by. */
  searchRows(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): {
    rows: number[];
    scores: Array<[row: number, score: number]>;
  } {
    const rows = this.matchingRows(q);
    return { rows, scores: this.scores(q, rows) };
  }

  /** The rowid of each paper, for the engine's ordinal map. */
  rows(): IterableIterator<[number, string]> {
    return this.idOf.entries();
  }

  private matchingRows(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): number[] {
    const plan = ftsPlan(q);
    switch (plan.kind) {
      case 'all':
        return [...this.idOf.keys()];
      case 'match':
        return this.sql<[string], number>(`SELECT rowid FROM docs WHERE docs MATCH ?`).pluck().all(plan.match);
      case 'allBut': {
        const out = new Set(
          this.sql<[string], number>(`SELECT rowid FROM docs WHERE docs MATCH ?`).pluck().all(plan.match),
        );
        return [...this.idOf.keys()].filter((row) => !out.has(row));
      }
    }
  }

  /** Relevance of the matched papers that hold a term in their title, tags or people (the rest score the base). */
  private scores(q: Pick<SearchQuery, 'words' | 'phrases'>, rows: readonly number[]): Array<[number, number]> {
    const terms = [...q.words, ...q.phrases];
    if (terms.length === 0) return [];
    // Masks over rowids (typed arrays, not sets: a common word's title postings run to tens of thousands).
    const size = this.maxRow + 1;
    const matched = new Uint8Array(size);
    for (const row of rows) matched[row] = 1;
    const candidates: number[] = [];
    const seen = new Uint8Array(size);
    const where = new Map<string, Partial<Record<RankedField, Uint8Array>>>();
    const look = (term: string, field: RankedField) => {
      const phrase = ftsPhrase(term);
      const mask = new Uint8Array(size);
      // all(), not iterate(): one call into SQLite instead of one per row.
      const found =
        phrase === null
          ? []
          : this.sql<[string], number>(`SELECT rowid FROM heads WHERE heads MATCH ?`)
              .pluck()
              .all(`{${field}} : ${phrase}`);
      for (const row of found) {
        if (matched[row] !== 1) continue;
        mask[row] = 1;
        if (seen[row] === 0) {
          seen[row] = 1;
          candidates.push(row);
        }
      }
      where.set(term, { ...where.get(term), [field]: mask });
    };
    for (const term of terms) for (const field of ['title', 'tags', 'people'] as const) look(term, field);
    const together = wordsTogether(q);
    if (together !== null) look(together, 'title');
    return candidates.map((row) => [row, relevance(q, (term, field) => where.get(term)?.[field]?.[row] === 1)]);
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
      this.idOf.set(inserted, doc.id);
      this.maxRow = Math.max(this.maxRow, inserted);
      return;
    }
    if (doc.content === undefined)
      this.sql(`UPDATE docs SET title = ?, people = ?, tags = ? WHERE rowid = ?`).run(title, people, tags, rowid);
    else
      this.sql(`UPDATE docs SET title = ?, people = ?, tags = ?, content = ? WHERE rowid = ?`).run(
        title,
        people,
        tags,
        doc.content,
        rowid,
      );
    this.sql(`UPDATE heads SET title = ?, people = ?, tags = ? WHERE rowid = ?`).run(title, people, tags, rowid);
  }

  private remove(id: string): void {
    const rowid = this.sql<[string], number>(`SELECT rowid FROM papers WHERE id = ?`).pluck().get(id);
    if (rowid === undefined) return;
    this.sql(`DELETE FROM docs WHERE rowid = ?`).run(rowid);
    this.sql(`DELETE FROM heads WHERE rowid = ?`).run(rowid);
    this.sql(`DELETE FROM papers WHERE rowid = ?`).run(rowid);
    this.idOf.delete(rowid);
  }
}
