import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How late the event loop ran its timers, in ms, over a stretch of time. */
export interface LoopDelay {
  readonly maxMs: number;
  readonly p99Ms: number;
  readonly meanMs: number;
}

/**
 * Watch the event loop's delay (sampled every 10 ms): `take` says the worst and typical delay since the last
 * `take` and starts again. `margin serve` reports it for the bench (`MARGIN_LOOP_DELAY=1`, read on SIGUSR2).
 */
export function watchLoopDelay(): { take: () => LoopDelay; stop: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns: number): number => Math.round(ns / 1e4) / 100;
  return {
    take: () => {
      // With no sample yet the histogram says NaN for the mean and a huge min; report zeros instead.
      const empty = histogram.count === 0;
      const delay = {
        maxMs: empty ? 0 : ms(histogram.max),
        p99Ms: empty ? 0 : ms(histogram.percentile(99)),
        meanMs: empty ? 0 : ms(histogram.mean),
      };
      histogram.reset();
      return delay;
    },
    stop: () => histogram.disable(),
  };
}
