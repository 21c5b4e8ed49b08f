/**
 * A large file read in parts, each by a parse worker of its own (bibtex-split.ts, ris-split.ts cut it), and the
 * parts' readings joined into one reading of the whole file.
 */
import type { ImportFailure } from '../../../shared/models/import-report.js';
import type { ImportFormat } from '../../../shared/models/paper.js';
import type { ParsedImport } from './import-parser.js';

/**
 * One part of a file: the line of the file it starts on, and its text as `head` + `body`. The body is a slice of
 * the file; the head is what must be read before it ('' or a line of the file's macro definitions). They are kept
 * apart because joining them makes a new string of the body's size: at 12 MB, copying it in one step (when it is
 * cut into pieces for the worker) held the main process's event loop for ~90 ms.
 */
export interface FilePart {
  readonly head: string;
  readonly body: string;
  readonly firstLine: number;
}

/** The part's whole text, as its worker reads it. */
export function partText(part: FilePart): string {
  return part.head + part.body;
}

/** The parts' readings as one: lines counted in the whole file, failures in file order. */
export function joinParts(
  read: ReadonlyArray<{ readonly part: FilePart; readonly result: ParsedImport }>,
  format: ImportFormat,
): ParsedImport {
  const shift = (line: number | null, part: FilePart) => (line === null ? null : line + part.firstLine - 1);
  return {
    format,
    entries: read.flatMap(({ part, result }) => result.entries.map((e) => ({ ...e, line: shift(e.line, part) }))),
    failures: inFileOrder(
      read.flatMap(({ part, result }) => result.failures.map((f) => ({ ...f, line: shift(f.line, part) }))),
    ),
  };
}

/** Failures by line (stable; those without a line last), as one reading of the whole file lists them. */
export function inFileOrder(failures: readonly ImportFailure[]): ImportFailure[] {
  return failures
    .map((failure, at) => ({ failure, at }))
    .sort((a, b) => (a.failure.line ?? Infinity) - (b.failure.line ?? Infinity) || a.at - b.at)
    .map(({ failure }) => failure);
}
