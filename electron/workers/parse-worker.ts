// The parse worker: reads one import off the main thread and answers once. The main process stops it
// when it runs past its time limit, so a pathological input costs a thread, never the app.
import { parentPort, workerData } from 'node:worker_threads';
import { parseInProcess, type ImportParseRequest } from '../library/import/import-parser.js';
import type { ParseWorkerReply } from '../library/import/parse-worker-protocol.js';
import { LibraryError } from '../library/storage/errors.js';

if (!parentPort) throw new Error('parse-worker must run as a worker thread');
const port = parentPort;
const request = workerData as ImportParseRequest; // sent by workerParser, the only creator of this worker

parseInProcess(request).then(
  (result) => port.postMessage({ ok: true, result } satisfies ParseWorkerReply),
  (error: unknown) => {
    const reply: ParseWorkerReply =
      error instanceof LibraryError ? { ok: false, code: error.code, message: error.message } : { ok: false, code: 'invalid-request', message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  },
);
