import { setTimeout as delay } from 'node:timers/promises';
import { parseQuery } from './query.js';
import { runPaperQuery } from './paper-query.js';
import type { RecordCache } from './record-cache.js';
import type { TextSearch } from './text-search.js';
import { tagIndexInTurns } from './tag-index.js';

/** The rest of the warm-up waits this long after the order is made: the first list is shown first. */
const AFTER_FIRST_LIST_MS = 3000;

/**
 * What the first search after opening would otherwise pay for, done in the background once the library is open:
 * the newest-first order (which the first list needs anyway, and shares), then, once the first list is shown, one
 * search through the index that finds nearly every paper, so the code that walks large hit lists is compiled
 * before a person's first search (which otherwise takes two to four times as long as the same search a moment
 * later), and the tag index (~150 ms at 100,000 papers, otherwise paid by the first tag view).
 */
export async function warmSearch(records: RecordCache, search: TextSearch, isOpen: () => boolean): Promise<void> {
  await records.orderedBy('added');
  await delay(AFTER_FIRST_LIST_MS, undefined, { ref: false });
  if (!isOpen()) return;
  // The order again: an edit meanwhile may have made a new one.
  const ordered = await records.orderedBy('added');
  // The first answer says whether the index is ready; while it is built, searches are scans: not warmed.
  await search.matchingOrdinals(parseQuery('margin'), ordered.ids);
  if (isOpen() && search.status().mode === 'index')
    // A one-letter prefix: in an index of prefixes, one posting list holding almost every paper.
    await runPaperQuery(
      ordered,
      { view: { kind: 'all' }, search: 'e', sort: 'relevance', offset: 0, limit: 1 },
      search,
    );
  if (!isOpen()) return;
  const current = await records.orderedBy('added');
  const patches = records.patches;
  const tagIndex = await tagIndexInTurns(current.records);
  // Made in turns: kept only if no paper was edited meanwhile (else the first tag view makes it), and unless a tag
  // view asked meanwhile made it already.
  if (records.patches === patches) current.tagIndex ??= tagIndex;
}
