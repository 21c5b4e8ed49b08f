import type { PaperContent } from '../../../shared/models/paper.js';
import { foldText } from '../../../shared/text/fold.js';
import { termPattern } from '../../../shared/text/search-terms.js';
import type { SearchQuery } from './query.js';

/** Characters of context a snippet shows around the match. */
const BEFORE = 60;
const LENGTH = 200;

/**
 * Where a search matched a paper's text, as a short excerpt: the first term found in the abstract, then the
 * note, then the highlights and their comments. Null when no term is in them (the title, a tag or an author
 * matched, and the row shows that already). The excerpt is the text as stored; the app marks the words in it.
 */
export function searchSnippet(content: PaperContent, q: SearchQuery): string | null {
  const terms = [...q.phrases, ...q.words].filter((t) => t.length > 0);
  if (terms.length === 0) return null;
  const texts = [
    content.abstract ?? '',
    content.note?.text ?? '',
    ...content.annotations.flatMap((a) => [a.quote, a.comment]),
  ];
  for (const text of texts) {
    if (text === '') continue;
    const folded = foldText(text);
    // Offsets carry over only when folding kept the length (it does for precomposed letters).
    if (folded.length !== text.length) continue;
    const at = firstWordPrefix(folded, terms);
    if (at < 0) continue;
    const start = Math.max(0, at - BEFORE);
    const from = start === 0 ? 0 : nextWordStart(text, start);
    const end = Math.min(text.length, from + LENGTH);
    const excerpt = text.slice(from, end).replace(/\s+/g, ' ').trim();
    return `${from > 0 ? '…' : ''}${excerpt}${end < text.length ? '…' : ''}`;
  }
  return null;
}

/** The earliest place any term occurs (as `containsTerm` reads it), or -1. */
function firstWordPrefix(text: string, terms: readonly string[]): number {
  let best = -1;
  for (const term of terms) {
    const at = termPattern(term, 'u')?.exec(text)?.index ?? -1;
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/** Start a cut excerpt at a word, not inside one. */
function nextWordStart(text: string, from: number): number {
  const space = text.slice(from, from + 30).search(/\s/);
  return space < 0 ? from : from + space + 1;
}
