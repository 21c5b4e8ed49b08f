import type { ImportFormat } from '../../../shared/models/paper.js';
import { Worker } from 'node:worker_threads';
import {
  PARSE_WORKER_NEXT,
  PARSE_WORKER_TEXT_PIECE,
  ParseWorkerPartSchema,
  ParseWorkerReplySchema,
} from './parse-worker-protocol.js';
import { LibraryError } from '../storage/errors.js';
import type { ImportParseRequest, ImportParser, ParsedImport } from './import-parser.js';
import { detectFormat, DETECT_CHARS } from './detect-format.js';
import { splitBibtex, SPLIT_MIN_CHARS } from './bibtex-split.js';
import { joinParts, type FilePart } from './file-parts.js';
import { splitRis } from './ris-split.js';
import { JSON_SPLIT_MIN_CHARS, splitJsonArray } from './json-split.js';
import { isBlank, leadingText, linePieces, sameText, textLength, type ImportText } from './text-pieces.js';
import { availableParallelism } from 'node:os';
import { firstIssue } from '../../../shared/validation.js';

/** Workers reading one large BibTeX, RIS or CSL-JSON file together: one per core, at most four. */
const PARSE_WORKERS = Math.min(4, Math.max(1, availableParallelism()));

export interface WorkerParserOptions {
  /** How many workers read a large BibTeX, RIS or CSL-JSON file together (default: one per core, at most four). */
  readonly workers?: number;
  /** The shortest CSL-JSON text read in parts (default `JSON_SPLIT_MIN_CHARS`). */
  readonly jsonSplitMinChars?: number;
  /** Time allowed for an empty input; each megabyte adds `msPerMegabyte`. Digests get `digestMs`. */
  readonly baseMs?: number;
  readonly msPerMegabyte?: number;
  /** Digests parse at ~150 ms per MB at worst here, so they get a tighter limit than BibTeX (issue 18). */
  readonly digestBaseMs?: number;
  readonly digestMsPerMegabyte?: number;
}

const MB = 1_048_576;

/**
 * Parse each import in a worker thread of its own, so a large or hostile input never blocks the main
 * process's event loop, and stop it when it runs past its time: the user gets an error, the library is
 * untouched (nothing is planned until parsing returns). The last parse is kept: the preview asks again
 * with the same text after every correction and tick, and "Import" asks once more. A parse of other
 * text replaces one still running (only the newest paste matters).
 */
export function workerParser(workerPath: string, options: WorkerParserOptions = {}): ImportParser {
  let last: { key: RequestKey; result: Promise<ParsedImport> } | null = null;
  /** The parse under way, and how many callers still wait for it (a cancel stops it only when none does). */
  let running: { key: RequestKey; stop: (reason?: LibraryError) => void; waiting: number } | null = null;
  const parse = (request: ImportParseRequest, key: RequestKey): Promise<ParsedImport> => {
    if (last && sameKey(last.key, key)) return last.result;
    if (running && !sameKey(running.key, key)) running.stop();
    const size = textLength(request.text) + (request.html?.length ?? 0);
    const format =
      request.format === 'auto'
        ? isBlank(request.text)
          ? 'digest'
          : detectFormat(leadingText(request.text, DETECT_CHARS), request.fileName)
        : request.format;
    const digest = format === 'digest';
    const [base, perMb] = digest
      ? [options.digestBaseMs ?? 5_000, options.digestMsPerMegabyte ?? 2_000]
      : [options.baseMs ?? 30_000, options.msPerMegabyte ?? 30_000];
    const limitMs = Math.round(base + (perMb * size) / MB);
    const workers = options.workers ?? PARSE_WORKERS;
    const split = splitter(format, request.text, workers, options.jsonSplitMinChars ?? JSON_SPLIT_MIN_CHARS);
    const run = split
      ? runSplit(workerPath, { ...request, format }, split, limitMs)
      : runInWorker(workerPath, request, { head: '', body: linePieces(request.text), firstLine: 1 }, limitMs);
    running = { key, stop: run.stop, waiting: 0 };
    const result = run.result.finally(() => {
      if (running?.key === key) running = null;
    });
    last = { key, result };
    // A failed parse is not kept: the same text may be asked for again once the machine is less busy.
    result.catch(() => {
      if (last?.key === key) last = null;
    });
    return result;
  };
  return (request, signal) => {
    const key = requestKey(request);
    const result = parse(request, key);
    const shared = running && sameKey(running.key, key) ? running : null;
    if (!signal || !shared) return signal ? cancellable(result, signal, () => undefined) : result;
    shared.waiting++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      shared.waiting--;
    };
    result.then(release, release);
    // A cancel stops the worker at once (a large file's parse takes seconds) when no other caller waits for it.
    return cancellable(result, signal, () => {
      release();
      if (running === shared && shared.waiting === 0) shared.stop(cancelledWhileReading());
    });
  };
}

