import type { PaperRecord } from '../../../shared/models/paper.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { containsTerm, isEmptyQuery, matchesFilters, parseQuery, type SearchQuery } from './query.js';
import { baseRelevance, relevance, type RankedField } from './relevance.js';
import { recordParts } from './search-corpus.js';
import type { TextSearch } from './text-search.js';
import { toListRow } from '../paper/list-row.js';
import { hasTag } from '../paper/tags.js';

/** Every record in a sort's order and, when known, where each paper stands in it. */
export interface OrderedRecords {
  readonly records: readonly PaperRecord[];
  readonly at: ReadonlyMap<string, number>;
}
type Sorted = readonly PaperRecord[] | OrderedRecords;

export interface PaperQuery {
  readonly view: View;
  readonly search: string;
  readonly sort: Sort;
  readonly offset: number;
  readonly limit: number;
}

/**
 * The papers a view and search select, in the query's order (records come sorted), as one page of list rows.
 * Rows come without snippets: the app asks for those after (`papers:snippets`), so the list never waits for
 * the papers' text to be read.
 */
export async function runPaperQuery(
  sorted: Sorted,
  query: PaperQuery,
  text: TextSearch,
): Promise<{ total: number; rows: ListRow[]; problems: string[] }> {
  const parsed = parseQuery(query.search);
  const { records: found, scores } = await select(sorted, parsed, query.view, text);
  const selected = query.sort === 'relevance' ? rankByRelevance(found, parsed, scores) : found;
  const rows = selected.slice(query.offset, query.offset + query.limit).map(toListRow);
  return { total: selected.length, rows, problems: [...parsed.problems] };
}

/** The one search path: the records a view and search select, in the order given. The list, the CLI and exports use it. */
export async function selectRecords(
  sorted: Sorted,
  query: Pick<PaperQuery, 'view' | 'search'>,
  text: TextSearch,
): Promise<PaperRecord[]> {
  return (await select(sorted, parseQuery(query.search), query.view, text)).records;
}

async function select(
  sorted: Sorted,
  parsed: SearchQuery,
  view: View,
  text: TextSearch,
): Promise<{ records: PaperRecord[]; scores: ReadonlyMap<string, number> | null }> {
  const { records, at } = Array.isArray(sorted) ? { records: sorted, at: null } : (sorted as OrderedRecords);
  const wanted = (r: PaperRecord) => inView(r, view) && matchesFilters(r, parsed);
  if (!hasText(parsed)) return { records: records.filter(wanted), scores: null };
  const hits = await text.matching(parsed);
  if (at === null) {
    const ids = new Set(hits.ids);
    return { records: records.filter((r) => ids.has(r.id) && wanted(r)), scores: hits.scores };
  }
  // Walk the hits, not the library: a search for a rare word costs what it finds, at any library size.
  const positions = new Int32Array(hits.ids.length);
  let count = 0;
  for (const id of hits.ids) {
    const position = at.get(id);
    if (position !== undefined) positions[count++] = position;
  }
  const found: PaperRecord[] = [];
  for (const position of positions.subarray(0, count).sort()) {
    const record = records[position];
    if (record && wanted(record)) found.push(record);
  }
  return { records: found, scores: hits.scores };
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
