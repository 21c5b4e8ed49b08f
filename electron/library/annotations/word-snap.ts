const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * A selection widened to whole words and trimmed of surrounding spaces: a drag that starts or ends inside a
 * word ("ttention is al") highlights the words ("Attention is all"). Selections of only spaces stay as given.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from++;
  while (to > from && /\s/.test(text.charAt(to - 1))) to--;
  if (from === to) return { start, end };
  while (from > 0 && WORD.test(text.charAt(from - 1)) && WORD.test(text.charAt(from))) from--;
  while (to < text.length && WORD.test(text.charAt(to)) && WORD.test(text.charAt(to - 1))) to++;
  return { start: from, end: to };
}
