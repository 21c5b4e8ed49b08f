import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isErrnoException } from './durable-write.js';
import { LibraryError } from './errors.js';

export const LOCK_FILE = 'write.lock';

const LockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  holder: z.string(),
  since: z.string(),
});
type LockInfo = z.output<typeof LockInfoSchema>;

/** A held write lock; release it when done writing. */
export interface WriteLock {
  release(): Promise<void>;
}

/**
 * Take the library's single-writer lock (an exclusively created file naming its holder).
 * A lock left by a dead process on this host is recovered; a live holder gets a clear error.
 */
export async function acquireWriteLock(
  libraryDir: string,
  holder: string,
  now: () => Date,
  options: { takeOverFromOtherHost?: boolean } = {},
): Promise<WriteLock> {
  const lockPath = path.join(libraryDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), holder, since: now().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written whole to a file of its own, then linked into place: the lock appears with its holder's name
    // in it, or not at all (a crash between creating and filling it left an empty lock that refused writers).
    // Not fsynced (~5 ms of every open): only a power loss could leave it empty, and its holder is then gone,
    // so an empty lock is recovered like any unreadable one once it is a few seconds old.
    const temp = path.join(libraryDir, `${LOCK_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    // Blocking calls: the lock is taken as the library opens, before anything else runs, and five round trips
    // through the thread pool cost ~1.5 ms against ~0.1 ms.
    try {
      const fd = openSync(temp, 'wx');
      try {
        writeFileSync(fd, `${JSON.stringify(info, null, 2)}\n`);
      } finally {
        closeSync(fd);
      }
      linkSync(temp, lockPath);
      return { release: () => releaseLock(lockPath) };
    } catch (error) {
      if (!isErrnoException(error) || error.code !== 'EEXIST') throw error;
    } finally {
      rmSync(temp, { force: true });
    }
    const current = await readLockInfo(lockPath);
    if (current === null && (await isFresh(lockPath, now))) {
      // Another process has just created the lock and not yet written its name into it.
      throw new LibraryError('locked', `${libraryDir} is being opened for writing by another process. Try again.`);
    }
    // Another machine's processes cannot be seen from here: its lock is taken over only when the user says so.
    const takeOver = current !== null && current.host !== hostname() && options.takeOverFromOtherHost === true;
    if (current !== null && !isStale(current) && !takeOver) {
      const elsewhere =
        current.host !== hostname()
          ? ' If that machine no longer has it open, take the library over: the app asks, and margin does with MARGIN_TAKE_OVER_LOCK=1.'
          : '';
      throw new LibraryError(
        'locked',
        `${libraryDir} is open for writing by ${current.holder} (pid ${current.pid} on ${current.host}, since ${current.since}). Close it and try again.${elsewhere}`,
      );
    }
    // The holder is gone (or the lock file is unreadable junk from a crash): recover it.
    await rm(lockPath, { force: true });
  }
  throw new LibraryError('locked', `${libraryDir}: could not take the write lock; another process keeps taking it.`);
}

async function releaseLock(lockPath: string): Promise<void> {
  const current = await readLockInfo(lockPath);
  if (current?.pid === process.pid && current.host === hostname()) await rm(lockPath, { force: true });
}

async function readLockInfo(lockPath: string): Promise<LockInfo | null> {
  try {
    const parsed = LockInfoSchema.safeParse(JSON.parse(await readFile(lockPath, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function isStale(info: LockInfo): boolean {
  if (info.host !== hostname()) return false; // cannot see processes on another machine: assume alive
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return false;
  } catch (error) {
    return isErrnoException(error) && error.code === 'ESRCH';
  }
}

async function isFresh(lockPath: string, now: () => Date): Promise<boolean> {
  try {
    return now().getTime() - (await stat(lockPath)).mtimeMs < 5000;
  } catch {
    return false;
  }
}
