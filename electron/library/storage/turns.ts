// Long work in the main process, cut into turns of the event loop (issue 18: the app never stalls 100 ms).

/** Let the event loop run what is waiting (I/O, timers, other calls) before going on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Work done between two turns of the event loop: well under the 100 ms an app may stall (issue 18). */
export const TURN_MS = 10;

/**
 * Long work cut into turns: `due()` says when `TURN_MS` have passed since the last turn; then `await turn()`
 * lets the event loop answer what waits (other calls, a cancel, progress polls) before going on.
 */
export function turns(budgetMs = TURN_MS): { due: () => boolean; turn: () => Promise<void> } {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= budgetMs,
    turn: async () => {
      await nextTurn();
      since = performance.now();
    },
  };
}

/**
 * Turns shared by tasks that run side by side (shard writes, a few at a time): each calls `await pass()` before a
 * step of work. While the budget lasts, steps go on at once; once it is spent, the waiting steps go one per turn.
 * Without it, the writes that finished while the loop was busy each took their step in the same turn: 16 shards
 * serialized back to back held the event loop ~80 ms at 100,000 papers.
 */
export function sharedTurns(budgetMs = TURN_MS): { pass: () => Promise<void> } {
  let since = performance.now();
  let queue: Promise<void> = Promise.resolve();
  return {
    // Each step is let through after the one before it has run up to its next wait, so the budget it spent counts.
    pass: () =>
      (queue = queue.then(async () => {
        if (performance.now() - since < budgetMs) return;
        await nextTurn();
        since = performance.now();
      })),
  };
}

/** Sorted in runs this long by `Array.prototype.sort`, each within one turn, before the runs are merged. */
const SORT_RUN = 2048;

/**
 * `items.slice().sort(compare)`, in turns of the event loop: runs sorted by the engine, then merged pairwise with a
 * pause whenever a turn's time is up. Stable, as the engine's sort is, so the order is the same. Sorting 100,000
 * papers at once held the event loop ~150 ms.
 */
export async function sortInTurns<T>(items: readonly T[], compare: (a: T, b: T) => number): Promise<T[]> {
  const n = items.length;
  const work = turns();
  let from: T[] = [];
  for (let at = 0; at < n; at += SORT_RUN) {
    for (const item of items.slice(at, at + SORT_RUN).sort(compare)) from.push(item);
    if (work.due()) await work.turn();
  }
  let to: T[] = new Array<T>(n);
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const middle = Math.min(low + width, n);
      const high = Math.min(low + 2 * width, n);
      let left = low;
      let right = middle;
      let out = low;
      while (left < middle && right < high) {
        // The right run's item goes first only when strictly before: equal items keep their order.
        to[out++] = compare(from[right] as T, from[left] as T) < 0 ? (from[right++] as T) : (from[left++] as T);
        if ((out & 1023) === 0 && work.due()) await work.turn();
      }
      while (left < middle) to[out++] = from[left++] as T;
      while (right < high) to[out++] = from[right++] as T;
    }
    [from, to] = [to, from];
  }
  return from;
}
