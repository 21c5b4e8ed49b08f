// Probes run in a fresh process (`out/bench/probe.js NAME DIR`, a bundle with only the library code,
// as the app's main process loads it), so "open" includes starting Node as it does for a user.
// Each prints one JSON line.
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';
import { openSession } from '../../electron/library/api/session.js';
import { LEGACY_SINGLE_FILE } from '../../electron/library/storage/migrations.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { ImportFormatSchema, STATUSES } from '../../shared/models/paper.js';
import { overview, queryList } from '../../electron/library/api/list-answers.js';
import { STARTUP_LISTS } from '../../electron/library/list-snapshot/list-snapshot-writer.js';

/** The list the app opens with, and its page size (renderer: list-slice). */
const PAGE_SIZE = 200;
const FIRST_LIST = STARTUP_LISTS[0] ?? { view: { kind: 'all' } as const, sort: 'added' as const };

/** Beside this bundle, as in the app: out/bench/probe.js → out/workers/search-worker.js. */
export const SEARCH_WORKER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workers/search-worker.js');

/** The first search: a common word (thousands of papers at 100k), ranked, its first page, as the app asks it. */
const FIRST_SEARCH = { view: { kind: 'all' } as const, search: 'model', sort: 'relevance' as const, offset: 0 };

/**
 * Open the library as the app does and report when its first screen is answered (`openMs`: the sidebar and the
 * first page of the list it opens with, by the code behind the app's handlers), when the first search typed
 * right after is answered (`searchReadyMs`: its first page of rows and its total), and when every paper is read
 * (`allRecordsMs`), all from process start.
 */
export async function probeOpen(dir: string): Promise<void> {
  const session = await openSession({ dir, holder: 'margin bench', searchWorker: SEARCH_WORKER });
  await overview(session, null);
  const firstPage = await queryList(session, { ...FIRST_LIST, search: '', offset: 0, limit: PAGE_SIZE });
  const openMs = performance.now(); // since this process started
  const fromSnapshot = session.startup.answering;
  const searched = await queryList(session, { ...FIRST_SEARCH, limit: PAGE_SIZE });
  const searchReadyMs = performance.now();
  // Answered by the index alone (the records were still being read), or by the records.
  const searchFromIndex = session.startup.answering;
  const listable = (await session.records.records()).length;
  const allRecordsMs = performance.now();
  const rssMB = process.memoryUsage().rss / 1048576;
  await session.close();
  const result = { listable, firstPageRows: firstPage.rows.length, fromSnapshot, openMs, allRecordsMs };
  const search = { searchReadyMs, searchFromIndex, searchTotal: searched.total, searchRows: searched.rows.length };
  process.stdout.write(`${JSON.stringify({ ...result, ...search, rssMB })}\n`);
}

/** The naive baseline: one lowdb JSONFile holding the whole library, read whole. */
export async function probeBaselineOpen(dir: string): Promise<void> {
  const db = new Low(new JSONFile<{ papers: unknown[] }>(path.join(dir, LEGACY_SINGLE_FILE)), { papers: [] });
  await db.read();
  const openMs = performance.now();
  process.stdout.write(`${JSON.stringify({ listable: db.data.papers.length, openMs })}\n`);
}

/**
 * Edits as the app makes them (search worker attached), in rounds the bench asks for on stdin ("N": make N more
 * edits, answered by one JSON line of their times; "N settle": then, untimed, wait until the search worker has
 * written them to its index; end of input: close). Two of these, at two library sizes, take turns, so both sizes'
 * edits meet the same machine: the bench's noise is not read as a cost of size.
 */
export async function probeEdits(dir: string): Promise<void> {
  const session = await openSession({ dir, holder: 'margin bench (edits)', searchWorker: SEARCH_WORKER });
  const records = await session.library.papers.records();
  await session.warmed;
  process.stdout.write('ready\n');
  let made = 0;
  for await (const line of createInterface({ input: process.stdin })) {
    const [count, settle] = line.split(' ');
    const times: number[] = [];
    for (let n = Number(count); n > 0; n--, made++) {
      const record = records[(made * 7919) % records.length];
      if (!record) break;
      const started = performance.now();
      if (made % 2 === 0) await session.library.papers.addTags(record.id, [`bench/t${made}`]);
      else
        await session.library.papers.setStatus(
          record.id,
          STATUSES[(STATUSES.indexOf(record.status) + 1) % STATUSES.length] ?? 'read',
        );
      times.push(performance.now() - started);
    }
    // A search writes the edits the worker holds before it answers (SearchEngine.applyPending).
    if (settle === 'settle') await queryList(session, { ...FIRST_SEARCH, search: 'settle', limit: 1 });
    process.stdout.write(`${JSON.stringify(times)}\n`);
  }
  await session.close();
}

const [name, dir, file, format] = process.argv.slice(2);
if (name === 'open' && dir) await probeOpen(dir);
else if (name === 'baseline-open' && dir) await probeBaselineOpen(dir);
else if (name === 'edits' && dir) await probeEdits(dir);
else if (name === 'import' && dir && file) {
  // Loaded only here: its synthetic corpus takes ~30 ms to build, which an open must not pay (the app does not).
  const { importInThisProcess } = await import('./import-bench.js');
  await importInThisProcess(dir, file, ImportFormatSchema.parse(format));
} else throw new Error(`usage: probe.js open|baseline-open|edits <library> | import <library> <file> <format>`);
