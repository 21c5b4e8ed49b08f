/**
 * An import's text as pieces of about a megabyte, each ending at a line break (issue 18). The main process never
 * makes a large import one string: writing 25 million characters of new memory in one step held its event loop
 * ~250 ms. The HTTP host's JSON reader hands a large body's text over in such pieces, one per turn; the splitters
 * cut them into parts for the parse workers, which join what they are given.
 */

import { turns } from '../storage/turns.js';

/** An import's text: one string (a paste, a file read by the CLI) or pieces of one (`linePieces`). */
export type ImportText = string | readonly string[];

/** Pieces hold about this many characters. */
export const LINE_PIECE_CHARS = 1 << 20;

/**
 * `text` cut after the first line break (`\n`, `\r\n` or `\r`) at or past every `size` characters. A line longer
 * than three pieces is cut inside, so no piece grows past four; `endAtLines` tells such pieces apart. Self-contained
 * (no name from outside its body), as the HTTP host's JSON reader runs its source in a worker.
 */
export function cutAtLines(text: string, size: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > size) {
    const ahead = text.slice(start + size, start + 4 * size);
    const lineBreak = /\r\n?|\n/.exec(ahead);
    const end = lineBreak === null ? start + size : start + size + lineBreak.index + lineBreak[0].length;
    pieces.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length || pieces.length === 0) pieces.push(text.slice(start));
  return pieces;
}

/** The text as line pieces of about `LINE_PIECE_CHARS` (a string is cut; pieces are taken as they are). */
export function linePieces(text: ImportText, size = LINE_PIECE_CHARS): readonly string[] {
  return typeof text === 'string' ? cutAtLines(text, size) : text;
}

/** Whether every piece but the last ends a line, so that no line is in two pieces. */
export function endAtLines(pieces: readonly string[]): boolean {
  return pieces.every((piece, i) => i === pieces.length - 1 || /[\r\n]$/.test(piece));
}

export function textLength(text: ImportText): number {
  if (typeof text === 'string') return text.length;
  let length = 0;
  for (const piece of text) length += piece.length;
  return length;
}

/** The first `chars` characters (or a little more): what format detection reads. */
export function leadingText(text: ImportText, chars: number): string {
  if (typeof text === 'string') return text.slice(0, chars);
  let lead = '';
  for (const piece of text) {
    if (lead.length >= chars) break;
    lead += piece.slice(0, chars - lead.length);
  }
  return lead;
}

/** Whether the text has nothing but white space. */
export function isBlank(text: ImportText): boolean {
  return typeof text === 'string' ? text.trim() === '' : text.every((piece) => piece.trim() === '');
}

/** The whole text as one string: for a worker, or a text small enough to join in a step. */
export function wholeText(text: ImportText): string {
  return typeof text === 'string' ? text : text.join('');
}

/** Whether two texts are the same, compared piece by piece (a text given both ways counts as two). */
export function sameText(a: ImportText, b: ImportText): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((piece, i) => piece === b[i]);
}

/**
 * The text as line pieces with every line break made `\n`, as the parsers make them (so lines are counted alike),
 * a piece per turn; null when some line is in two pieces (a line of megabytes: such a file is read whole).
 */
export async function unixLinePieces(text: ImportText): Promise<string[] | null> {
  const pieces = linePieces(text);
  if (!endAtLines(pieces)) return null;
  const work = turns();
  const unix: string[] = [];
  for (const piece of pieces) {
    // A piece ends at a line break, so none is cut between its `\r` and `\n`.
    unix.push(piece.includes('\r') ? piece.replace(/\r\n?/g, '\n') : piece);
    if (work.due()) await work.turn();
  }
  return unix;
}
