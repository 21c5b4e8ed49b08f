import { Worker } from 'node:worker_threads';
import { LibraryErrorCodeSchema, type ParseWorkerReply } from './parse-worker-protocol.js';
import { LibraryError } from '../storage/errors.js';
import type { ImportParseRequest, ImportParser, ParsedImport } from './import-parser.js';

export interface WorkerParserOptions {
  /** Time allowed for an empty input; each megabyte adds `msPerMegabyte`. */
  readonly baseMs?: number;
  readonly msPerMegabyte?: number;
}

/**
 * Parse each import in a worker thread of its own, so a large or hostile input never blocks the main
 * process's event loop, and stop it when it runs past its time: the user gets an error, the library is
 * untouched (nothing is planned until parsing returns).
 */
export function workerParser(workerPath: string, options: WorkerParserOptions = {}): ImportParser {
  const baseMs = options.baseMs ?? 30_000;
  const msPerMegabyte = options.msPerMegabyte ?? 30_000;
  return (request) => {
    const size = request.text.length + (request.html?.length ?? 0);
    const limitMs = Math.round(baseMs + (msPerMegabyte * size) / 1_048_576);
    return runInWorker(workerPath, request, limitMs);
  };
}

function runInWorker(workerPath: string, request: ImportParseRequest, limitMs: number): Promise<ParsedImport> {
  return new Promise<ParsedImport>((resolve, reject) => {
    const worker = new Worker(workerPath, { workerData: request });
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      const where = request.fileName ?? 'the pasted text';
      settle(() => reject(new LibraryError('invalid-request', `reading ${where} took longer than ${Math.round(limitMs / 1000)} s, so it was stopped; nothing was imported`)));
    }, limitMs);
    worker.once('message', (reply: ParseWorkerReply) => {
      settle(() => {
        if (reply.ok) resolve(reply.result);
        else reject(new LibraryError(LibraryErrorCodeSchema.catch('invalid-request').parse(reply.code), reply.message));
      });
    });
    worker.once('error', (error) => settle(() => reject(new LibraryError('invalid-request', `the import could not be read: ${error.message}`))));
    worker.once('exit', (code) => settle(() => reject(new LibraryError('io', `the import reader stopped unexpectedly (exit code ${code})`))));
  });
}
