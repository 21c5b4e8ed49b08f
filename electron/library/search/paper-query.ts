import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { searchSnippet } from './snippet.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { containsTerm, isEmptyQuery, matchesFilters, parseQuery, type SearchQuery } from './query.js';
import { baseRelevance, relevance, type RankedField } from './relevance.js';
import { recordParts } from './search-corpus.js';
import type { TextSearch } from './text-search.js';
import { toListRow } from '../paper/list-row.js';
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
  const { records: found, scores } = await select(sorted, parsed, query.view, text);
  const selected = query.sort === 'relevance' ? rankByRelevance(found, parsed, scores) : found;
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
  return (await select(sorted, parseQuery(query.search), query.view, text)).records;
}

async function select(
  sorted: readonly PaperRecord[],
  parsed: SearchQuery,
  view: View,
  text: TextSearch,
): Promise<{ records: PaperRecord[]; scores: ReadonlyMap<string, number> | null }> {
  const hits = hasText(parsed) ? await text.matching(parsed) : null;
  const ids = hits?.ids ?? null;
  return {
    records: sorted.filter((r) => inView(r, view) && (ids === null || ids.has(r.id)) && matchesFilters(r, parsed)),
    scores: hits?.scores ?? null,
  };
}

/**
 * The selected papers, best match first (see `relevance`); ties keep the order given (the newest first).
 * `scores` are the index's, for the papers with a term in their record's fields (the rest score the base);
 * without them the record's fields are looked at here.
 */
export function rankByRelevance(
  records: readonly PaperRecord[],
  q: SearchQuery,
  scores: ReadonlyMap<string, number> | null = null,
): PaperRecord[] {
  if (q.words.length + q.phrases.length === 0) return [...records];
  const base = baseRelevance(q);
  const scored = records.map((record, order) => ({
    record,
    score: scores ? (scores.get(record.id) ?? base) : relevance(q, fieldMatcher(record)),
    order,
  }));
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.map((s) => s.record);
}

function fieldMatcher(record: PaperRecord): (term: string, field: RankedField) => boolean {
  const parts = recordParts(record);
  return (term, field) => containsTerm(parts[field], term);
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
