import { z } from 'zod';
import { ImportFailureSchema } from '../../../shared/models/import-report.js';
import { ImportFormatSchema } from '../../../shared/models/paper.js';
import { LIBRARY_ERROR_CODES, type LibraryErrorCode } from '../storage/errors.js';
import type { ParsedImport } from './import-parser.js';

/**
 * What the parse worker is given (as `workerData`): checked on arrival like any other boundary. A large text comes
 * after it in `textPieces` messages (`ParseWorkerTextPieceSchema`), appended to `text` in order: each is copied in a
 * turn of its own, where a 12 MB text copied into `workerData` held the main process's event loop ~40 ms.
 */
export const ParseWorkerRequestSchema = z.object({
  text: z.string(),
  textPieces: z.number().int().min(0).default(0),
  format: z.union([z.literal('auto'), ImportFormatSchema]),
  fileName: z.string().nullable(),
  html: z.string().nullable(),
  today: z.date(),
  /** The line of the file the text starts on (a part of a file): the answer's lines are the file's. */
  firstLine: z.number().int().min(1).default(1),
  /** The number of the text's first item (a part of a CSL-JSON file): the answer's items are named as the file's. */
  firstItem: z.number().int().min(1).default(1),
});

/** One piece of the text, in order (see `ParseWorkerRequestSchema`). */
export const ParseWorkerTextPieceSchema = z.object({ textPiece: z.string() });

/** Texts longer than this go to the worker in pieces of this many characters. */
export const PARSE_WORKER_TEXT_PIECE = 1 << 20;

/**
 * The worker's one answer: the parse, or the error it raised. The parse's envelope is checked; its
 * entries were made by our own parsers in the worker and are not checked field by field (that would
 * cost as much as the parse).
 */
export const ParseWorkerReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    result: z
      .object({
        format: ImportFormatSchema,
        entries: z.array(z.unknown()).readonly(),
        failures: z.array(ImportFailureSchema).readonly(),
      })
      .loose(),
  }),
  z.object({
    ok: z.literal(false),
    code: z.enum(LIBRARY_ERROR_CODES as [LibraryErrorCode, ...LibraryErrorCode[]]).catch('invalid-request'),
    message: z.string(),
  }),
]);
/**
 * The parse's entries come first, a part at a time, each sent when the main process asks for the next
 * (`PARSE_WORKER_NEXT`): each part is read in a turn of its own, so 10,000 entries never hold the main
 * process's event loop at once. The answer then follows with no entries of its own.
 */
export const ParseWorkerPartSchema = z.object({ part: z.array(z.unknown()).readonly() });
/** Entries in a part: a few milliseconds to read. */
export const PARSE_WORKER_PART = 250;
/** What the main process sends the worker to have the next part. */
export const PARSE_WORKER_NEXT = 'next';

/** What the worker sends; `ParseWorkerReplySchema` is how the main process reads it. */
export type ParseWorkerReply =
  | { readonly part: ParsedImport['entries'] }
  | { readonly ok: true; readonly result: ParsedImport }
  | { readonly ok: false; readonly code: LibraryErrorCode; readonly message: string };
