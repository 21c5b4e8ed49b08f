// The PDF text worker: reads one PDF's text off the main thread and answers once. The main process stops it
// when it runs past its time limit, so a PDF built to exhaust the reader costs a thread, never the app.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { extractPdfPages } from '../library/attachments/pdf-text.js';
import { runInBackground } from './background-priority.js';

if (!parentPort) throw new Error('pdf-text-worker must run as a worker thread');
runInBackground();
const port = parentPort;
const file = typeof workerData === 'string' ? workerData : '';

readFile(file)
  .then((bytes) => extractPdfPages(new Uint8Array(bytes)))
  .then(
    ({ pages, title }) => port.postMessage({ ok: true, pages, title }),
    (error: unknown) =>
      port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
