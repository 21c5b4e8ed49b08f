import { termTokens, type SearchQuery } from '../query.js';

/**
 * A search's text conditions as an FTS5 query. Each term becomes a phrase of its words with the last one a
 * prefix (`"state space"*`), which is exactly what `containsTerm` means, so the index and the scan agree.
 * Tokens are letters and digits only: nothing in them needs quoting.
 */
export type FtsPlan =
  /** Papers matching `match`. */
  | { readonly kind: 'match'; readonly match: string }
  /** Every paper but those matching `match` (a search of exclusions only). */
  | { readonly kind: 'allBut'; readonly match: string }
  /** Every paper (no term had anything to look for). */
  | { readonly kind: 'all' };

export function ftsPlan(q: Pick<SearchQuery, 'words' | 'phrases' | 'excluded'>): FtsPlan {
  const wanted = [...q.words, ...q.phrases].map(ftsPhrase).filter((t) => t !== null);
  const unwanted = q.excluded.map(ftsPhrase).filter((t) => t !== null);
  const none = unwanted.length > 0 ? unwanted.join(' OR ') : null;
  if (wanted.length === 0) return none === null ? { kind: 'all' } : { kind: 'allBut', match: none };
  const all = wanted.join(' AND ');
  return { kind: 'match', match: none === null ? all : `(${all}) NOT (${none})` };
}

/** One term as an FTS5 phrase whose last word is a prefix, or null when it has no letters or digits. */
export function ftsPhrase(term: string): string | null {
  const tokens = termTokens(term);
  return tokens.length === 0 ? null : `"${tokens.join(' ')}"*`;
}
