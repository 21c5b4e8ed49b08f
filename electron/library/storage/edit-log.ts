/**
 * The edit log: a small change (one paper's record, a note, a highlight) is appended to `edits.log` as one line
 * of JSON and fsynced, instead of rewriting the shards it touches. A shard rewrite costs the shard's size
 * (~60 KB at 100,000 papers in 1,024 shards, ~1 KB at 1,000), so an edit cost more the larger the library; an
 * append costs the change's size. The store writes logged changes into their shards later, when edits pause
 * (compaction), and then removes the log; a log a crash left behind is replayed at the next open.
 */
import { readFileSync } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { firstIssue } from '../../../shared/validation.js';
import { nodeDurableFs, syncFolder } from './durable-write.js';
import { EDIT_LOG_FILE, JournalSchema, shardOf, type Journal } from './layout.js';
import { readJournalSync } from './journal-file.js';
import { readIfExistsSync } from './read-if-exists.js';

/** The log of one library open for writing; appends are made one at a time (the store's write queue). */
export class EditLog {
  private handle: FileHandle | null = null;
  /** Bytes of whole, acknowledged lines: an append that failed halfway is cut back to this before the next. */
  private length = 0;
  private torn = false;

  constructor(private readonly dir: string) {}

  get file(): string {
    return path.join(this.dir, EDIT_LOG_FILE);
  }

  /** Whether there is a log file to compact away (it may hold an append that failed halfway). */
  get pending(): boolean {
    return this.handle !== null || this.length > 0;
  }

  /** Bytes logged since the last compaction. */
  get bytes(): number {
    return this.length;
  }

  /** Append one change; it is durable (committed) once this resolves. */
  async append(change: Journal): Promise<void> {
    const line = Buffer.from(`${JSON.stringify(change)}\n`, 'utf8');
    if (!this.handle) {
      const handle = await open(this.file, 'a');
      try {
        // The file's name is durable only once its folder is synced (once per log, not per edit).
        await syncFolder(nodeDurableFs, this.dir);
        this.length = (await handle.stat()).size;
      } catch (error) {
        await handle.close();
        throw error;
      }
      this.handle = handle;
    }
    const handle = this.handle;
    if (this.torn) {
      await handle.truncate(this.length);
      this.torn = false;
    }
    try {
      for (let written = 0; written < line.length;) written += (await handle.write(line, written)).bytesWritten;
      await handle.datasync();
    } catch (error) {
      this.torn = true;
      throw error;
    }
    this.length += line.length;
  }

  /**
   * Remove the log once every change in it is in its shard, durably: a log that came back after a crash would be
   * replayed over later writes and undo them.
   */
  async remove(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
    await rm(this.file, { force: true });
    await syncFolder(nodeDurableFs, this.dir);
    this.length = 0;
    this.torn = false;
  }

  /** Let go of the file (the changes stay in it, replayed at the next open). */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }
}

/** A log's changes in the order they were made, and what stopped the reading early (null: read to the end). */
export interface LoggedChanges {
  readonly changes: Journal[];
  readonly problem: string | null;
}

/**
 * Parse a log. An unfinished last line was being appended when the process stopped (never acknowledged) and is
 * left out quietly; a bad whole line stops the reading there, and `problem` says which line and what is wrong.
 */
export function parseEditLog(text: string): LoggedChanges {
  const lines = text.split('\n');
  // After the last newline: '' when the log ends with a whole line, else the unfinished append.
  lines.pop();
  const changes: Journal[] = [];
  for (const [at, line] of lines.entries()) {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      return { changes, problem: `line ${at + 1} is not valid JSON (${String(error)})` };
    }
    const parsed = JournalSchema.safeParse(json);
    if (!parsed.success) {
      const { where, message } = firstIssue(parsed.error);
      return { changes, problem: `line ${at + 1} has unexpected content at field ${where}: ${message}` };
    }
    changes.push(parsed.data);
  }
  return { changes, problem: null };
}

/** The library's log, or null when there is none. */
export async function readEditLog(dir: string): Promise<LoggedChanges | null> {
  const text = readIfExistsSync(path.join(dir, EDIT_LOG_FILE));
  return text === null ? null : parseEditLog(text);
}

/** What the log says of one shard's papers, newest last: a record or content, or null once deleted. */
export interface ShardEdits {
  readonly records: Map<string, PaperRecord | null>;
  readonly contents: Map<string, PaperContent | null>;
}

/**
 * The changes committed but maybe not in their shard files yet, by shard: a large change's journal, then the log's.
 * For a reader of shard files (the search worker) that must see what the store sees: the files with these on top.
 * Read at once; a journal or log that cannot be read gives no edits (the store reports it).
 */
export function pendingEditsByShard(dir: string, shardCount: number): Map<number, ShardEdits> {
  let journal: Journal | null = null;
  try {
    journal = readJournalSync(dir);
  } catch {
    // Unreadable: the store reports it.
  }
  let text = '';
  try {
    text = readFileSync(path.join(dir, EDIT_LOG_FILE), 'utf8');
  } catch {
    // None (or unreadable).
  }
  if (journal === null && text === '') return new Map();
  const byShard = new Map<number, ShardEdits>();
  const of = (id: string): ShardEdits => {
    const shard = shardOf(id, shardCount);
    let edits = byShard.get(shard);
    if (!edits) byShard.set(shard, (edits = { records: new Map(), contents: new Map() }));
    return edits;
  };
  for (const change of [...(journal ? [journal] : []), ...parseEditLog(text).changes]) {
    for (const [id, record] of Object.entries(change.papers)) of(id).records.set(id, record);
    for (const [id, content] of Object.entries(change.contents)) of(id).contents.set(id, content);
    for (const id of change.deleted) {
      of(id).records.set(id, null);
      of(id).contents.set(id, null);
    }
  }
  return byShard;
}
