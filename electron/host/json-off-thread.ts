import { Worker } from 'node:worker_threads';
import { cutAtLines, LINE_PIECE_CHARS } from '../library/import/text-pieces.js';

/** What the main process sends the reader once the body has come, and then for each piece of the long field. */
const END = 'end';
const NEXT = 'next';

/**
 * Our own few lines, run as a worker: the body's bytes come in chunks; at `end` they are parsed, and the value goes
 * back, with a long top-level string field (an import's text) left out and sent after it as line pieces, one each
 * time the main process asks. `cutAtLines` is text-pieces.ts's own, its source given here (it names nothing outside).
 */
const READER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const cutAtLines = (${cutAtLines.toString()});
const chunks = [];
let pieces = [];
let sent = 0;
parentPort.on('message', (message) => {
  if (message === ${JSON.stringify(NEXT)}) {
    parentPort.postMessage(pieces[sent]);
    pieces[sent++] = undefined;
    return;
  }
  if (message !== ${JSON.stringify(END)}) {
    chunks.push(Buffer.from(message.buffer, message.byteOffset, message.byteLength));
    return;
  }
  let value;
  try {
    value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    parentPort.postMessage({ ok: false });
    return;
  }
  chunks.length = 0;
  const field = workerData.piecedField;
  const long =
    field !== null && typeof value === 'object' && value !== null && !Array.isArray(value) &&
    Object.prototype.hasOwnProperty.call(value, field) && typeof value[field] === 'string' &&
    value[field].length > workerData.pieceChars;
  if (long) {
    pieces = cutAtLines(value[field], workerData.pieceChars);
    value[field] = null;
  }
  parentPort.postMessage({ ok: true, value, pieces: pieces.length });
});
`;

export interface JsonReaderOptions {
  /** A top-level string field that, when longer than `pieceChars`, comes back as line pieces (text-pieces.ts). */
  readonly piecedField?: string | null;
  readonly pieceChars?: number;
}

/** A body read as JSON in a worker thread, its chunks given as they arrive. */
export interface JsonReader {
  /** The next chunk of the body, handed over (its memory moves to the worker: the caller must not use it after). */
  write(chunk: Uint8Array<ArrayBuffer>): void;
  /** The body is whole: its value. Rejects with a SyntaxError when the bytes are not JSON. */
  end(): Promise<unknown>;
  /** The body will not be read after all (too large, or the request went away). */
  abort(): void;
}

/**
 * JSON read in a worker thread, for a large body (an import of 25 MB). Its bytes go to the worker as they arrive, a
 * chunk per turn, and its long text comes back in pieces of a megabyte, each in a turn of its own: the main process
 * never holds the body whole, nor its text as one string, which it cannot make without writing 50 MB of new memory
 * in one step (~250 ms of its event loop, issue 18).
 */
export function jsonReader(options: JsonReaderOptions = {}): JsonReader {
  const worker = new Worker(READER_SOURCE, {
    eval: true,
    workerData: { piecedField: options.piecedField ?? null, pieceChars: options.pieceChars ?? LINE_PIECE_CHARS },
  });
  let failed: Error | null = null;
  worker.once('error', (error) => (failed = error));
  return {
    write: (chunk) => worker.postMessage(chunk, [chunk.buffer]),
    abort: () => void worker.terminate(),
    end: () =>
      new Promise((resolve, reject) => {
        if (failed) return reject(failed);
        let value: Record<string, unknown> | null = null;
        let expected = 0;
        const pieces: string[] = [];
        const done = (settle: () => void): void => {
          worker.removeAllListeners();
          worker.on('error', () => undefined); // stopping it is all that is left
          void worker.terminate();
          settle();
        };
        worker.on('message', (reply: unknown) => {
          if (value === null) {
            const first = readerReply(reply);
            if (first === null) return done(() => reject(new SyntaxError('not JSON')));
            if (first.pieces === 0) return done(() => resolve(first.value));
            // Pieces come only for an object (the reader checks), so the value can take them back.
            value = first.value as Record<string, unknown>;
            expected = first.pieces;
            worker.postMessage(NEXT);
            return;
          }
          if (typeof reply !== 'string') return done(() => reject(new Error('the JSON reader sent no text piece')));
          pieces.push(reply);
          if (pieces.length < expected) {
            // The next piece is taken in a turn of its own.
            setImmediate(() => worker.postMessage(NEXT));
            return;
          }
          const whole = value;
          const field = options.piecedField ?? '';
          done(() => resolve({ ...whole, [field]: pieces }));
        });
        worker.once('error', (error) => done(() => reject(error)));
        worker.once('exit', (code) => done(() => reject(new Error(`the JSON reader stopped (exit code ${code})`))));
        worker.postMessage(END);
      }),
  };
}

function readerReply(reply: unknown): { value: unknown; pieces: number } | null {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply) || reply.ok !== true) return null;
  if (!('value' in reply) || !('pieces' in reply) || typeof reply.pieces !== 'number') return null;
  return { value: reply.value, pieces: reply.pieces };
}
