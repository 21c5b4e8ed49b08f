import { titleKey } from './identity.js';

/** What a citation key may be: anything else could end a BibTeX entry's first line early (or inject a field). */
export const BIBTEX_KEY = /^[A-Za-z0-9_:.\-/+]{1,100}$/;

/** Short words a key skips when it picks the title word. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'for',
  'in',
  'and',
  'to',
  'with',
  'is',
  'are',
  'from',
  'by',
  'at',
  'via',
  'towards',
  'toward',
  'how',
  'what',
  'why',
  'do',
  'does',
]);

/** ASCII letters and digits only, lower-case: `Schölkopf` → `scholkopf`. */
function asciiWord(text: string): string {
  return titleKey(text).replace(/[^a-z0-9]/g, '');
}

/** `authorYearWord`, e.g. `vaswani2017attention`: first author's (else editor's) surname, year, first significant title word. */
export function baseCitationKey(paper: {
  authors: readonly string[];
  editors?: readonly string[];
  year: number | null;
  title: string;
}): string {
  const first = (paper.authors[0] ?? paper.editors?.[0])?.trim() ?? '';
  const surname =
    asciiWord(first.includes(',') ? (first.split(',')[0] ?? '') : (first.split(/\s+/).at(-1) ?? '')) || 'anon';
  return `${surname}${paper.year ?? 'nd'}${firstSignificantWord(paper.title)}`;
}

/** The title's first word that is not a stop word, in ASCII letters and digits; read only as far as it. */
function firstSignificantWord(title: string): string {
  // The title's words are already folded: keeping their ASCII letters and digits is `asciiWord` of each.
  for (const folded of titleKey(title).split(' ')) {
    const word = folded.replace(/[^a-z0-9]/g, '');
    if (word.length > 0 && !STOP_WORDS.has(word)) return word;
  }
  return 'untitled';
}

/** The base key, or it with a, b, … z, aa, ab … appended until it is not taken. */
export function uniqueCitationKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 0; ; n++) {
    const key = `${base}${suffix(n)}`;
    if (!taken.has(key.toLowerCase())) return key;
  }
}

function suffix(n: number): string {
  let out = '';
  let i = n;
  do {
    out = String.fromCharCode(97 + (i % 26)) + out;
    i = Math.floor(i / 26) - 1;
  } while (i >= 0);
  return out;
}
