import { parseQuery } from './query.js';
import { runPaperQuery } from './paper-query.js';
import type { RecordCache } from './record-cache.js';
import type { TextSearch } from './text-search.js';

/**
 * What the first search after opening would otherwise pay for, done in the background once the library is open:
 * the newest-first order and its tag index (~150 ms each at 100,000 papers), and one search through the index that
 * finds nearly every paper, so the code that walks large hit lists is compiled before a person's first search
 * (which otherwise takes two to four times as long as the same search a moment later).
 */
export async function warmSearch(records: RecordCache, search: TextSearch, isOpen: () => boolean): Promise<void> {
  const ordered = await records.warm();
  // The first answer says whether the index is ready; while it is built, searches are scans: not warmed.
  await search.matchingOrdinals(parseQuery('margin'), ordered.ids);
  if (!isOpen() || search.status().mode !== 'index') return;
  // A one-letter prefix: in an index of prefixes, one posting list holding almost every paper.
  await runPaperQuery(ordered, { view: { kind: 'all' }, search: 'e', sort: 'relevance', offset: 0, limit: 1 }, search);
}
