/**
 * Sync in the app: `margin sync`'s git sync run on the open library. Every other write waits meanwhile (the store
 * is held, so no edit lands between git's commit and the merge's write), then whatever came in is read afresh and
 * announced like any edit, so search, the list and the window refresh.
 */
import type { Library } from '../../library.js';
import { fetchMissingPdfs, type PdfsAfterSync } from '../pdfs-after-sync.js';
import { changedPapers } from './changed-papers.js';
import { syncWithGit, type GitSyncOptions, type GitSyncOutcome } from './git-sync.js';
import { readRemote, setRemote } from './sync-remote.js';

/** What one sync did, paper by paper. */
export interface LibrarySyncResult {
  readonly outcome: GitSyncOutcome;
  /** Papers the remote did not have as they are now (this machine's changes it received). */
  readonly sent: readonly string[];
  /** Papers changed here by what came from the remote. */
  readonly received: readonly string[];
  /** The received papers' PDFs this machine lacked (PDFs never come through git): filled, queued, still missing. */
  readonly pdfs: PdfsAfterSync;
}

/** The remote this library syncs with, or null when none is set yet. */
export function syncRemote(library: Library): Promise<string | null> {
  return readRemote(library.dir);
}

/** Sync with `url` from now on (the library folder becomes a repository if it is none yet). */
export async function setSyncRemote(library: Library, url: string): Promise<void> {
  await library.whileHeld(() => setRemote(library.dir, url));
}

/** Commit, fetch, merge and push; throws a LibraryError saying what went wrong (no remote, git missing, a push refused). */
export async function syncLibrary(
  library: Library,
  options: Omit<GitSyncOptions, 'remote'> = {},
): Promise<LibrarySyncResult> {
  const outcome = await library.whileHeld((held) => syncWithGit(held, options));
  const received = await changedPapers(library.dir, outcome.localBefore, outcome.head);
  const pushed = outcome.result === 'pushed' || outcome.result === 'merged';
  // A first push sends every paper: listed from the records in memory, not by reading every shard back from git.
  const sent = !pushed
    ? []
    : outcome.remoteBefore === null
      ? (await library.papers.records()).map((r) => r.id).sort()
      : await changedPapers(library.dir, outcome.remoteBefore, outcome.head);
  if (received.length > 0) library.changedBehind(received);
  const pdfs = await fetchMissingPdfs(library.attachments, library.downloads, received);
  return { outcome, sent, received, pdfs };
}
