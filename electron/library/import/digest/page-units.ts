/** The units a page is read in: paragraphs of a hard-wrapped text, elements of a copied web page. */
import { joinWrapped, paragraphsOf, type Line } from './lines.js';

/** One unit of a page: its whitespace-collapsed text, the lines it came from and its word count. */
export interface Unit {
  readonly text: string;
  readonly lines: readonly Line[];
  readonly words: number;
}

/**
 * A hard-wrapped text (an email, a text file) is read in paragraphs; a copied web page, whose lines are
 * whole elements, line by line.
 */
export function toUnits(lines: readonly Line[]): Unit[] {
  const paragraphs = paragraphsOf(lines);
  const multi = paragraphs.filter((p) => p.length > 1);
  const wrapped = multi.filter(isHardWrapped).length;
  const byParagraph = multi.length === 0 || wrapped >= multi.length / 2;
  const groups = byParagraph ? paragraphs : paragraphs.flatMap((p) => (isHardWrapped(p) ? [p] : splitElements(p)));
  return groups.map((group) => {
    const text = joinWrapped(group.map((l) => l.text));
    return { text, lines: group, words: wordCount(text) };
  });
}

/** A paragraph of a copied page: each line is an element, unless it plainly goes on (`de-` + `sparsify`, a lowercase start). */
function splitElements(paragraph: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  for (const line of paragraph) {
    const current = out.at(-1);
    const previous = current?.at(-1);
    if (
      current &&
      previous &&
      ((previous.text.endsWith('-') && /\p{L}-$/u.test(previous.text)) || startsLowercase(line.text))
    )
      current.push(line);
    else out.push([line]);
  }
  return out;
}

/** Words in whitespace-collapsed text, counted without splitting it. */
function wordCount(text: string): number {
  if (text === '') return 0;
  let count = 1;
  for (let i = text.indexOf(' '); i >= 0; i = text.indexOf(' ', i + 1)) count++;
  return count;
}

/** Whether a line begins with a lower-case letter (a continuation), without a Unicode-property regex per line. */
function startsLowercase(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toUpperCase() && first === first.toLowerCase();
}

/** Lines broken at a fixed width: every line but the last close to the longest, none ending a sentence on its own. */
function isHardWrapped(paragraph: readonly Line[]): boolean {
  if (paragraph.length < 2) return false;
  const body = paragraph.slice(0, -1);
  let widest = 0;
  for (const line of body) widest = Math.max(widest, line.text.length);
  if (widest < 40 || widest > 120) return false;
  return body.every((l) => l.text.length >= widest - 25);
}
