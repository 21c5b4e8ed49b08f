import type { PaperRecord } from '../../../shared/models/paper.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { isEmptyQuery, matchesFilters, parseQuery, type SearchQuery } from './query.js';
import type { TextSearch } from './text-search.js';
import { toListRow } from '../paper/list-row.js';
import { hasTag } from '../paper/tags.js';

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
): Promise<{ total: number; rows: ListRow[]; problems: string[] }> {
  const selected = await selectRecords(sorted, query, text);
  return {
    total: selected.length,
    rows: selected.slice(query.offset, query.offset + query.limit).map(toListRow),
    problems: [...parseQuery(query.search).problems],
  };
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

function hasText(q: SearchQuery): boolean {
  return !isEmptyQuery({ ...q, tags: [], notTags: [], statuses: [], notStatuses: [], years: [] });
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
