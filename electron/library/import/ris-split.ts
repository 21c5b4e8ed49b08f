/**
 * Large RIS read in parts, each by a worker of its own, as large BibTeX is (see bibtex-split.ts). A RIS reader
 * keeps nothing across an `ER` line: right after one it is exactly where it is at the start of a file. So a file
 * cut just after `ER` lines reads as the same entries and failures, in the same order, lines counted from the cut
 * (joined by `joinParts`: its failures come in line order, as a RIS reader reports them).
 */
import type { FilePart } from './file-parts.js';
import { isRisEndLine } from './ris.js';

/** The file cut into about `parts` pieces of similar size, each just after an `ER` line; null when it is not cut. */
export function splitRis(input: string, parts: number, minChars: number): FilePart[] | null {
  if (parts < 2 || input.length < minChars) return null;
  // Line breaks as the reader makes them, so lines are counted alike.
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  const cuts: number[] = [0];
  const firstLines: number[] = [1];
  let line = 1;
  let at = 0;
  while (cuts.length < parts) {
    const wanted = Math.floor((cuts.length * text.length) / parts);
    // Count lines up to where the search for the next end starts.
    const cut = nextCutAfter(text, Math.max(wanted, at));
    if (cut === null) break;
    line += countLines(text, at, cut);
    at = cut;
    cuts.push(cut);
    firstLines.push(line);
  }
  if (cuts.length < 2) return null;
  return cuts.map((start, k) => ({
    head: '',
    body: text.slice(start, cuts[k + 1] ?? text.length),
    firstLine: firstLines[k] ?? 1,
  }));
}

/** Where the line after the first `ER` line at or after `from` starts; null when there is none before the end. */
function nextCutAfter(text: string, from: number): number | null {
  // From the start of the line `from` is in.
  let start = text.lastIndexOf('\n', from - 1) + 1;
  while (start < text.length) {
    const end = text.indexOf('\n', start);
    if (end === -1) return null; // the last line: nothing after it to cut off
    if (text.startsWith('ER', start) && isRisEndLine(text.slice(start, end)))
      return end + 1 < text.length ? end + 1 : null;
    start = end + 1;
  }
  return null;
}

function countLines(text: string, from: number, to: number): number {
  let lines = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}