/** How a large file of `format` is cut into parts, one per worker; null when it is read whole (too small to cut). */
function splitter(
  format: ImportFormat,
  text: ImportText,
  workers: number,
  jsonMinChars: number,
): (() => Promise<FilePart[] | null>) | null {
  if (textLength(text) < (format === 'csl-json' ? jsonMinChars : SPLIT_MIN_CHARS)) return null;
  switch (format) {
    case 'bibtex':
      return () => splitBibtex(text, workers);
    case 'ris':
      return () => splitRis(text, workers, SPLIT_MIN_CHARS);
    case 'csl-json':
      return () => splitJsonArray(text, workers, jsonMinChars);
    default:
      return null;
  }
}

function cancelledWhileReading(): LibraryError {
  return new LibraryError('conflict', 'the import was cancelled while reading it; nothing was imported');
}

/** `result`, or the cancel's error as soon as `signal` is aborted (after `onAbort`). */
function cancellable(result: Promise<ParsedImport>, signal: AbortSignal, onAbort: () => void): Promise<ParsedImport> {
  return new Promise<ParsedImport>((resolve, reject) => {
    const abort = (): void => {
      onAbort();
      reject(cancelledWhileReading());
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    result.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * What makes two parses the same. The texts are kept and compared as they are, not hashed: comparing is a
 * memory comparison (or nothing, for the same string), where hashing 25 MB held the event loop for ~80 ms.
 */
interface RequestKey {
  readonly text: ImportText;
  readonly rest: readonly [string, string, string, string];
}

function requestKey(request: ImportParseRequest): RequestKey {
  return {
    text: request.text,
    rest: [request.format, request.fileName ?? '', request.today.toISOString().slice(0, 10), request.html ?? ''],
  };
}

function sameKey(a: RequestKey, b: RequestKey): boolean {
  return a.rest.every((part, i) => part === b.rest[i]) && sameText(a.text, b.text);
}

/**
 * Large BibTeX, RIS or CSL-JSON: cut into parts by `split` (in turns of the event loop), each read by a worker; read
 * whole when it cannot be cut. A CSL-JSON part that cannot be read means the file is not JSON where the cut assumed
 * it was (json-split.ts): the file is then read whole, so the error says where it stops being JSON.
 */
function runSplit(
  workerPath: string,
  request: ImportParseRequest & { readonly format: ImportFormat },
  split: () => Promise<FilePart[] | null>,
  limitMs: number,
): { result: Promise<ParsedImport>; stop: (reason?: LibraryError) => void } {
  let stopped: LibraryError | null = null;
  let started: { stop: (reason?: LibraryError) => void } | null = null;
  let rejectNow: (reason: LibraryError) => void = () => undefined;
  // A stop rejects at once, as a worker's does, even while the file is still being cut (a stopped parse is
  // forgotten before the same text can be asked for again).
  const stoppedNow = new Promise<never>((_resolve, reject) => (rejectNow = reject));
  const readWhole = (): Promise<ParsedImport> => {
    if (stopped) throw stopped;
    const run = runInWorker(workerPath, request, { head: '', body: linePieces(request.text), firstLine: 1 }, limitMs);
    started = run;
    return run.result;
  };
  const reading = split().then((parts) => {
    if (stopped) throw stopped;
    if (!parts) return readWhole();
    const run = runInParts(workerPath, request, parts, limitMs);
    started = run;
    return request.format === 'csl-json' ? run.result.catch(readWhole) : run.result;
  });
  reading.catch(() => undefined); // after a stop, its rejection is the one already given
  const result = Promise.race([reading, stoppedNow]);
  const stop = (reason?: LibraryError): void => {
    stopped = reason ?? new LibraryError('conflict', `reading ${request.fileName ?? 'the pasted text'} was stopped`);
    rejectNow(stopped);
    started?.stop(reason);
  };
  return { result, stop };
}

/**
 * Each part in a worker of its own, all at once (`request` names the format, so no part is detected alone); the
 * readings joined as one reading of the whole file.
 */
function runInParts(
  workerPath: string,
  request: ImportParseRequest & { readonly format: ImportFormat },
  parts: readonly FilePart[],
  limitMs: number,
): { result: Promise<ParsedImport>; stop: (reason?: LibraryError) => void } {
  const runs = parts.map((part) => runInWorker(workerPath, request, part, limitMs));
  const stop = (reason?: LibraryError): void => runs.forEach((run) => run.stop(reason));
  const result = Promise.all(runs.map((run) => run.result)).then(
    (results) => joinParts(results, request.format),
    (error: unknown) => {
      stop(); // one part failed: the others are not needed
      throw error;
    },
  );
  return { result, stop };
}

/** Pieces of at most `PARSE_WORKER_TEXT_PIECE` characters (a slice shares its string's memory: nothing is copied). */
function smallPieces(pieces: readonly string[]): string[] {
  const small: string[] = [];
  for (const piece of pieces)
    for (let at = 0; at < piece.length; at += PARSE_WORKER_TEXT_PIECE)
      small.push(piece.slice(at, at + PARSE_WORKER_TEXT_PIECE));
  return small;
}

/**
 * Read `part` (the request's whole text, or a part of it) in a worker of its own. A long text goes after the
 * request, in pieces (each copied in a turn of its own), never joined here: that would copy it whole.
 */
function runInWorker(
  workerPath: string,
  request: ImportParseRequest,
  part: FilePart,
  limitMs: number,
): { result: Promise<ParsedImport>; stop: (reason?: LibraryError) => void } {
  let stop = (_reason?: LibraryError): void => undefined;
  const result = new Promise<ParsedImport>((resolve, reject) => {
    const { head, body, tail = '', firstLine, firstItem = 1 } = part;
    const long = head.length + textLength(body) + tail.length > PARSE_WORKER_TEXT_PIECE;
    const pieces = long ? smallPieces([head, ...body, tail]) : [];
    const workerData = long
      ? { ...request, text: '', textPieces: pieces.length, firstLine, firstItem }
      : { ...request, text: head + body.join('') + tail, firstLine, firstItem };
    const worker = new Worker(workerPath, { workerData, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    let settled = false;
    // The text after the request, a piece per turn (see ParseWorkerRequestSchema).
    let sent = 0;
    const sendNext = (): void => {
      if (settled || sent >= pieces.length) return;
      worker.postMessage({ textPiece: pieces[sent++] });
      setImmediate(sendNext);
    };
    sendNext();
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const where = request.fileName ?? 'the pasted text';
    // A parse that needs more than `limitMs` is not a paper list; the worker fails alone, not the app.
    const timer = setTimeout(() => {
      settle(() =>
        reject(
          new LibraryError(
            'invalid-request',
            `reading ${where} took longer than ${Math.round(limitMs / 1000)} s, so it was stopped; nothing was imported`,
          ),
        ),
      );
    }, limitMs);
    stop = (reason) =>
      settle(() =>
        reject(reason ?? new LibraryError('conflict', `reading ${where} was stopped: newer text was given to import`)),
      );
    const parts: unknown[][] = [];
    worker.on('message', (message: unknown) => {
      const part = ParseWorkerPartSchema.safeParse(message);
      if (part.success) {
        parts.push([...part.data.part]);
        // The next part is read in a turn of its own: the event loop answers what waits in between.
        setImmediate(() => {
          if (!settled) worker.postMessage(PARSE_WORKER_NEXT);
        });
        return;
      }
      settle(() => {
        const reply = ParseWorkerReplySchema.safeParse(message);
        if (!reply.success)
          reject(
            new LibraryError(
              'io',
              `the import reader gave an answer that is not a parse (${firstIssue(reply.error).message})`,
            ),
          );
        else if (reply.data.ok)
          resolve({ ...(reply.data.result as ParsedImport), entries: parts.flat() as ParsedImport['entries'] }); // envelope checked above; entries come from our own parsers
        else reject(new LibraryError(reply.data.code, reply.data.message));
      });
    });
    worker.once('error', (error) =>
      settle(() => reject(new LibraryError('invalid-request', `the import could not be read: ${error.message}`))),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new LibraryError('io', `the import reader stopped unexpectedly (exit code ${code})`))),
    );
  });
  return { result, stop: (reason) => stop(reason) };
}
