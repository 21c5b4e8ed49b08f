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
