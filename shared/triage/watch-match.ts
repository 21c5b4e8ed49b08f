import { foldText } from '../text/fold.js';
import { termPattern } from '../text/search-terms.js';
import type { TriageItem, WatchList } from '../models/triage.js';

/** Letters compared without case or accents. */
const fold = foldText;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A watched keyword as a pattern: at the start of a word, any ending (`sparsit` finds "sparsity"). */
export function keywordPattern(keyword: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(fold(keyword.trim()))}`, 'u');
}

/** Why an item matters to the user: the watched keywords and authors it matches, in the list's order. */
export function watchReasons(item: Pick<TriageItem, 'title' | 'abstract' | 'authors'>, watch: WatchList): string[] {
  const text = fold(`${item.title}\n${item.abstract ?? ''}`);
  const authors = item.authors.map(fold);
  const reasons: string[] = [];
  for (const keyword of watch.keywords)
    if (keyword.trim() !== '' && keywordPattern(keyword).test(text)) reasons.push(keyword);
  for (const author of watch.authors) {
    const wanted = fold(author.trim());
    if (wanted !== '' && authors.some((a) => keywordPattern(wanted).test(a))) reasons.push(author);
  }
  return reasons;
}

/**
 * Where each watched keyword occurs in a text, as [start, end) ranges in the text as given (folding keeps
 * lengths for the Latin, Greek and Cyrillic letters digests use; a text where it does not is not marked).
 */
export function keywordRanges(text: string, keywords: readonly string[]): Array<[number, number]> {
  const folded = fold(text);
  if (folded.length !== text.length) return [];
  const ranges: Array<[number, number]> = [];
  for (const keyword of keywords) {
    const pattern = termPattern(fold(keyword.trim()), 'g', true);
    if (pattern === null) continue;
    for (const match of folded.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}
