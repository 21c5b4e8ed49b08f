/**
 * `margin sync`: the library folder as a git repository, synced with one remote. Local changes are
 * committed, the remote's fetched, and two histories that diverged are merged by mergeLibraries (paper by
 * paper, field by field), never by git's line merge; then pushed, again if another machine pushed first.
 */
import { hostname } from 'node:os';
import path from 'node:path';
import type { PaperContent } from '../../../../shared/models/paper.js';
import { LibraryError } from '../../storage/errors.js';
import { CURRENT_VERSION } from '../../storage/layout.js';
import type { HeldStore } from '../../storage/library-store.js';
import { writeGitignore } from '../gitignore.js';
import { EMPTY_LIBRARY, type LibraryState } from '../library-state.js';
import { mergeLibraries } from '../merge-libraries.js';
import { same } from '../merge-values.js';
import { SIDE_KEYS, writeSideFile } from '../side-files.js';
import type { LibraryMergeReport } from '../sync-report.js';
import { git, gitSucceeds, runGit } from './git-command.js';
import { libraryAtCommit } from './library-at-commit.js';
import { missingHere, untrackPdfs } from './untracked-pdfs.js';

export interface GitSyncOptions {
  /** The remote's URL; without it, the remote set up before. */
  readonly remote?: string;
  readonly branch?: string;
  /** How many times to merge and push again when another machine pushed in between. */
  readonly attempts?: number;
  /** Called before each push (tests make another machine push first here). */
  readonly beforePush?: (attempt: number) => Promise<void>;
}

/** What a sync needs of the library: its folder, a backup before sweeping changes, and atomic writes (a LibraryStore is one). */
export type SyncedLibrary = HeldStore;

export interface GitSyncOutcome {
  /** `pushed`: the remote had nothing new; `fast-forwarded`: this machine had nothing new; `merged`: both did. */
  readonly result: 'up-to-date' | 'pushed' | 'fast-forwarded' | 'merged';
  /** Pushes refused because another machine pushed first, each followed by a new merge. */
  readonly retries: number;
  readonly committedLocal: boolean;
  /** What the merges settled (one per merge made). */
  readonly merges: readonly LibraryMergeReport[];
  /**
   * The library's files changed under the store (a fast-forward): whoever holds the store must open the
   * library again before reading it.
   */
  readonly reopen: boolean;
  /** This machine's commit once its changes were committed, before anything came in (null: an empty repository). */
  readonly localBefore: string | null;
  /** The remote's commit as last fetched (null: the remote had none). */
  readonly remoteBefore: string | null;
  /** The commit the library is at now. */
  readonly head: string | null;
}

/** The one remote a library syncs with (`margin sync --remote` and Settings set it). */
export const REMOTE = 'origin';

/** Sync the library of `store` (open for writing: its lock keeps every other writer out meanwhile). */
export async function syncWithGit(store: SyncedLibrary, options: GitSyncOptions = {}): Promise<GitSyncOutcome> {
  if (store.readOnly) throw new LibraryError('read-only', `${store.dir} is open read-only; it was not synced.`);
  const dir = store.dir;
  const branch = options.branch ?? 'main';
  await prepareRepository(dir, branch, options.remote);
  await forgetInterruptedMerge(dir);
  const committedLocal = await commitAll(dir, `Margin on ${hostname()}`);
  const localBefore = await revision(dir, 'HEAD');
  const merges: LibraryMergeReport[] = [];
  const attempts = options.attempts ?? 5;
  for (let attempt = 0; attempt < attempts; attempt++) {
    await git(dir, ['fetch', '--quiet', REMOTE]);
    const theirs = await revision(dir, `refs/remotes/${REMOTE}/${branch}`);
    const ours = await revision(dir, 'HEAD');
    const outcome = async (result: GitSyncOutcome['result'], reopen = false): Promise<GitSyncOutcome> => ({
      result,
      retries: attempt,
      committedLocal,
      merges,
      reopen,
      localBefore,
      remoteBefore: theirs,
      head: await revision(dir, 'HEAD'),
    });
    if (theirs !== null && ours === theirs) return outcome('up-to-date');
    if (theirs !== null && ours !== null && (await isAncestor(dir, ours, theirs))) {
      // A backup first, as before any sweeping change (backups never sync: this machine's state as it was).
      await store.snapshot('before-sync');
      await git(dir, ['merge', '--quiet', '--ff-only', theirs]);
      return outcome('fast-forwarded', true);
    }
    const merged = theirs !== null && !(ours !== null && (await isAncestor(dir, theirs, ours)));
    if (merged) merges.push(await mergeRemote(store, theirs));
    await options.beforePush?.(attempt);
    // To an empty remote every shard goes at once: git's search for deltas between thousands of shards holding
    // different papers cost most of a first sync (11 of 18 s at 20,000 papers) and saves little; later pushes
    // keep it (a changed shard is sent as a delta against the version the remote has).
    const firstPush = theirs === null ? ['-c', 'pack.window=0'] : [];
    const push = await runGit(dir, [...firstPush, 'push', '--quiet', REMOTE, `HEAD:refs/heads/${branch}`]);
    if (push.code === 0) return outcome(merged ? 'merged' : 'pushed');
    if (!/\b(rejected|fetch first|non-fast-forward)\b/.test(push.stderr))
      throw new LibraryError('io', `git push to ${REMOTE} failed: ${push.stderr.trim()}`);
    // Another machine pushed first: fetch its commit and merge again.
  }
  throw new LibraryError(
    'conflict',
    `${dir}: other machines kept pushing to ${REMOTE} first (${attempts} tries); nothing was lost, sync again.`,
  );
}

