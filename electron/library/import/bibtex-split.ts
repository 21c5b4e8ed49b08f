/**
 * Large BibTeX read in parts, each by a worker of its own (issue 18: the parser is the import's bottleneck,
 * ~0.4 ms per entry). Entries are independent, so a file cut between entries reads as the same entries,
 * provided each part is given the `@string` macros defined above it, and nothing else reaches across entries
 * or depends on the whole file (cross-references, a preamble, a Scopus header); such files are read whole.
 */
import type { FilePart } from './file-parts.js';
import { mendsAsAWhole } from './bibtex-exports.js';
import { turns } from '../storage/turns.js';
import { LineStartPattern } from './line-starts.js';

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
  input: string,
  parts: number,
  minChars = SPLIT_MIN_CHARS,
): Promise<FilePart[] | null> {
  if (parts < 2 || input.length < minChars) return null;
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  if (await anyPiece(text, (piece) => reachesAcross(piece) || mendsAsAWhole(piece))) return null;
  // Braces and line breaks found by a regex (a loop over every character took 120 ms for 25 MB), in turns:
  // the main process keeps answering meanwhile.
  const work = turns();
  const cuts: number[] = [0];
  let depth = 0;
  let lines = 1;
  const lineAtCut: number[] = [1];
  const marks = /[{}\n]/g;
  for (let seen = 0, m = marks.exec(text); m !== null; m = marks.exec(text)) {
    if ((++seen & 0xffff) === 0 && work.due()) await work.turn();
    const ch = m[0];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else {
      lines++;
      const i = m.index;
      const wanted = (cuts.length * text.length) / parts;
      if (depth === 0 && cuts.length < parts && i + 1 >= wanted && /^@\s*[A-Za-z]/.test(text.slice(i + 1, i + 40))) {
        cuts.push(i + 1);
        lineAtCut.push(lines);
      }
    }
  }
  if (cuts.length < 2) return null;
  const macros = macroDefinitions(text);
  if (!macros) return null;
  return cuts.map((start, k) => {
    const body = text.slice(start, cuts[k + 1] ?? text.length);
    const above = macros.filter((m) => m.end <= start).map((m) => m.text);
    // On one line of their own above the part (their line breaks are spaces to BibTeX), so its lines shift by one.
    return above.length === 0
      ? { head: '', body, firstLine: lineAtCut[k] ?? 1 }
      : { head: `${above.join(' ')}\n`, body, firstLine: (lineAtCut[k] ?? 1) - 1 };
  });
}

/** Pieces of about this many characters are checked in one turn (~2 ms each). */
const PIECE_CHARS = 1 << 20;

/**
 * Whether `test` holds on some piece of `text`, cut at line breaks into pieces of about a megabyte, each checked in a
 * turn of its own (the whole 25 MB at once held the event loop ~80 ms). Each piece starts with the line before it,
 * so a match spanning a line break is seen; a piece's first line read on its own can only add matches, which make
 * the file be read whole.
 */
async function anyPiece(text: string, test: (piece: string) => boolean): Promise<boolean> {
  const work = turns();
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n', start + PIECE_CHARS);
    const end = next === -1 ? text.length : next + 1;
    const from = start === 0 ? 0 : text.lastIndexOf('\n', start - 2) + 1;
    if (test(text.slice(from, end))) return true;
    start = end;
    if (work.due()) await work.turn();
  }
  return false;
}

/** Every `@string{…}` with where it ends, written on one line; null when one is not closed (read whole). */
function macroDefinitions(text: string): Array<{ text: string; end: number }> | null {
  const found: Array<{ text: string; end: number }> = [];
  for (const match of MACRO.matchAll(text)) {
    if (match[1] !== '{') return null;
    let depth = 0;
    let i = match.index + match[0].length - 1;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) break;
    }
    if (depth !== 0) return null;
    found.push({ text: text.slice(match.index, i + 1).replace(/\n/g, ' '), end: i + 1 });
  }
  return found;
}
