import { Library } from '../library.js';
import type { LibraryDeps } from '../context/library-context.js';
import { SavedSearches } from '../saved-searches.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EDIT_LOG_FILE, JOURNAL_FILE } from '../storage/layout.js';
import { InProcessTextSearch, type TextSearch, type TextSource } from '../search/text-search.js';
import { WorkerTextSearch } from '../search/worker-text-search.js';
import { RecordCache } from '../search/record-cache.js';
import { warmSearch } from '../search/warm-search.js';
import { LaterTextSearch } from '../search/later-text-search.js';
import { StartupList } from '../list-snapshot/startup-list.js';
import { ListSnapshotWriter } from '../list-snapshot/list-snapshot-writer.js';
import {
  listSnapshotPapersHint,
  papersStamp,
  readListSnapshot,
  type ListSnapshot,
} from '../list-snapshot/list-snapshot-file.js';
import { completeArxivPlaceholders } from '../arxiv/arxiv-completion.js';
import { workerParser } from '../import/worker-parser.js';
import { workerPdfText } from '../attachments/worker-pdf-text.js';

/** An open library with what the app adds around it: search and saved searches. Used by the app and `margin serve`. */
export interface Session {
  readonly library: Library;
  /** Records, and records in each sort order, kept between queries. */
  readonly records: RecordCache;
  readonly search: TextSearch;
  readonly searches: SavedSearches;
  /** The arXiv API this session may ask ("Find on arXiv", completing id-only papers); null: never go online. */
  readonly arxivApi: string | null;
  /** Settles when the first search has nothing left to wait for (see `warmSearch`); it never rejects. */
  readonly warmed: Promise<void>;
  /** The first screen's answers from the list snapshot, until the records are read. */
  readonly startup: StartupList;
  close(): Promise<void>;
}

export interface SessionOptions {
  readonly dir: string;
  readonly holder: string;
  readonly deps?: LibraryDeps;
  /** The built search worker (`out/workers/search-worker.js`); without it, search runs in this process. */
  readonly searchWorker?: string;
  /** The built parse worker (`out/workers/parse-worker.js`); without it, imports are parsed in this process. */
  readonly parseWorker?: string;
  /** The built PDF text worker (`out/workers/pdf-text-worker.js`); without it, PDFs' text is read in this process. */
  readonly pdfTextWorker?: string;
  /** Download PDFs from here (the app passes arxiv.org); none: never go online for PDFs, the queue waits. */
  readonly pdfBaseUrl?: string;
  /** Complete papers imported from bare arXiv ids from this API (the app passes arXiv's); none: never go online. */
  readonly arxivApi?: string;
  /** Take over a write lock held from another machine, after the user confirmed it. */
  readonly takeOverLock?: boolean;
  /** false: neither read nor write the list snapshot (tests that watch every file). */
  readonly listSnapshot?: boolean;
  /** Quiet time after a change before the list snapshot is written again (tests shorten it). */
  readonly listSnapshotDelayMs?: number;
  /** From how many papers the search worker starts at open (see EARLY_SEARCH_FROM; tests lower it). */
  readonly earlySearchFrom?: number;
}

/** The list snapshot is written this long after the library last changed. */
const LIST_SNAPSHOT_DELAY_MS = 5000;

/**
 * From this many papers, a library that opens from its list snapshot starts its search worker at once, beside the
 * reading of the records, so a search typed at open is answered from the index alone (`TextSearch.page`) instead
 * of waiting ~1.5 s for 100,000 records (issue 17). Below it the records are read in well under half a second, and
 * the worker would only compete with them for the two cores.
 */
const EARLY_SEARCH_FROM = 5000;

/** Papers handed to the search at once after a change. */
const SEARCH_SLICE = 200;

