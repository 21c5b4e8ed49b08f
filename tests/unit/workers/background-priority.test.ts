import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir.js';
import { openSession } from '../../../electron/library/api/session.js';
import { fixedDeps } from '../../helpers/fixed-deps.js';

/** The nice value of each thread of this process (Linux: field 19 of /proc/self/task/<tid>/stat). */
function niceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name may hold spaces; the fields after it are plain.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      values.set(Number(tid), Number(fields[16]));
    } catch {
      // The thread ended meanwhile.
    }
  }
  return values;
}

describe('worker threads run in the background', () => {
  it.runIf(process.platform === 'linux')(
    'the search and parse workers lower their own priority, and the main thread keeps its own',
    async () => {
      const dir = await tempDir();
      await (await openSession({ dir, holder: 'test', deps: fixedDeps() })).close();
      const before = niceValues();
      const mainNice = before.get(process.pid);
      const workers = [
        new Worker(path.resolve('out/workers/search-worker.js'), { workerData: { dir } }),
        new Worker(path.resolve('out/workers/parse-worker.js'), {
          workerData: { text: 'arXiv:2401.00001', format: 'auto', fileName: null, html: null, today: new Date(0) },
        }),
      ];
      try {
        // Each says something once it runs (a status, or its parse's first part).
        await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))));
        const lowered = [...niceValues()].filter(([tid, nice]) => !before.has(tid) && nice === 10);
        expect(lowered.length).toBeGreaterThanOrEqual(2);
        expect(niceValues().get(process.pid)).toBe(mainNice);
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
      }
    },
  );
});
