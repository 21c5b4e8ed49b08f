import search from 'approx-string-match';
import type { Annotation } from '../../../shared/models/paper.js';
import { contentHash } from '../storage/content-hash.js';

/** Characters of context kept on each side of a quote (TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

/** A short, stable fingerprint of the abstract an annotation was made on. */
export function hashText(text: string): string {
  return contentHash(text, 16);
}

export type Anchor = Pick<Annotation, 'quote' | 'prefix' | 'suffix' | 'start' | 'end' | 'abstractHash'>;

/** The selectors for a range of the abstract (W3C Web Annotation: position + quote with context). */
export function anchorAt(abstract: string, start: number, end: number): Anchor {
  return {
    quote: abstract.slice(start, end),
    prefix: abstract.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: abstract.slice(end, end + CONTEXT_CHARS),
    start,
    end,
    abstractHash: hashText(abstract),
  };
}

/**
 * Re-find an annotation in a changed abstract: by position, then by exact quote (the occurrence whose
 * context fits best), then by a fuzzy match of the quote (Myers' bit-parallel algorithm, as Hypothesis
 * does). One that cannot be found is kept, marked orphaned, never dropped.
 */
export function reanchor(annotation: Annotation, abstract: string): Annotation {
  // A highlight in a PDF is anchored on its page, which a new abstract does not change.
  if (annotation.pdf !== null) return annotation;
  const hash = hashText(abstract);
  if (annotation.abstractHash === hash && annotation.state === 'anchored') return annotation;
  const found = findQuote(annotation, abstract);
  if (!found) return { ...annotation, state: 'orphaned' };
  return {
    ...annotation,
    ...anchorAt(abstract, found.start, found.end),
    quote: abstract.slice(found.start, found.end),
    state: 'anchored',
  };
}

function findQuote(a: Annotation, text: string): { start: number; end: number } | null {
  if (a.quote === '') return null;
  if (text.slice(a.start, a.end) === a.quote && contextScore(a, text, a.start, a.end) > 0)
    return { start: a.start, end: a.end };

  const exact: Array<{ start: number; end: number }> = [];
  for (let at = text.indexOf(a.quote); at >= 0; at = text.indexOf(a.quote, at + 1))
    exact.push({ start: at, end: at + a.quote.length });
  if (exact.length > 0) return best(exact, a, text);

  // Fuzzy: allow up to a quarter of the quote to differ (typos fixed, a word changed between versions).
  const maxErrors = Math.min(64, Math.floor(a.quote.length / 4));
  if (maxErrors === 0) return null;
  const fuzzy = search(text, a.quote, maxErrors);
  return fuzzy.length > 0 ? best(fuzzy, a, text) : null;
}

/** The candidate with the most matching context, then the fewest errors, then the nearest to where it was. */
function best(
  candidates: ReadonlyArray<{ start: number; end: number; errors?: number }>,
  a: Annotation,
  text: string,
): { start: number; end: number } {
  let winner = candidates[0] ?? { start: 0, end: 0 };
  let winnerScore = -Infinity;
  for (const c of candidates) {
    const score =
      contextScore(a, text, c.start, c.end) * 4 -
      (c.errors ?? 0) * 8 -
      Math.abs(c.start - a.start) / Math.max(1, text.length);
    if (score > winnerScore) {
      winner = c;
      winnerScore = score;
    }
  }
  return { start: winner.start, end: winner.end };
}

/** How many characters of the stored prefix and suffix sit right next to the candidate. */
function contextScore(a: Annotation, text: string, start: number, end: number): number {
  const before = text.slice(Math.max(0, start - a.prefix.length), start);
  const after = text.slice(end, end + a.suffix.length);
  let score = 0;
  for (let i = 1; i <= Math.min(before.length, a.prefix.length) && before.at(-i) === a.prefix.at(-i); i++) score++;
  for (let i = 0; i < Math.min(after.length, a.suffix.length) && after[i] === a.suffix[i]; i++) score++;
  // An empty context (the quote at the start or end of the abstract) still counts as a fit.
  return (
    score +
    (a.prefix === '' && start === 0 ? 1 : 0) +
    (a.suffix === '' && end === text.length ? 1 : 0) +
    (a.prefix === '' && a.suffix === '' ? 1 : 0)
  );
}

/** Offsets of the Nth (1-based) occurrence of `quote` in the abstract, or null. */
export function nthOccurrence(abstract: string, quote: string, n: number): { start: number; end: number } | null {
  if (quote === '' || n < 1) return null;
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = abstract.indexOf(quote, at + 1);
    if (at < 0) return null;
  }
  return { start: at, end: at + quote.length };
}
