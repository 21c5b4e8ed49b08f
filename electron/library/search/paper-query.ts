import type { PaperRecord } from '../../../shared/models/paper.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { isEmptyQuery, matchesFilters, parseQuery, type SearchQuery } from './query.js';
import type { TextSearch } from './text-search.js';

export interface PaperQuery {
  readonly view: View;
  readonly search: string;
  readonly sort: Sort;
  readonly offset: number;
  readonly limit: number;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** The papers a view and search select, sorted, as one page of list rows. */
export async function runPaperQuery(records: readonly PaperRecord[], query: PaperQuery, text: TextSearch): Promise<{ total: number; rows: ListRow[] }> {
  const parsed = parseQuery(query.search);
  let selected = records.filter((r) => inView(r, query.view) && matchesFilters(r, parsed));
  if (hasText(parsed)) {
    const hits = await text.matching(parsed, selected);
    selected = selected.filter((r) => hits.has(r.id));
  }
  const sorted = [...selected].sort(comparator(query.sort));
  return { total: sorted.length, rows: sorted.slice(query.offset, query.offset + query.limit).map(toListRow) };
}

function hasText(q: SearchQuery): boolean {
  return !isEmptyQuery({ ...q, tags: [], statuses: [], years: [] });
}

function inView(record: PaperRecord, view: View): boolean {
  if (view.kind === 'trash') return record.trashedAt !== null;
  if (record.trashedAt !== null) return false;
  switch (view.kind) {
    case 'all':
      return true;
    case 'status':
      return record.status === view.status;
    case 'tag': {
      const tag = view.tag.toLowerCase();
      return record.tags.some((t) => t.toLowerCase() === tag || t.toLowerCase().startsWith(`${tag}/`));
    }
    default:
      return assertNever(view);
  }
}

function comparator(sort: Sort): (a: PaperRecord, b: PaperRecord) => number {
  switch (sort) {
    case 'added':
      return (a, b) => (a.addedAt === b.addedAt ? collator.compare(a.title, b.title) : a.addedAt < b.addedAt ? 1 : -1);
    case 'title':
      return (a, b) => collator.compare(a.title, b.title);
    case 'year':
      return (a, b) => (b.year ?? -Infinity) - (a.year ?? -Infinity) || collator.compare(a.title, b.title);
    default:
      return assertNever(sort);
  }
}

/** The list's view of a record. */
export function toListRow(record: PaperRecord): ListRow {
  return {
    id: record.id,
    title: record.title,
    authors: record.authors.slice(0, 3),
    authorCount: record.authors.length,
    year: record.year,
    tags: record.tags,
    status: record.status,
    annotationCount: record.annotationCount,
    hasNote: record.hasNote,
    addedAt: record.addedAt,
  };
}
