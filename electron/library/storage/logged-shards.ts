/** A writable store's edit log (see edit-log.ts) and the shards holding logged changes their files lack yet. */
import path from 'node:path';
import { EditLog, type LoggedChanges } from './edit-log.js';
import { EDIT_LOG_FILE, type Journal } from './layout.js';
import { applyJournalInMemory, type LibraryShards } from './library-shards.js';
import { quarantine, type Notice } from './recovery.js';

export class LoggedShards {
  private readonly log: EditLog;
  /** Shards holding logged changes their files do not have yet. */
  private readonly unwritten = { papers: new Set<number>(), contents: new Set<number>() };

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
    // Every shard it touches is read first: once the line is in the log, making it in memory must not fail halfway.
    for (const id of [...Object.keys(change.papers), ...change.deleted]) await this.shards.papers.loadFor(id);
    for (const id of [...Object.keys(change.contents), ...change.deleted]) await this.shards.contents.loadFor(id);
    await this.log.append(change);
    const touched = await applyJournalInMemory(this.shards, change);
    for (const shard of touched.papers) this.unwritten.papers.add(shard);
    for (const shard of touched.contents) this.unwritten.contents.add(shard);
  }

  /** Compaction: every shard with logged changes written (the folders synced once each), then the log removed. */
  async writeAll(): Promise<void> {
    if (!this.log.pending) return;
    await this.shards.papers.saveAllJournaled(this.unwritten.papers);
    this.unwritten.papers.clear();
    await this.shards.contents.saveAllJournaled(this.unwritten.contents);
    this.unwritten.contents.clear();
    await this.log.remove();
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
