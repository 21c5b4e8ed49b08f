/**
 * Large BibTeX read in parts, each by a worker of its own (issue 18: the parser is the import's bottleneck,
 * ~0.4 ms per entry). Entries are independent, so a file cut between entries reads as the same entries,
 * provided each part is given the `@string` macros defined above it, and nothing else reaches across entries
 * or depends on the whole file (cross-references, a preamble, a Scopus header); such files are read whole.
 *
 * The file is read as line pieces (text-pieces.ts), a piece per turn of the event loop, and never joined here.
 */
import { partBodies, type FilePart, type PieceAt } from './file-parts.js';
import { mendsAsAWhole } from './bibtex-exports.js';
import { turns } from '../storage/turns.js';
import { LineStartPattern } from './line-starts.js';
import { textLength, unixLinePieces, type ImportText } from './text-pieces.js';

/** Below this, one worker reads the file sooner than two can be started. */
export const SPLIT_MIN_CHARS = 1024 * 1024;

/** What one entry may use of another (cross-references, a preamble): then the file is read whole. */
const PREAMBLE = /@\s*preamble\s*[{(]/i;
const REFERENCE_FIELD = new LineStartPattern(String.raw`\s*(crossref|xdata|xref|set)\s*=`, 'i');
const reachesAcross = (piece: string): boolean => PREAMBLE.test(piece) || !REFERENCE_FIELD.matchAll(piece).next().done;
/** A macro definition opening a line (`@string{jmlr = {…}}`); each part is given those above it. */
const MACRO = new LineStartPattern(String.raw`@\s*string\s*([{(])`, 'i');

/**
 * The file cut into about `parts` pieces of similar size, each starting at an entry (an `@` opening a line
 * outside every brace), or null when it must be read whole. Line breaks are made `\n` first, as the parser does.
 */
export async function splitBibtex(
  input: ImportText,
  parts: number,
  minChars = SPLIT_MIN_CHARS,
): Promise<FilePart[] | null> {
  if (parts < 2 || textLength(input) < minChars) return null;
  const pieces = await unixLinePieces(input);
  if (!pieces || (await anyPiece(pieces, (piece) => reachesAcross(piece) || mendsAsAWhole(piece)))) return null;
  const length = textLength(pieces);
  // Braces and line breaks found by a regex (a loop over every character took 120 ms for 25 MB), in turns:
  // the main process keeps answering meanwhile.
  const work = turns();
  const cuts: PieceAt[] = [{ piece: 0, at: 0 }];
  const lineAtCut: number[] = [1];
  let depth = 0;
  let lines = 1;
  let offset = 0;
  for (const [k, piece] of pieces.entries()) {
    const marks = /[{}\n]/g;
    for (let seen = 0, m = marks.exec(piece); m !== null; m = marks.exec(piece)) {
      if ((++seen & 0xffff) === 0 && work.due()) await work.turn();
      const ch = m[0];
      if (ch === '{') depth++;
      else if (ch === '}') depth = Math.max(0, depth - 1);
      else {
        lines++;
        const i = m.index;
        const wanted = (cuts.length * length) / parts;
        // Pieces end at line breaks, so a line ending a piece is followed by the next piece's first.
        const next = i + 1 < piece.length ? { piece: k, at: i + 1 } : { piece: k + 1, at: 0 };
        const lineStart = (pieces[next.piece] ?? '').slice(next.at, next.at + 40);
        if (depth === 0 && cuts.length < parts && offset + i + 1 >= wanted && /^@\s*[A-Za-z]/.test(lineStart)) {
          cuts.push(next);
          lineAtCut.push(lines);
        }
      }
    }
    offset += piece.length;
    if (work.due()) await work.turn();
  }
  if (cuts.length < 2) return null;
  const macros = macroDefinitions(pieces);
  if (!macros) return null;
  return partBodies(pieces, cuts).map((body, k) => {
    const cut = cuts[k] ?? { piece: 0, at: 0 };
    const above = macros.filter((m) => m.end.piece < cut.piece || (m.end.piece === cut.piece && m.end.at <= cut.at));
    const firstLine = lineAtCut[k] ?? 1;
    // On one line of their own above the part (their line breaks are spaces to BibTeX), so its lines shift by one.
    return above.length === 0
      ? { head: '', body, firstLine }
      : { head: `${above.map((m) => m.text).join(' ')}\n`, body, firstLine: firstLine - 1 };
  });
}

/**
 * Whether `test` holds on some piece, each checked in a turn of its own (the whole 25 MB at once held the event loop
 * ~80 ms) with the line before it, so a match spanning a line break is seen; a piece's first line read on its own can
 * only add matches, which make the file be read whole.
 */
async function anyPiece(pieces: readonly string[], test: (piece: string) => boolean): Promise<boolean> {
  const work = turns();
  for (const [k, piece] of pieces.entries()) {
    const before = k === 0 ? '' : (pieces[k - 1] ?? '');
    const lineBefore = before.slice(before.lastIndexOf('\n', before.length - 2) + 1);
    if (test(lineBefore + piece)) return true;
    if (work.due()) await work.turn();
  }
  return false;
}

/** Every `@string{…}` with where it ends, written on one line; null when one is not closed (read whole). */
function macroDefinitions(pieces: readonly string[]): Array<{ text: string; end: PieceAt }> | null {
  const found: Array<{ text: string; end: PieceAt }> = [];
  for (const [k, piece] of pieces.entries()) {
    for (const match of MACRO.matchAll(piece)) {
      if (match[1] !== '{') return null;
      // The definition runs from its `{` to the brace closing it, on into later pieces if it must.
      let depth = 0;
      let text = '';
      let end: PieceAt | null = null;
      for (let p = k, from = match.index + match[0].length - 1; p < pieces.length && end === null; p++, from = 0) {
        const within = pieces[p] ?? '';
        let i = from;
        for (; i < within.length; i++) {
          const ch = within[i];
          if (ch === '{') depth++;
          else if (ch === '}' && --depth === 0) break;
        }
        const start = p === k ? match.index : 0;
        if (i < within.length) {
          text += within.slice(start, i + 1);
          end = { piece: p, at: i + 1 };
        } else text += within.slice(start);
      }
      if (end === null) return null;
      found.push({ text: text.replace(/\n/g, ' '), end });
    }
  }
  return found;
}
