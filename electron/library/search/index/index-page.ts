import type { ListRow, Sort } from '../../../../shared/models/views.js';
import type { View } from '../../../../shared/ipc/contract.js';
import { hasTag } from '../../paper/tags.js';
import { matchesFilters, type SearchQuery } from '../query.js';
import { baseRelevance } from '../relevance.js';
import { allowedStatuses } from '../paper-query.js';
import { titleCollator } from '../record-cache.js';
import { PaperFactsSchema, filterableFacts, type PaperFacts } from '../paper-facts.js';
import type { RowScores } from './fts-index.js';

/** What the index holds of every paper for the list, by rowid. */
export interface PageColumns {
  /** 0: no paper at this rowid; else 1 + the status's index in STATUSES. */
  readonly status: Uint8Array;
  /** 1: in the Trash. */
  readonly trashed: Uint8Array;
  /** When it was added, in milliseconds; NaN when its time is not in the canonical shape. */
  readonly added: Float64Array;
}

/** The parts of the index a search page is made from. */
export interface PageSource {
  matchingRows(q: SearchQuery): Int32Array;
  scores(q: SearchQuery, rows: Int32Array): RowScores;
  columns(): PageColumns;
  titles(rows: readonly number[]): Map<number, string>;
  factsText(rows: readonly number[]): Array<[rowid: number, facts: string]>;
}

export interface PageRequest {
  readonly query: SearchQuery;
  readonly view: View;
  readonly sort: Sort;
  readonly offset: number;
  readonly limit: number;
}

/**
 * One page of a search, made from the index alone: the same papers, in the same order, as `runPaperQuery` gives
 * from the records (issue 17: a search answered at open, before every record is read). The view and `status:`
 * are read from columns, other filters from the stored facts of the papers the text matched. Null where it would
 * cost more than waiting for the records (the title and year sorts) or could differ from them (a time added that
 * is not in the canonical shape).
 */
export function indexPage(source: PageSource, request: PageRequest): { total: number; rows: ListRow[] } | null {
  const { query: q, view, sort } = request;
  if (sort !== 'relevance' && sort !== 'added') return null;
  const columns = source.columns();
  const rows = source.matchingRows(q);
  const allowed = allowedStatuses(q, view);
  const inTrash = view.kind === 'trash' ? 1 : 0;
  let selected: number[] = [];
  for (const row of rows) {
    const status = columns.status[row] ?? 0;
    if (status === 0 || allowed[status - 1] !== 1 || columns.trashed[row] !== inTrash) continue;
    if (Number.isNaN(columns.added[row])) return null;
    selected.push(row);
  }
  const known = new Map<number, PaperFacts>();
  const factsOf = (wanted: readonly number[]) => {
    for (const [rowid, text] of source.factsText(wanted.filter((row) => !known.has(row))))
      known.set(rowid, PaperFactsSchema.parse(JSON.parse(text)));
  };
  if (needsFacts(q, view)) {
    factsOf(selected);
    selected = selected.filter((row) => {
      const facts = known.get(row);
      return (
        facts !== undefined &&
        (view.kind !== 'tag' || hasTag(facts.row.tags, view.tag)) &&
        matchesFilters(filterableFacts(facts), q)
      );
    });
  }
  const page = pageRows(source, columns, request, rows, selected);
  factsOf(page);
  return {
    total: selected.length,
    rows: page.flatMap((row) => {
      const facts = known.get(row);
      return facts ? [facts.row] : [];
    }),
  };
}

/** Whether the view or filters look at more than the columns hold. */
function needsFacts(q: SearchQuery, view: View): boolean {
  return (
    view.kind === 'tag' ||
    q.tags.length + q.notTags.length + q.years.length + q.authors.length + q.has.length + q.notHas.length > 0
  );
}

/**
 * The page's rows in the order `runPaperQuery` gives: by relevance, the papers the index scored above the base
 * first (best first), then the rest; within each, the newest first, then by title. Titles are read (and the
 * collator made) only for papers level on both with another that can be on the page.
 */
function pageRows(
  source: PageSource,
  columns: PageColumns,
  request: PageRequest,
  rows: Int32Array,
  selected: readonly number[],
): number[] {
  const { query: q, offset, limit } = request;
  const scoreAt = new Float64Array(columns.status.length);
  if (request.sort === 'relevance' && q.words.length + q.phrases.length > 0) {
    const base = baseRelevance(q);
    const scored = source.scores(q, rows);
    scored.rows.forEach((row, i) => {
      const score = scored.scores[i] ?? base;
      if (score > base && row < scoreAt.length) scoreAt[row] = score;
    });
  }
  const added = columns.added;
  const ahead = (a: number, b: number) => (scoreAt[b] ?? 0) - (scoreAt[a] ?? 0) || (added[b] ?? 0) - (added[a] ?? 0);
  const count = offset + limit;
  const best = topRows(selected, ahead, count);
  const last = best[best.length - 1];
  // Every paper ahead of the page's last place or level with it: any of them may be on the page once titles are read.
  const candidates =
    last === undefined || selected.length <= count ? [...selected] : selected.filter((row) => ahead(row, last) <= 0);
  candidates.sort(ahead);
  const level: number[] = [];
  candidates.forEach((row, i) => {
    const next = candidates[i + 1];
    const previous = candidates[i - 1];
    if ((next !== undefined && ahead(row, next) === 0) || (previous !== undefined && ahead(previous, row) === 0))
      level.push(row);
  });
  if (level.length > 0) {
    const titles = source.titles(level);
    const collator = titleCollator();
    candidates.sort((a, b) => ahead(a, b) || collator.compare(titles.get(a) ?? '', titles.get(b) ?? ''));
  }
  return candidates.slice(offset, count);
}

/** The first `count` rows in `compare`'s order (ties in any order): one pass, keeping the best so far in order. */
function topRows(rows: readonly number[], compare: (a: number, b: number) => number, count: number): number[] {
  const best: number[] = [];
  if (count <= 0) return best;
  for (const row of rows) {
    const worst = best[best.length - 1];
    if (best.length === count && worst !== undefined && compare(row, worst) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compare(best[mid] as number, row) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, row);
    if (best.length > count) best.pop();
  }
  return best;
}
