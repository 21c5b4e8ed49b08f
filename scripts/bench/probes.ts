// Probes run in a fresh process (`out/bench/probe.js NAME DIR`, a bundle with only the library code,
// as the app's main process loads it), so "open" includes starting Node as it does for a user.
// Each prints one JSON line.
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { openSession } from '../../electron/library/api/session.js';
import { parseQuery } from '../../electron/library/search/query.js';
import { LEGACY_SINGLE_FILE } from '../../electron/library/storage/migrations.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Beside this bundle, as in the app: out/bench/probe.js → out/workers/search-worker.js. */
export const SEARCH_WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workers/search-worker.js');

/** Open the library as the app does (write lock, every record loaded) and report when every paper is listable. */
export async function probeOpen(dir: string): Promise<void> {
  const session = await openSession({ dir, holder: 'margin bench', searchWorker: SEARCH_WORKER });
  const listable = (await session.library.papers.records()).length;
  const openMs = performance.now(); // since this process started
  // The first search waits for the search worker to open its index (or, without one, to read every paper's text).
  await session.search.matching(parseQuery('warmup'));
  const searchReadyMs = performance.now();
  const rssMB = process.memoryUsage().rss / 1048576;
  await session.close();
  const searchReadyAfterOpenMs = searchReadyMs - openMs;
  process.stdout.write(`${JSON.stringify({ listable, openMs, searchReadyMs, searchReadyAfterOpenMs, rssMB })}\n`);
}

/** The naive baseline: one lowdb JSONFile holding the whole library, read whole. */
export async function probeBaselineOpen(dir: string): Promise<void> {
  const db = new Low(new JSONFile<{ papers: unknown[] }>(path.join(dir, LEGACY_SINGLE_FILE)), { papers: [] });
  await db.read();
  const openMs = performance.now();
  process.stdout.write(`${JSON.stringify({ listable: db.data.papers.length, openMs })}\n`);
}

const [name, dir] = process.argv.slice(2);
if (name === 'open' && dir) await probeOpen(dir);
else if (name === 'baseline-open' && dir) await probeBaselineOpen(dir);
else throw new Error(`usage: probe.js open|baseline-open <library>`);
