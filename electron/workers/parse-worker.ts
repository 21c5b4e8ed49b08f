// The parse worker: reads one import off the main thread and answers once. The main process stops it
// when it runs past its time limit, so a pathological input costs a thread, never the app.
import { parentPort, workerData } from 'node:worker_threads';
import { parseInProcess } from '../library/import/import-parser.js';
import {
  PARSE_WORKER_NEXT,
  PARSE_WORKER_PART,
  ParseWorkerRequestSchema,
  ParseWorkerTextPieceSchema,
  type ParseWorkerReply,
} from '../library/import/parse-worker-protocol.js';
import type { ImportParseRequest, ParsedImport } from '../library/import/import-parser.js';
import type { z } from 'zod';
import { LibraryError } from '../library/storage/errors.js';
import { firstIssue } from '../../shared/validation.js';
import { runInBackground } from './background-priority.js';
import { inFileLines } from '../library/import/file-parts.js';

type ParseWorkerRequest = z.output<typeof ParseWorkerRequestSchema>;

if (!parentPort) throw new Error('parse-worker must run as a worker thread');
runInBackground();
const port = parentPort;

function reply(message: ParseWorkerReply): void {
  port.postMessage(message);
}

/** The main process's word that it has read a part and wants the next. */
function asked(): Promise<void> {
  return new Promise((resolve) =>
    port.on('message', function next(message: unknown) {
      if (message !== PARSE_WORKER_NEXT) return;
      port.off('message', next);
      resolve();
    }),
  );
}

/** The entries a part at a time (each once asked for), then the rest of the parse. */
async function replyInParts(result: ParsedImport): Promise<void> {
  for (let at = 0; at < result.entries.length; at += PARSE_WORKER_PART) {
    const next = asked();
    reply({ part: result.entries.slice(at, at + PARSE_WORKER_PART) });
    await next;
  }
  reply({ ok: true, result: { ...result, entries: [] } });
}

/** The request with its whole text: the pieces sent after it appended in order. */
function withWholeText(request: ParseWorkerRequest): Promise<ImportParseRequest> {
  if (request.textPieces === 0) return Promise.resolve(request);
  const pieces: string[] = [];
  return new Promise((resolve) =>
    port.on('message', function piece(message: unknown) {
      const parsed = ParseWorkerTextPieceSchema.safeParse(message);
      if (!parsed.success) return;
      pieces.push(parsed.data.textPiece);
      if (pieces.length < request.textPieces) return;
      port.off('message', piece);
      resolve({ ...request, text: `${request.text}${pieces.join('')}` });
    }),
  );
}

const request = ParseWorkerRequestSchema.safeParse(workerData);
if (!request.success)
  reply({
    ok: false,
    code: 'invalid-request',
    message: `the import reader was given no import (${firstIssue(request.error).message})`,
  });
else
  withWholeText(request.data)
    .then(async (whole) => inFileLines(await parseInProcess(whole), request.data.firstLine))
    .then(replyInParts)
    .catch((error: unknown) =>
      reply(
        error instanceof LibraryError
          ? { ok: false, code: error.code, message: error.message }
          : { ok: false, code: 'invalid-request', message: error instanceof Error ? error.message : String(error) },
      ),
    );