export async function openSession(options: SessionOptions): Promise<Session> {
  const parser = options.parseWorker && existsSync(options.parseWorker) ? workerParser(options.parseWorker) : undefined;
  // The search starts after the records, not beside them: on two cores the worker's reading slowed
  // opening by ~40% (1.4 s instead of 0.93 s at 100k papers) for a search that was ready only 0.7 s sooner.
  // A large library shown from its snapshot is the exception (see EARLY_SEARCH_FROM): its worker starts now,
  // before the library is opened and its snapshot checked, as the snapshot's size hint says.
  const searchWorker =
    options.searchWorker !== undefined && existsSync(options.searchWorker) ? options.searchWorker : null;
  const searchNow =
    searchWorker !== null &&
    options.listSnapshot !== false &&
    (listSnapshotPapersHint(options.dir) ?? 0) >= (options.earlySearchFrom ?? EARLY_SEARCH_FROM) &&
    // Changes a crash left to replay change shards while the library opens, after the worker compared them.
    !existsSync(path.join(options.dir, JOURNAL_FILE)) &&
    !existsSync(path.join(options.dir, EDIT_LOG_FILE));
  const opening = Library.open({
    dir: options.dir,
    mode: 'write',
    holder: options.holder,
    ...(options.deps ? { deps: options.deps } : {}),
    ...(parser ? { parser } : {}),
    ...(options.takeOverLock ? { takeOverLock: true } : {}),
    pdfDownloads: { baseUrl: options.pdfBaseUrl ?? null },
    ...(options.pdfTextWorker && existsSync(options.pdfTextWorker)
      ? { pdfText: workerPdfText(options.pdfTextWorker) }
      : {}),
  });
  const source = openedTextSource(opening);
  const recordsRead = deferred();
  const search = new LaterTextSearch(
    (searchNow ? Promise.resolve() : recordsRead.promise).then(
      () => () =>
        searchWorker !== null
          ? new WorkerTextSearch(searchWorker, options.dir, source)
          : new InProcessTextSearch(source),
    ),
  );
  let library: Library;
  try {
    library = await opening;
  } catch (error) {
    recordsRead.reject(error);
    await search.close();
    throw error;
  }
  try {
    const shardCount = library.shardCount;
    // Before the records start being read: from then on each wait for a file here waits for a turn of that reading.
    const searches = await SavedSearches.open(library.dir);
    const startup = new StartupList(
      options.listSnapshot === false ? null : readStartupSnapshot(library.dir, shardCount),
    );
    // With a snapshot to answer the first screen, the reading starts in the next turn: a first screen asked as soon
    // as this returns is answered before the reading's first slice (~2–8 ms) runs.
    const loaded = startup.answering
      ? new Promise<void>((resolve) => setImmediate(resolve)).then(() => library.papers.records())
      : library.papers.records();
    void loaded.then(recordsRead.resolve, recordsRead.reject);
    // The app lists every paper at once: without a snapshot to show first, the records are read now.
    const snapshotWasCurrent = startup.answering;
    if (!startup.answering) await loaded;
    library.useTextSearch(search);
    const records = new RecordCache(
      () => library.papers.records(),
      (id) => library.papers.getRecord(id),
    );
    const snapshots = new ListSnapshotWriter({
      dir: library.dir,
      shardCount,
      exclusive: (task) => library.whileQuiet(task),
      storeRecords: () => library.papers.records(),
      cache: records,
      search: () => search,
      delayMs: options.listSnapshotDelayMs ?? LIST_SNAPSHOT_DELAY_MS,
    });
    const writesSnapshots = !library.readOnly && options.listSnapshot !== false;
    // A missing or stale snapshot is written again once things are quiet (or at close).
    if (writesSnapshots && !snapshotWasCurrent) snapshots.changed();
    const completeArxiv = arxivCompleter(library, options.arxivApi);
    library.onChange((ids, change) => {
      // The snapshot no longer says what the library holds.
      startup.stop();
      if (writesSnapshots) snapshots.changed();
      // A large import's papers go to the search a slice at a time, each read in a turn of its own: 10,000 at
      // once held the event loop for ~400 ms (issue 18).
      for (let at = 0; at < ids.length; at += SEARCH_SLICE)
        search.invalidate(ids.slice(at, at + SEARCH_SLICE), change.content);
      // Patched before the change reaches the UI, which asks for the list again right away.
      void records.refresh(ids);
      if (change.content) completeArxiv.run();
    });
    completeArxiv.run();
    let open = true;
    // With the search worker only (the app, `margin serve`): searching in this process would read every paper now.
    // After this turn, so the first list query, which needs the same order, is not kept waiting.
    const warmed = (async () => {
      await loaded;
      // Once the records are read they answer (the newest-first order is made first, for the first list).
      await records.orderedBy('added').catch(() => undefined);
      startup.stop();
      // With the search worker only (the app, `margin serve`): searching in this process would read every paper now.
      if (searchWorker !== null) await warmSearch(records, search, () => open);
    })().catch(() => undefined);
    // Downloads left waiting last time go on (quietly: each failure is kept in the queue with its reason).
    void library.downloads.run().catch(() => undefined);
    return {
      library,
      records,
      search,
      searches,
      arxivApi: options.arxivApi ?? null,
      warmed,
      startup,
      close: async () => {
        open = false;
        await completeArxiv.stop();
        if (writesSnapshots) await snapshots.close();
        // The logged edits into their shards before the search compares the shards it holds as edited with their
        // files: compared after, the index keeps stamps that are true of the files.
        if (!library.readOnly) await library.whileQuiet(async () => undefined).catch(() => undefined);
        await search.close();
        await library.close();
      },
    };
  } catch (error) {
    recordsRead.reject(error);
    await search.close();
    await library.close();
    throw error;
  }
}

/** The library's text, for a search made before the library has opened: each read waits for the opening. */
function openedTextSource(opening: Promise<Library>): TextSource {
  const opened = opening.then((library) => library.textSource());
  opened.catch(() => undefined); // a failed opening is reported by openSession
  return {
    allRecords: async () => (await opened).allRecords(),
    allContents: async () => (await opened).allContents(),
    getRecord: async (id) => (await opened).getRecord(id),
    getContent: async (id) => (await opened).getContent(id),
    attachmentText: async (record) => (await opened).attachmentText(record),
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
  let resolve: () => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<void>((ok, fail) => {
    resolve = () => ok();
    reject = fail;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/** One completion run at a time, started after opening and after imports; quiet when offline. */
function arxivCompleter(library: Library, api: string | undefined): { run: () => void; stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null;
  let again = false;
  const asked = new Set<string>();
  const abort = new AbortController();
  const run = (): void => {
    if (!api || abort.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = library.imports
      .arxivPlaceholders()
      .then((waiting) =>
        waiting.some((r) => r.arxivId !== null && !asked.has(r.arxivId))
          ? completeArxivPlaceholders(library, { baseUrl: api, asked, signal: abort.signal })
          : null,
      )
      .catch(() => undefined)
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return {
    run,
    stop: async () => {
      abort.abort();
      await running;
    },
  };
}

/** The list snapshot, when it is whole and still true of the library's files; null otherwise (or unreadable). */
function readStartupSnapshot(dir: string, shardCount: number): ListSnapshot | null {
  try {
    return readListSnapshot(dir, papersStamp(dir, shardCount));
  } catch {
    return null;
  }
}
