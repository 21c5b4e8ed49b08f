// `MARGIN_SERVE_NODE_ARGS="--import ./out/bench/late-turns.js" node out/bench/import-loop.js`: which turns of
// `margin serve`'s event loop ran late during an import, and the collector's pauses near them. Loaded into the
// serve process, it writes `late <time> <ms>` for each turn over `MARGIN_LATE_MS` (40) late and
// `gc <time> <ms> <kind>` for each pause over 15 ms to `MARGIN_LATE_FILE` (/tmp/late-turns-<pid>.log). Times are
// the monotonic clock in microseconds, the clock of a `--cpu-prof` profile's samples, so a late turn can be matched
// with what ran in it.
import { appendFileSync } from 'node:fs';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';

const TICK_MS = 5;

function watch(): void {
  const file = process.env.MARGIN_LATE_FILE ?? `/tmp/late-turns-${process.pid}.log`;
  const lateMs = Number(process.env.MARGIN_LATE_MS ?? 40);
  const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
  // performance.now() counts from the process's start; the profile's clock is the monotonic one.
  const originUs = nowUs() - performance.now() * 1000;
  let last = nowUs();
  setInterval(() => {
    const now = nowUs();
    const late = (now - last) / 1000 - TICK_MS;
    if (late > lateMs) appendFileSync(file, `late ${now} ${late.toFixed(1)}\n`);
    last = now;
  }, TICK_MS).unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration <= 15) continue;
      const detail: unknown = (entry as { detail?: unknown }).detail;
      const kind = typeof detail === 'object' && detail !== null && 'kind' in detail ? String(detail.kind) : '?';
      appendFileSync(
        file,
        `gc ${Math.round(originUs + entry.startTime * 1000)} ${entry.duration.toFixed(1)} ${kind}\n`,
      );
    }
  }).observe({ entryTypes: ['gc'] });
}

// Loaded with `--import`, it runs in every worker too: only the main thread's loop is the one that answers.
if (isMainThread) watch();
