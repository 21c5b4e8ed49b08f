// The parse worker: reads one import off the main thread and answers once. The main process stops it
// when it runs past its time limit, so a pathological input costs a thread, never the app.
import { parentPort, workerData } from 'node:worker_threads';
import { parseInProcess } from '../library/import/import-parser.js';
import { ParseWorkerRequestSchema, type ParseWorkerReply } from '../library/import/parse-worker-protocol.js';
import { LibraryError } from '../library/storage/errors.js';
import { firstIssue } from '../../shared/validation.js';

if (!parentPort) throw new Error('parse-worker must run as a worker thread');
const port = parentPort;

function reply(message: ParseWorkerReply): void {
  port.postMessage(message);
}

const request = ParseWorkerRequestSchema.safeParse(workerData);
if (!request.success)
  reply({
    ok: false,
    code: 'invalid-request',
    message: `the import reader was given no import (${firstIssue(request.error).message})`,
  });
else
  parseInProcess(request.data).then(
    (result) => reply({ ok: true, result }),
    (error: unknown) =>
      reply(
        error instanceof LibraryError
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'invalid-request', message: error instanceof Error ? error.message : String(error) },
      ),
  );
