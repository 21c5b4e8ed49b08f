import { describe, expect, it } from 'vitest';
import { sharedTurns } from '../../../../electron/library/storage/turns.js';

/** Keep the thread busy for `ms`, as a shard's serialization does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('turns shared by tasks that run side by side', () => {
  it('lets the waiting steps through a budget at a time, each group in a turn of its own', async () => {
    let turn = 0;
    let ticking = true;
    const tick = (): void => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const work = sharedTurns(10);
    const stepsByTurn = new Map<number, number>();
    // Sixteen tasks, as the shard writer runs, each starting its steps at once, each step 3 ms of work.
    const task = async (): Promise<void> => {
      for (let step = 0; step < 4; step++) {
        await work.pass();
        stepsByTurn.set(turn, (stepsByTurn.get(turn) ?? 0) + 1);
        busy(3);
        await Promise.resolve();
      }
    };
    await Promise.all(Array.from({ length: 16 }, task));
    ticking = false;
    const counts = [...stepsByTurn.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(64);
    // A budget of 10 ms holds four steps of 3 ms (the fourth starts before it is spent), never all sixteen.
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
    expect(stepsByTurn.size).toBeGreaterThanOrEqual(13);
  });
});
