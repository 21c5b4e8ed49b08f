/**
 * Sync in the app: `margin sync`'s git sync run on the open library. Every other write waits meanwhile (the store
 * is held, so no edit lands between git's commit and the merge's write), then whatever came in is read afresh and
 * announced like any edit, so search, the list and the window refresh.
 */
import type { LibraryContext } from '../context/library-context.js';
import type { ChangeSet } from '../storage/library-store.js';
import { changedPapers } from './git/changed-papers.js';
import { syncWithGit, type GitSyncOptions, type GitSyncOutcome } from './git/git-sync.js';
import { readRemote, setRemote } from './git/sync-remote.js';

/** What one sync did, paper by paper. */
export interface LibrarySyncResult {
  readonly outcome: GitSyncOutcome;
  /** Papers the remote did not have as they are now (this machine's changes it received). */
  readonly sent: readonly string[];
  /** Papers changed here by what came from the remote. */
  readonly received: readonly string[];
}

export class LibrarySync {
  constructor(private readonly ctx: LibraryContext) {}

  /** The remote this library syncs with, or null when none is set yet. */
  remote(): Promise<string | null> {
    return readRemote(this.ctx.store.dir);
  }

  /** Sync with `url` from now on (the library folder becomes a repository if it is none yet). */
  async setRemote(url: string): Promise<void> {
    await this.ctx.store.exclusive(() => setRemote(this.ctx.store.dir, url));
  }

  /** Commit, fetch, merge and push; throws a LibraryError saying what went wrong (no remote, git missing, a push refused). */
  async run(options: Omit<GitSyncOptions, 'remote'> = {}): Promise<LibrarySyncResult> {
    const { store } = this.ctx;
    const outcome = await store.exclusive(async (writer) => {
      const held = {
        dir: store.dir,
        readOnly: store.readOnly,
        snapshot: async (reason: string) => store.finishBackup(await writer.stageBackup(reason)),
        commit: (changes: ChangeSet) => writer.commit(changes),
      };
      try {
        return await syncWithGit(held, options);
      } finally {
        // A fast-forward (or a sync stopped halfway) changed files behind the store: read them again.
        writer.forgetReads();
      }
    });
    const received = await changedPapers(store.dir, outcome.localBefore, outcome.head);
    const pushed = outcome.result === 'pushed' || outcome.result === 'merged';
    const sent = pushed ? await changedPapers(store.dir, outcome.remoteBefore, outcome.head) : [];
    if (received.length > 0) {
      this.ctx.forgetDistinctPairs();
      this.ctx.changed(received);
    }
    return { outcome, sent, received };
  }
}
