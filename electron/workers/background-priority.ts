import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** A worker's nice value: well below the main thread, still well above idle. */
const BACKGROUND_NICE = 10;

/**
 * Lower the calling worker thread's priority, so that on a busy machine the main process's event loop gets the CPU
 * before it: with two cores, two parse workers and the search worker stretched the main thread's turns of ~10 ms to
 * 50–100 ms (issue 18). Linux gives each thread its own nice value (`/proc/thread-self` names it); elsewhere, and
 * where it is not allowed, nothing changes.
 */
export function runInBackground(): void {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0 && thread !== process.pid) setPriority(thread, BACKGROUND_NICE);
  } catch {
    // Not Linux, or no /proc: the thread keeps its priority.
  }
}
