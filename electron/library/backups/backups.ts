import type { LibraryContext } from '../context/library-context.js';
import type { StagedSnapshot } from '../storage/snapshots.js';
import { listSnapshots, type SnapshotInfo } from '../storage/snapshots.js';

const HOUR_MS = 60 * 60 * 1000;
/**
 * The hourly backup starts once edits have paused this long: it reads the whole library back (~1 s of the main
 * process at 100,000 papers), and edits made meanwhile waited behind it (their p95 at 100k: ~7.5 ms, ~6 without).
 */
const PAUSE_MS = 2000;

/** Whole-library backups: on demand, before bulk changes, and at most hourly while the user edits. */
export class Backups {
  private lastBackupAt: number | null = null;
  /** The hourly backup runs after an edit returns, once edits pause (see PAUSE_MS), never inside one. */
  private pending: Promise<unknown> | null = null;
  private waiting: NodeJS.Timeout | null = null;
  /** Backups staged inside a write and still being verified (see finishLater). */
  private finishing: Promise<unknown> = Promise.resolve();

  constructor(private readonly ctx: LibraryContext) {
    ctx.onChange(() => this.afterEdit());
  }

  /** Newest first (an import's backup still being verified included, once it is). */
  async list(): Promise<SnapshotInfo[]> {
    await this.finishing;
    return listSnapshots(this.ctx.store.dir);
  }

  async take(reason: string): Promise<SnapshotInfo> {
    const info = await this.ctx.store.snapshot(reason);
    this.lastBackupAt = this.ctx.deps.now().getTime();
    return info;
  }

  /** Publish a backup staged inside a write (an import's), once the write has landed. */
  async finish(staged: StagedSnapshot): Promise<void> {
    await this.ctx.store.finishBackup(staged);
    this.lastBackupAt = this.ctx.deps.now().getTime();
  }

  /**
   * `finish`, in the background: verifying reads every file of the backup (~1 s at 40,000 papers), and the write
   * it was staged for is done without it. A failure is a notice; `settle` (and so closing) waits for it.
   */
  finishLater(staged: StagedSnapshot): void {
    const finishing = this.finish(staged).catch((error: unknown) =>
      this.ctx.store.notices.push({
        level: 'warning',
        message: `The backup taken before the import failed: ${error instanceof Error ? error.message : String(error)}`,
      }),
    );
    this.finishing = Promise.all([this.finishing, finishing]);
  }

  /** Restore a backup (the current state is backed up first), then tell listeners everything changed. */
  async restore(name: string): Promise<SnapshotInfo> {
    await this.finishing;
    const info = await this.ctx.store.restore(name);
    this.ctx.forgetDistinctPairs();
    this.ctx.changed((await this.ctx.store.allRecords()).map((r) => r.id));
    return info;
  }

  /** Wait for a backup in progress, and start one still waiting for edits to pause (before closing). */
  async settle(): Promise<void> {
    if (this.waiting) this.start();
    await this.pending;
    await this.finishing;
  }

  private afterEdit(): void {
    if (this.pending) return;
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = setTimeout(() => this.start(), PAUSE_MS);
    this.waiting.unref();
  }

  private start(): void {
    if (this.waiting) clearTimeout(this.waiting);
    this.waiting = null;
    this.pending ??= this.hourly()
      .catch((error: unknown) =>
        this.ctx.store.notices.push({
          level: 'warning',
          message: `The hourly backup failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .finally(() => {
        this.pending = null;
      });
  }

  private async hourly(): Promise<void> {
    const now = this.ctx.deps.now().getTime();
    if (this.lastBackupAt === null) {
      const newest = (await this.list())[0];
      this.lastBackupAt = newest ? Date.parse(newest.createdAt) : 0;
    }
    if (now - this.lastBackupAt >= HOUR_MS && !this.ctx.store.readOnly) await this.take('hourly');
  }
}
