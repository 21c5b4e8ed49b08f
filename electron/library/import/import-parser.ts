import type { ImportFormat } from '../../../shared/models/paper.js';
import type { ParseResult } from '../paper/entry.js';
import { wholeText, type ImportText } from './text-pieces.js';

/** What a parser is asked to read: plain data, so it can cross into a worker thread. */
export interface ImportParseRequest {
  readonly text: ImportText;
  readonly format: ImportFormat | 'auto';
  readonly fileName: string | null;
  readonly html: string | null;
  readonly today: Date;
  /** The number of the text's first item when it is a part of a CSL-JSON file (json-split.ts). */
  readonly firstItem?: number;
}

export type ParsedImport = ParseResult & { readonly format: ImportFormat };

/** Reads an import; the library calls it before planning. An aborted `signal` may stop the reading early. */
export type ImportParser = (request: ImportParseRequest, signal?: AbortSignal) => Promise<ParsedImport>;

/**
 * Parse on the calling thread (tests, and wherever no worker is built). The parsers (TeX, HTML, XML, Unicode
 * tables) are loaded on the first import, not when a library opens: ~40 ms of every start.
 */
export const parseInProcess: ImportParser = async (request) => {
  const { parseImport } = await import('./parse-import.js');
  return parseImport(wholeText(request.text), request.format, {
    fileName: request.fileName,
    today: request.today,
    html: request.html,
    ...(request.firstItem === undefined ? {} : { firstItem: request.firstItem }),
  });
};
