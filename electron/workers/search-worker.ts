// The search worker: answers searches off the main thread from the library's full-text index (or a scan of
// every paper's text while the index is built). It reads the library folder itself, read-only for the
// library, so the main process never loads abstracts; the index beside it is its own.
import { parentPort, workerData } from 'node:worker_threads';
import { SearchEngine } from '../library/search/index/search-engine.js';
import type { WorkerReply, WorkerRequest } from '../library/search/worker-protocol.js';
import { runInBackground } from './background-priority.js';

if (!parentPort) throw new Error('search-worker must run as a worker thread');
runInBackground();
const port = parentPort;
const { dir } = workerData as { dir: string }; // set by WorkerTextSearch, the only creator of this worker

const send = (reply: WorkerReply) => port.postMessage(reply);
const started = performance.now();
const engine = SearchEngine.start(dir, { onStatus: (status) => send({ type: 'status', status }) });
const ready = engine.then((e) => send({ type: 'ready', papers: e.paperCount, ms: performance.now() - started }));

// Each message waits for the engine, and messages are handled in the order they came.
let queue: Promise<unknown> = ready;
port.on('message', (message: WorkerRequest) => {
  queue = queue
    .then(async () => handle(await engine, message))
    .catch((error: unknown) =>
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
});

/** The order's ids so far, while it comes in parts. */
let orderSoFar: string[] = [];

async function handle(e: SearchEngine, message: WorkerRequest): Promise<void> {
  switch (message.type) {
    case 'flush':
      await e.flush();
      send({ type: 'flushed' });
      return;
    case 'update':
      e.update(message.docs);
      return;
    case 'order':
      orderSoFar.push(...message.ids);
      if (message.more) return;
      e.setOrder(orderSoFar);
      orderSoFar = [];
      return;
    case 'searchOrdinals': {
      const { ordinals, scored } = e.searchOrdinals(message.query);
      const transfer: ArrayBuffer[] = [ordinals.buffer as ArrayBuffer];
      if (scored) transfer.push(scored.ordinals.buffer as ArrayBuffer, scored.scores.buffer as ArrayBuffer);
      port.postMessage(
        { type: 'ordinals', requestId: message.requestId, ordinals, scored } satisfies WorkerReply,
        transfer,
      );
      return;
    }
    case 'page':
      send({ type: 'page', requestId: message.requestId, page: e.page(message.ask) });
      return;
    case 'search': {
      const { ids, scores } = e.search(message.query);
      send({ type: 'result', requestId: message.requestId, ids: ids.join('\n'), scores });
      return;
    }
  }
}
