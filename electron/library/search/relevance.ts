import type { SearchQuery } from './query.js';

/** The parts of a paper's record a search term can be found in, for ranking. */
export type RankedField = 'title' | 'tags' | 'people';

/** Where a term counts most: in the title, then a tag, then an author; anywhere else (abstract, note, highlights) least. */
const WEIGHTS = { title: 8, tags: 6, people: 4, elsewhere: 1 } as const;
/** An exact phrase in the title, or all the words side by side in it: the paper the user means. */
const PHRASE_IN_TITLE = 12;

/**
 * A matched paper's relevance, given where each term sits (`inField`). Both engines use it: the scan
 * looks in the record's folded fields, the index in its field postings, so the order is the same.
 */
export function relevance(
  q: Pick<SearchQuery, 'words' | 'phrases'>,
  inField: (term: string, field: RankedField) => boolean,
): number {
  return relevanceScorer(q)(inField);
}

/** `relevance` for one query and many papers: the query's terms are read once, not per paper. */
export function relevanceScorer(
  q: Pick<SearchQuery, 'words' | 'phrases'>,
): (inField: (term: string, field: RankedField) => boolean) => number {
  const terms = [...q.words, ...q.phrases];
  const together = wordsTogether(q);
  return (inField) => {
    let score = 0;
    for (const term of terms)
      score += inField(term, 'title')
        ? WEIGHTS.title
        : inField(term, 'tags')
          ? WEIGHTS.tags
          : inField(term, 'people')
            ? WEIGHTS.people
            : WEIGHTS.elsewhere;
    for (const phrase of q.phrases) if (inField(phrase, 'title')) score += PHRASE_IN_TITLE;
    if (together !== null && inField(together, 'title')) score += PHRASE_IN_TITLE;
    return score;
  };
}

/** The score of a paper none of whose record fields holds a term: the terms were all in its text. */
export function baseRelevance(q: Pick<SearchQuery, 'words' | 'phrases'>): number {
  return (q.words.length + q.phrases.length) * WEIGHTS.elsewhere;
}

/** Several words typed, read as one phrase (for the title bonus); null for one word or none. */
export function wordsTogether(q: Pick<SearchQuery, 'words'>): string | null {
  return q.words.length > 1 ? q.words.join(' ') : null;
}
