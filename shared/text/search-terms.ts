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
