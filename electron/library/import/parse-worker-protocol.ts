import { z } from 'zod';
import type { ParsedImport } from './import-parser.js';
import { LIBRARY_ERROR_CODES } from '../storage/errors.js';

/** The parse worker's one answer: the parse, or the error it raised. */
export type ParseWorkerReply = { readonly ok: true; readonly result: ParsedImport } | { readonly ok: false; readonly code: string; readonly message: string };

export const LibraryErrorCodeSchema = z.enum(LIBRARY_ERROR_CODES);
