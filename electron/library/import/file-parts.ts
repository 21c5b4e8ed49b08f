/**
 * A large file read in parts, each by a parse worker of its own (bibtex-split.ts, ris-split.ts cut it), and the
 * parts' readings joined into one reading of the whole file.
 */
import type { ImportFailure } from '../../../shared/models/import-report.js';
import type { ImportFormat } from '../../../shared/models/paper.js';
import type { ParsedImport } from './import-parser.js';

/**
 * One part of a file: the line of the file it starts on, and its text as `head` + `body` + `tail`. The body is a run
 * of the file's line pieces (text-pieces.ts); the head and tail are what must be read around it to make it a file of
 * its own ('' or a line of the file's macro definitions; the brackets of a JSON array). None is joined in the main
 * process: at 12 MB, making a part one string held its event loop ~90 ms.
 */
export interface FilePart {
  readonly head: string;
  readonly body: readonly string[];
  readonly tail?: string;
  readonly firstLine: number;
  /** The number of the part's first item in the whole file (CSL-JSON's items are named by number). */
  readonly firstItem?: number;
}

/** The part's whole text, as its worker reads it. */
export function partText(part: FilePart): string {
  return part.head + part.body.join('') + (part.tail ?? '');
}

/** A place in a text given as pieces: a piece, and a character in it. */
export interface PieceAt {
  readonly piece: number;
  readonly at: number;
}

/** The text between each cut and the next (the last to the end), as slices of `pieces`; cuts in file order. */
export function partBodies(pieces: readonly string[], cuts: readonly PieceAt[]): string[][] {
  return cuts.map((from, k) => {
    const to = cuts[k + 1] ?? { piece: pieces.length - 1, at: (pieces[pieces.length - 1] ?? '').length };
    const body: string[] = [];
    for (let p = from.piece; p <= to.piece; p++) {
      const piece = pieces[p] ?? '';
      const slice = piece.slice(p === from.piece ? from.at : 0, p === to.piece ? to.at : piece.length);
      if (slice !== '') body.push(slice);
    }
    return body;
  });
}

/**
 * A part's reading with its lines counted in the whole file (the part starts on `firstLine`). The part's worker does
 * this before it answers, so joining the parts copies no entry in the main process: copying 10,000 there, and the
 * collection that set off, held its event loop ~70 ms.
 */
export function inFileLines(result: ParsedImport, firstLine: number): ParsedImport {
  if (firstLine === 1) return result;
  const shift = (line: number | null) => (line === null ? null : line + firstLine - 1);
  return {
    ...result,
    entries: result.entries.map((e) => ({ ...e, line: shift(e.line) })),
    failures: result.failures.map((f) => ({ ...f, line: shift(f.line) })),
  };
}

/** The parts' readings (each in the file's lines, `inFileLines`) as one, failures in file order. */
export function joinParts(readings: readonly ParsedImport[], format: ImportFormat): ParsedImport {
  return {
    format,
    entries: readings.flatMap((reading) => reading.entries),
    failures: inFileOrder(readings.flatMap((reading) => reading.failures)),
  };
}

/** Failures by line (stable; those without a line last), as one reading of the whole file lists them. */
export function inFileOrder(failures: readonly ImportFailure[]): ImportFailure[] {
  return failures
    .map((failure, at) => ({ failure, at }))
    .sort((a, b) => (a.failure.line ?? Infinity) - (b.failure.line ?? Infinity) || a.at - b.at)
    .map(({ failure }) => failure);
}
