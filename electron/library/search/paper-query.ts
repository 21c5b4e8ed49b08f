import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { searchSnippet } from './snippet.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { containsWordPrefix, isEmptyQuery, matchesFilters, parseQuery, type SearchQuery } from './query.js';
import type { TextSearch } from './text-search.js';
import { toListRow } from '../paper/list-row.js';
import { foldText } from '../../../shared/text/fold.js';
import { hasTag } from '../paper/tags.js';

/** Rows of a page that get a snippet: a screenful and more (each costs a read of the paper's content). */
const MAX_SNIPPETS = 50;

export interface PaperQuery {
  readonly view: View;
  readonly search: string;
  readonly sort: Sort;
  readonly offset: number;
  readonly limit: number;
}

/** The papers a view and search select, in the query's order (records come sorted), as one page of list rows. */
export async function runPaperQuery(
  sorted: readonly PaperRecord[],
  query: PaperQuery,
  text: TextSearch,
  /** A paper's content, for the rows' snippets; without it rows have none. */
  contentOf?: (id: string) => Promise<PaperContent>,
): Promise<{ total: number; rows: ListRow[]; problems: string[] }> {
  const parsed = parseQuery(query.search);
  const found = await selectRecords(sorted, query, text);
  const selected = query.sort === 'relevance' ? rankByRelevance(found, parsed) : found;
  const page = selected.slice(query.offset, query.offset + query.limit);
  const searching = parsed.words.length + parsed.phrases.length > 0;
  const rows = await Promise.all(
    page.map(async (record, i): Promise<ListRow> => {
      const row = toListRow(record);
      // Snippets read each paper's content: only for the first results of a page (the scan keeps no text here).
      return searching && contentOf && i < MAX_SNIPPETS
        ? { ...row, snippet: searchSnippet(await contentOf(record.id), parsed) }
        : row;
    }),
  );
  return { total: selected.length, rows, problems: [...parsed.problems] };
}

/** The one search path: the records a view and search select, in the order given. The list, the CLI and exports use it. */
export async function selectRecords(
  sorted: readonly PaperRecord[],
  query: Pick<PaperQuery, 'view' | 'search'>,
  text: TextSearch,
): Promise<PaperRecord[]> {
  const parsed = parseQuery(query.search);
  const hits = hasText(parsed) ? await text.matching(parsed) : null;
  return sorted.filter((r) => inView(r, query.view) && (hits === null || hits.has(r.id)) && matchesFilters(r, parsed));
}

/** Where a search term counts most: in the title, then a tag, then an author; anywhere else (abstract, note, highlights) least. */
const WEIGHTS = { title: 8, tag: 6, author: 4, elsewhere: 1 } as const;
const PHRASE_IN_TITLE = 12;

/**
 * The selected papers, best match first: each word or phrase scores by where it occurs, an exact phrase in
 * the title most; ties keep the order given (the newest first). Only the record's fields are looked at: a
 * term found in none of them matched the abstract, note or highlights.
 */
export function rankByRelevance(records: readonly PaperRecord[], q: SearchQuery): PaperRecord[] {
  const terms = [...q.words, ...q.phrases];
  if (terms.length === 0) return [...records];
  const scored = records.map((record, order) => {
    const title = foldText(record.title);
    const tags = foldText(record.tags.join(' '));
    const authors = foldText([...record.authors, ...record.editors].join(' '));
    let score = 0;
    for (const term of terms) {
      if (containsWordPrefix(title, term)) score += WEIGHTS.title;
      else if (containsWordPrefix(tags, term)) score += WEIGHTS.tag;
      else if (containsWordPrefix(authors, term)) score += WEIGHTS.author;
      else score += WEIGHTS.elsewhere;
    }
    for (const phrase of q.phrases) if (title.includes(phrase)) score += PHRASE_IN_TITLE;
    // All the words next to each other in the title, as typed: the paper the user means.
    if (q.words.length > 1 && title.includes(q.words.join(' '))) score += PHRASE_IN_TITLE;
    return { record, score, order };
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.record);
}

function hasText(q: SearchQuery): boolean {
  return !isEmptyQuery({
    ...q,
    tags: [],
    notTags: [],
    statuses: [],
    notStatuses: [],
    years: [],
    authors: [],
    has: [],
    notHas: [],
  });
}

function inView(record: PaperRecord, view: View): boolean {
  if (view.kind === 'trash') return record.trashedAt !== null;
  if (record.trashedAt !== null) return false;
  switch (view.kind) {
    case 'all':
      return true;
    case 'status':
      return record.status === view.status;
    case 'tag':
      return hasTag(record.tags, view.tag);
    default:
      return assertNever(view);
  }
}