/** A repository in the library folder, its `.gitignore`, and the remote (set, or changed to the one given). */
export async function prepareRepository(dir: string, branch: string, remote: string | undefined): Promise<void> {
  if (!(await gitSucceeds(dir, ['rev-parse', '--is-inside-work-tree'])) || !(await isTopLevel(dir)))
    await git(dir, ['init', '--quiet', '--initial-branch', branch]);
  await writeGitignore(dir);
  const current = await runGit(dir, ['remote', 'get-url', REMOTE]);
  if (remote !== undefined && current.code !== 0) await git(dir, ['remote', 'add', REMOTE, remote]);
  else if (remote !== undefined && current.stdout.toString('utf8').trim() !== remote)
    await git(dir, ['remote', 'set-url', REMOTE, remote]);
  else if (current.code !== 0)
    throw new LibraryError('invalid-request', `${dir} has no remote to sync with yet: give one (--remote URL)`);
}

/**
 * A sync that stopped halfway through a merge (killed, a disk error) left git merging. Its files are kept as
 * they are and committed as this machine's changes; the next merge with the remote brings in the rest. (Letting
 * git abort the merge would reset files, and with them any edit made since.)
 */
async function forgetInterruptedMerge(dir: string): Promise<void> {
  if (await gitSucceeds(dir, ['rev-parse', '--quiet', '--verify', 'MERGE_HEAD'])) await git(dir, ['merge', '--quit']);
}

/** The library folder itself is the repository's top (not a folder inside another repository). */
export async function isTopLevel(dir: string): Promise<boolean> {
  const top = (await git(dir, ['rev-parse', '--show-toplevel'])).trim();
  return path.resolve(top) === path.resolve(dir);
}

/** Commit everything that syncs; returns whether there was anything. */
async function commitAll(dir: string, message: string): Promise<boolean> {
  await untrackPdfs(dir);
  await git(dir, ['add', '--all']);
  if ((await git(dir, ['status', '--porcelain'])).trim() === '') return false;
  await git(dir, [...(await identity(dir)), 'commit', '--quiet', '--no-verify', '-m', message]);
  return true;
}

/** A name for Margin's commits where the user set none (git refuses to commit without one). */
async function identity(dir: string): Promise<string[]> {
  if (await gitSucceeds(dir, ['config', 'user.email'])) return [];
  return ['-c', 'user.name=Margin', '-c', `user.email=margin@${hostname()}`];
}

async function revision(dir: string, ref: string): Promise<string | null> {
  const result = await runGit(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
}

async function isAncestor(dir: string, ancestor: string, of: string): Promise<boolean> {
  return gitSucceeds(dir, ['merge-base', '--is-ancestor', ancestor, of]);
}

/**
 * Merge the remote's commit into HEAD: git records the merge (keeping this tree), the library merge writes
 * the merged papers through the store (atomically, by its journal), the remote's PDFs come along, and the
 * result is committed with both parents.
 */
async function mergeRemote(store: SyncedLibrary, theirs: string): Promise<LibraryMergeReport> {
  const dir = store.dir;
  const base = (await git(dir, ['merge-base', 'HEAD', theirs]).catch(() => '')).trim();
  const [ancestor, ours, other] = await Promise.all([
    base === '' ? null : libraryAtCommit(dir, base),
    libraryAtCommit(dir, 'HEAD'),
    libraryAtCommit(dir, theirs),
  ]);
  if (other.manifest !== null && other.manifest.version > CURRENT_VERSION)
    throw new LibraryError(
      'conflict',
      `the remote's library was written by a newer Margin (version ${other.manifest.version}); update Margin, then sync`,
    );
  if (ours.manifest !== null && other.manifest !== null && ours.manifest.shardCount !== other.manifest.shardCount)
    throw new LibraryError(
      'conflict',
      `the remote's library has ${other.manifest.shardCount} shards and this one ${ours.manifest.shardCount}; they cannot be merged`,
    );
  const merged = mergeLibraries(ancestor?.state ?? EMPTY_LIBRARY, ours.state, other.state);
  await git(dir, [
    'merge',
    '--quiet',
    '--no-commit',
    '--no-ff',
    '--strategy=ours',
    ...(base === '' ? ['--allow-unrelated-histories'] : []),
    theirs,
  ]);
  await store.snapshot('before-sync');
  await writeMerged(store, ours.state, merged.library);
  // A remote an older Margin pushed PDFs to: the ones missing here are taken onto disk, then left out of git.
  const pdfs = await missingHere(
    dir,
    [...other.attachments].filter((file) => !ours.attachments.has(file)),
  );
  // Named on stdin: thousands of PDFs would not fit on a command line.
  if (pdfs.length > 0)
    await git(dir, ['checkout', theirs, '--pathspec-from-file=-', '--pathspec-file-nul'], pdfs.join('\0'));
  await untrackPdfs(dir);
  await git(dir, ['add', '--all']);
  await git(dir, [
    ...(await identity(dir)),
    'commit',
    '--quiet',
    '--no-verify',
    '-m',
    `Margin: merged ${theirs.slice(0, 12)} on ${hostname()}`,
  ]);
  return merged.report;
}

/** Write what the merge changed of `ours` (the library as the store has it now). */
async function writeMerged(store: SyncedLibrary, ours: LibraryState, merged: LibraryState): Promise<void> {
  const records = [...merged.records.values()].filter((r) => !same(r, ours.records.get(r.id)));
  const contents = new Map<string, PaperContent>(
    [...merged.contents].filter(([id, content]) => !same(content, ours.contents.get(id))),
  );
  const deleted = [...ours.records.keys()].filter((id) => !merged.records.has(id));
  // Into the shard files, not the edit log: they are committed to git next.
  await store.commit({ records, contents, deleted }, { toShards: true });
  for (const key of SIDE_KEYS) if (!same(merged[key], ours[key])) await writeSideFile(store.dir, key, merged);
}
