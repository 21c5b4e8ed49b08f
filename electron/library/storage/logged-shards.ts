/**
 * A writable store's changes committed but not yet in their shard files: small ones in the edit log (see
 * edit-log.ts), a large one in the journal (journal-file.ts). Both are written into their shards later, at once.
 */
import path from 'node:path';
import { EditLog, type LoggedChanges } from './edit-log.js';
import { removeJournal, writeJournal } from './journal-file.js';
import { EDIT_LOG_FILE, type Journal } from './layout.js';
import { applyJournalInMemory, type LibraryShards } from './library-shards.js';
import { quarantine, type Notice } from './recovery.js';
import { turns } from './turns.js';

export class LoggedShards {
  private readonly log: EditLog;
  /** Shards holding logged changes their files do not have yet. */
  private readonly unwritten = { papers: new Set<number>(), contents: new Set<number>() };
  /** A journal is committed whose changes are not all in their shard files yet. */
  private journaled = false;

  constructor(
    private readonly dir: string,
    private readonly shards: LibraryShards,
  ) {
    this.log = new EditLog(dir);
  }

  /** Bytes logged since the last compaction. */
  get bytes(): number {
    return this.log.bytes;
  }

  /** Commit a change by appending it to the log, then make it in memory; its shards are written later. */
  async add(change: Journal): Promise<void> {
    await this.readTouched(change);
    await this.log.append(change);
    this.markUnwritten(await applyJournalInMemory(this.shards, change));
  }

  /**
   * Commit a large change by writing the journal, then make it in memory; its shards are written at the next
   * compaction, like the log's. Only when nothing is pending: the journal is replayed before the log at open, so
   * the log must hold only later changes.
   */
  async addJournaled(change: Journal): Promise<void> {
    if (this.pending) throw new Error('a journal is written only once the pending changes are in their shards');
    await this.readTouched(change);
    await writeJournal(this.dir, change);
    this.journaled = true;
    this.markUnwritten(await applyJournalInMemory(this.shards, change));
  }

  /** Whether changes are committed that their shard files do not have yet. */
  get pending(): boolean {
    return this.journaled || this.log.pending;
  }

  /**
   * Compaction: every shard with pending changes written (the folders synced once each), then the journal and the
   * log removed, in that order: a log replayed over shards that already hold it changes nothing, while a journal
   * replayed after the log was gone would undo the log's changes.
   */
  async writeAll(): Promise<void> {
    if (!this.pending) return;
    await this.shards.papers.saveAllJournaled(this.unwritten.papers);
    this.unwritten.papers.clear();
    await this.shards.contents.saveAllJournaled(this.unwritten.contents);
    this.unwritten.contents.clear();
    if (this.journaled) await removeJournal(this.dir);
    this.journaled = false;
    if (this.log.pending) await this.log.remove();
  }

  /** Every shard a change touches, read before it is committed: making it in memory then cannot fail halfway. */
  private async readTouched(change: Journal): Promise<void> {
    const { papers, contents } = this.shards;
    const paperShards = new Set([...Object.keys(change.papers), ...change.deleted].map((id) => papers.indexOf(id)));
    const contentShards = new Set(
      [...Object.keys(change.contents), ...change.deleted].map((id) => contents.indexOf(id)),
    );
    // Blocking reads (see ShardSet.loadAll), in turns: an import may touch every shard, ~150 KB each at 100k.
    const work = turns();
    for (const shard of paperShards) {
      await papers.load(shard, true);
      if (work.due()) await work.turn();
    }
    for (const shard of contentShards) {
      await contents.load(shard, true);
      if (work.due()) await work.turn();
    }
  }

  private markUnwritten(touched: { papers: Set<number>; contents: Set<number> }): void {
    for (const shard of touched.papers) this.unwritten.papers.add(shard);
    for (const shard of touched.contents) this.unwritten.contents.add(shard);
  }

  /**
   * Write the changes a log left (the process stopped before compaction) into their shards, then drop it; a log
   * with a damaged line is kept in `quarantine/`, and the notice says so.
   */
  async replay(logged: LoggedChanges, now: () => Date): Promise<Notice | null> {
    const touched = { papers: new Set<number>(), contents: new Set<number>() };
    for (const change of logged.changes) {
      const one = await applyJournalInMemory(this.shards, change);
      for (const shard of one.papers) touched.papers.add(shard);
      for (const shard of one.contents) touched.contents.add(shard);
    }
    await this.shards.papers.saveAllJournaled(touched.papers);
    await this.shards.contents.saveAllJournaled(touched.contents);
    let notice: Notice | null = null;
    if (logged.problem) {
      const file = path.join(this.dir, EDIT_LOG_FILE);
      const kept = await quarantine(this.dir, file, now);
      notice = {
        level: 'warning',
        message: `${file}: ${logged.problem}. The edits before it were kept; the log was kept at ${kept}, and the edits from that line on are missing until it is repaired.`,
      };
    }
    await this.log.remove();
    return notice;
  }

  /** Let go of the log file (what is in it stays, replayed at the next open). */
  close(): Promise<void> {
    return this.log.close();
  }
}
