/**
 * Large RIS read in parts, each by a worker of its own, as large BibTeX is (see bibtex-split.ts). A RIS reader
 * keeps nothing across an `ER` line: right after one it is exactly where it is at the start of a file. So a file
 * cut just after `ER` lines reads as the same entries and failures, in the same order, lines counted from the cut
 * (joined by `joinParts`: its failures come in line order, as a RIS reader reports them). The file is read as line
 * pieces (text-pieces.ts), never joined here.
 */
import { partBodies, type FilePart, type PieceAt } from './file-parts.js';
import { isRisEndLine } from './ris.js';
import { textLength, unixLinePieces, type ImportText } from './text-pieces.js';

/** The file cut into about `parts` pieces of similar size, each just after an `ER` line; null when it is not cut. */
export async function splitRis(input: ImportText, parts: number, minChars: number): Promise<FilePart[] | null> {
  if (parts < 2 || textLength(input) < minChars) return null;
  // Line breaks as the reader makes them, so lines are counted alike.
  const pieces = await unixLinePieces(input);
  if (!pieces) return null;
  const length = textLength(pieces);
  const cuts: PieceAt[] = [{ piece: 0, at: 0 }];
  const firstLines: number[] = [1];
  let line = 1;
  let at: PieceAt = { piece: 0, at: 0 };
  while (cuts.length < parts) {
    const wanted = placeOf(pieces, Math.floor((cuts.length * length) / parts));
    // Count lines up to where the search for the next end starts.
    const cut = nextCutAfter(pieces, before(at, wanted) ? wanted : at);
    if (cut === null) break;
    line += countLines(pieces, at, cut);
    at = cut;
    cuts.push(cut);
    firstLines.push(line);
  }
  if (cuts.length < 2) return null;
  return partBodies(pieces, cuts).map((body, k) => ({ head: '', body, firstLine: firstLines[k] ?? 1 }));
}

function before(a: PieceAt, b: PieceAt): boolean {
  return a.piece < b.piece || (a.piece === b.piece && a.at < b.at);
}

/** Where the `offset`-th character of the whole text is. */
function placeOf(pieces: readonly string[], offset: number): PieceAt {
  let left = offset;
  for (const [piece, text] of pieces.entries()) {
    if (left < text.length) return { piece, at: left };
    left -= text.length;
  }
  return { piece: pieces.length - 1, at: (pieces[pieces.length - 1] ?? '').length };
}

/** Where the line after the first `ER` line at or after `from` starts; null when there is none before the end. */
function nextCutAfter(pieces: readonly string[], from: PieceAt): PieceAt | null {
  // From the start of the line `from` is in (no line is in two pieces).
  let start = (pieces[from.piece] ?? '').lastIndexOf('\n', from.at - 1) + 1;
  for (let p = from.piece; p < pieces.length; p++, start = 0) {
    const text = pieces[p] ?? '';
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      if (end === -1) return null; // the file's last line: nothing after it to cut off
      if (text.startsWith('ER', start) && isRisEndLine(text.slice(start, end))) {
        if (end + 1 < text.length) return { piece: p, at: end + 1 };
        return p + 1 < pieces.length ? { piece: p + 1, at: 0 } : null;
      }
      start = end + 1;
    }
  }
  return null;
}

/** Line breaks from `from` up to `to`. */
function countLines(pieces: readonly string[], from: PieceAt, to: PieceAt): number {
  let lines = 0;
  for (let p = from.piece; p <= to.piece && p < pieces.length; p++) {
    const text = pieces[p] ?? '';
    const end = p === to.piece ? to.at : text.length;
    for (let i = text.indexOf('\n', p === from.piece ? from.at : 0); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
      lines++;
  }
  return lines;
}
