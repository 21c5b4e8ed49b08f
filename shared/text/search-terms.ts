import { foldText } from './fold.js';

const TOKEN = /(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))/g;
const FILTERS = new Set(['tag', 'status', 'year', 'author', 'has']);

/**
 * The words and phrases of a search that text can show (not filters, not exclusions), folded as the search
 * compares them: what the app marks in result rows and in the open paper.
 */
export function searchTerms(search: string): string[] {
  const terms: string[] = [];
  for (const [, minus, field, quoted, bare] of search.matchAll(TOKEN)) {
    if (minus === '-' || (field !== undefined && FILTERS.has(field.toLowerCase()))) continue;
    const value = (quoted ?? bare ?? '').trim();
    if (value === '') continue;
    terms.push(foldText(field === undefined ? value : `${field}:${value}`));
  }
  return terms;
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/**
 * A search term's words: its runs of letters and digits (`gpt-4o` → gpt, 4o). This is how the full-text
 * index splits text, so the index, the scan and the marks in the app agree on what a term means.
 */
export function termTokens(term: string): string[] {
  return term.match(WORD_RUN) ?? [];
}

/**
 * A folded term as a pattern over folded text: its words in order, separated by anything that is not a letter
 * or digit (a NUL, which parts a record's fields, excepted), the first at the start of a word, the last a
 * prefix (`whole`: matched to the end of its word, for marking). Null when the term has no letters or digits.
 */
export function termPattern(term: string, flags: string, whole = false): RegExp | null {
  const tokens = termTokens(term);
  if (tokens.length === 0) return null;
  // Tokens are letters and digits only: nothing in them is special to a RegExp.
  const body = tokens.join('[^\\p{L}\\p{N}\\u0000]+');
  return new RegExp(
    `(?<![\\p{L}\\p{N}])${body}${whole ? '[\\p{L}\\p{N}]*' : ''}`,
    flags.includes('u') ? flags : `${flags}u`,
  );
}
