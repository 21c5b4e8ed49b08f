// The search worker: holds every paper's searchable text, off the main thread, and answers searches.
// It reads the library folder itself (read-only, no lock), so the main process never loads abstracts.
import { parentPort, workerData } from 'node:worker_threads';
import { LibraryStore } from '../library/storage/library-store.js';
import { SearchCorpus, contentText, recordText } from '../library/search/search-corpus.js';
import type { WorkerReply, WorkerRequest } from '../library/search/worker-protocol.js';

if (!parentPort) throw new Error('search-worker must run as a worker thread');
const port = parentPort;
const { dir } = workerData as { dir: string }; // set by WorkerTextSearch, the only creator of this worker

const started = performance.now();
const corpus = new SearchCorpus();
const ready = (async () => {
  const store = await LibraryStore.open({ dir, mode: 'read', holder: 'search worker', now: () => new Date() });
  const [records, contents] = await Promise.all([store.allRecords(), store.allContents()]);
  for (const record of records) {
    corpus.setRecord(record.id, recordText(record));
    corpus.setContent(record.id, contentText(contents.get(record.id) ?? null));
  }
  const reply: WorkerReply = { type: 'ready', papers: corpus.size, ms: performance.now() - started };
  port.postMessage(reply);
})();

// Each message waits for the corpus, and messages are handled in the order they came.
let queue: Promise<unknown> = ready;
port.on('message', (message: WorkerRequest) => {
  queue = queue.then(() => handle(message)).catch((error: unknown) => {
    const reply: WorkerReply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  });
});

function handle(message: WorkerRequest): void {
  switch (message.type) {
    case 'update':
      for (const [id, record, content] of message.docs) {
        if (record === null) {
          corpus.delete(id);
          continue;
        }
        corpus.setRecord(id, record);
        if (content !== undefined) corpus.setContent(id, content);
      }
      return;
    case 'search': {
      const reply: WorkerReply = { type: 'result', requestId: message.requestId, ids: corpus.match(message.query) };
      port.postMessage(reply);
      return;
    }
  }
}
