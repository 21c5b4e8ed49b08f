/**
 * Large CSL-JSON read in parts, each by a worker of its own, as large BibTeX and RIS are (issue 18). The file is one
 * array of items. Cut at commas between items, each part is an array again (`[` before it, `]` after it) and reads
 * as the same items, numbered from the part's first (`firstItem`) and with lines counted from its first line. A JSON
 * string holds no raw line break, so each line piece (text-pieces.ts) is scanned on its own, a piece per turn, and
 * never joined here.
 *
 * Only text that looks like one array is cut. Text that is not JSON may still be cut wrongly: a part then fails to
 * read and the file is read whole (worker-parser.ts), which says where it stops being JSON.
 */
import { partBodies, type FilePart, type PieceAt } from './file-parts.js';
import { stringEnd } from './json.js';
import { turns } from '../storage/turns.js';
import { endAtLines, linePieces, textLength, type ImportText } from './text-pieces.js';

/**
 * Below this, one worker reads a CSL-JSON file as soon as two do (10,000 Zotero items, 28 MB: 3.0-3.1 s against
 * 3.2-3.4 s for the whole import; 7,000 items, 20 MB: the same; 4,000 items, 11 MB: ~60 ms slower). JSON.parse
 * allocates more than it computes, so two workers on two cores gain far less than two BibTeX readers do.
 */
export const JSON_SPLIT_MIN_CHARS = 24 * 1024 * 1024;

interface Cut {
  /** The comma between the last item of one part and the first of the next. */
  readonly comma: PieceAt;
  /** The comma's line (the next part starts on it) and the number of the item after it. */
  readonly line: number;
  readonly item: number;
}

/** The array cut into about `parts` parts of similar size, each between two items; null when it is not cut. */
export async function splitJsonArray(input: ImportText, parts: number, minChars: number): Promise<FilePart[] | null> {
  if (parts < 2 || textLength(input) < minChars) return null;
  const pieces = linePieces(input);
  if (!endAtLines(pieces)) return null; // one line of megabytes (minified JSON): read whole
  const cuts = await itemCommas(pieces, parts);
  if (!cuts || cuts.length === 0) return null;
  const bodies = partBodies(pieces, [{ piece: 0, at: 0 }, ...cuts.map((cut) => cut.comma)]);
  return bodies.map((body, k) => {
    const cut = cuts[k - 1];
    const last = k === bodies.length - 1;
    // Every part after the first starts at its comma, which is dropped.
    const items = cut ? [(body[0] ?? '').slice(1), ...body.slice(1)] : body;
    return {
      head: cut ? '[' : '',
      body: items,
      tail: last ? '' : ']',
      firstLine: cut?.line ?? 1,
      firstItem: cut?.item ?? 1,
    };
  });
}

/**
 * The commas where the array is cut: the first between two items at or past each `k/parts` of the text. Null when
 * the text does not open an array, or a string does not close on its line (not JSON: read whole).
 */
async function itemCommas(pieces: readonly string[], parts: number): Promise<Cut[] | null> {
  const length = textLength(pieces);
  const work = turns();
  const cuts: Cut[] = [];
  let depth = 0;
  let items = 0;
  let expectItem = false;
  let opened = false;
  let line = 1;
  let offset = 0;
  for (const [k, piece] of pieces.entries()) {
    // A structural character, a string's opening quote, a line break, or a run of anything else but space.
    const token = /[[\]{},"\n]|[^\s[\]{},"]+/g;
    for (let match = token.exec(piece); match !== null; match = token.exec(piece)) {
      const ch = match[0];
      const at = match.index;
      if (ch === '\n') {
        line++;
        continue;
      }
      if (!opened) {
        if (ch !== '[') return null;
        opened = true;
      }
      if (depth === 1 && expectItem && ch !== ']') {
        if (ch === ',') return null; // an empty item: not JSON
        items++;
        expectItem = false;
      }
      if (ch === '"') {
        const end = stringEnd(piece, at);
        if (end >= piece.length || piece.lastIndexOf('\n', end) > at) return null;
        token.lastIndex = end + 1;
      } else if (ch === '[' || ch === '{') {
        if (++depth === 1) expectItem = true;
      } else if (ch === ']' || ch === '}') depth--;
      else if (ch === ',' && depth === 1) {
        expectItem = true;
        if (offset + at >= ((cuts.length + 1) * length) / parts) {
          cuts.push({ comma: { piece: k, at }, line, item: items + 1 });
          if (cuts.length === parts - 1) return cuts;
        }
      }
    }
    offset += piece.length;
    if (work.due()) await work.turn();
  }
  return cuts;
}
