import { STATUSES, type PaperRecord } from '../../../shared/models/paper.js';
import type { ListRow, Sort } from '../../../shared/models/views.js';
import type { View } from '../../../shared/ipc/contract.js';
import { assertNever } from '../../../shared/assert-never.js';
import { containsTerm, hasTextTerms, matchesFilters, parseQuery, type SearchQuery } from './query.js';
import { baseRelevance, relevance, type RankedField } from './relevance.js';
import { recordParts } from './search-corpus.js';
import type { TextSearch } from './text-search.js';
import { toListRow } from '../paper/list-row.js';
import { hasTag } from '../paper/tags.js';
import { tagIndexOf, type TagIndex } from './tag-index.js';
import { turns } from '../storage/turns.js';

/** Every record in a sort's order and, when known, where each paper stands in it. */
export interface OrderedRecords {
  readonly records: readonly PaperRecord[];
  readonly at: ReadonlyMap<string, number>;
  /** 1 where the paper at that position is in the Trash: a search of all papers reads this, not the records. */
  readonly trashed: Uint8Array;
  /** Each position's status, as its index in STATUSES: status views and `status:` read this, not the records. */
  readonly statusAt: Uint8Array;
  /** Every paper's id by ordinal: the numbering the text search answers in (the same array while the records are). */
  readonly ids: readonly string[];
  /** Ordinal → position in this order. */
  readonly positionOf: Int32Array;
  /** Positions of the papers with each tag (lower case), made when a tag filter first needs it; null: not made. */
  tagIndex: TagIndex | null;
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
  const problems = [...parsed.problems];
  const page = (selected: readonly PaperRecord[]) => ({
    total: selected.length,
    rows: selected.slice(query.offset, query.offset + query.limit).map(toListRow),
    problems,
  });
  if (!Array.isArray(sorted) && !hasTextTerms(parsed)) {
    const tagged = taggedPositions(sorted as OrderedRecords, parsed, query.view);
    if (tagged)
      return page(
        recordsAt(sorted as OrderedRecords, tagged).filter((r) => inView(r, query.view) && matchesFilters(r, parsed)),
      );
  }
  if (Array.isArray(sorted) || !hasTextTerms(parsed)) {
    const { records: found, scores } = await select(sorted, parsed, query.view, text);
    return page(query.sort === 'relevance' ? rankByRelevance(found, parsed, scores) : found);
  }
  const ordered = sorted as OrderedRecords;
  const hits = await text.matchingOrdinals(parsed, ordered.ids);
  const tagged = taggedPositions(ordered, parsed, query.view);
  const selection = selectHits(
    ordered,
    sortedPositionsOf(ordered, hits.ordinals),
    parsed,
    query.view,
    tagged ? markOf(ordered, tagged) : null,
  );
  if (query.sort === 'relevance' && hits.scored === null)
    return page(rankByRelevance(recordsAt(ordered, selection), parsed));
  const ranked =
    query.sort === 'relevance' && hits.scored
      ? rankHits(
          ordered,
          selection,
          positionsOf(ordered, hits.scored.ordinals),
          hits.scored.scores,
          parsed,
          query.offset + query.limit,
        )
      : selection;
  return {
    total: selection.length,
    rows: recordsAt(ordered, ranked.subarray(query.offset, query.offset + query.limit)).map(toListRow),
    problems,
  };
}

/**
 * Positions of the hits (given in the sort's order) the view and filters keep. It walks the hits, not the library:
 * where the view and filters ask only for tags and the Trash (`tagged` marks the positions the tag index gives),
 * it reads those columns, not the records, so a search costs what it finds, at any library size.
 */
function selectHits(
  ordered: OrderedRecords,
  positions: Int32Array,
  q: SearchQuery,
  view: View,
  tagged: Uint8Array | null = null,
): Int32Array {
  const count = positions.length;
  const statuses = columnStatuses(q, view);
  const byColumn =
    statuses !== null && (q.tags.length === 0 || tagged !== null) && (view.kind !== 'tag' || tagged !== null);
  const trashed = view.kind === 'trash' ? 1 : 0;
  const kept = new Int32Array(count);
  let k = 0;
  for (const position of positions) {
    if (tagged && tagged[position] !== 1) continue;
    const record = byColumn ? null : ordered.records[position];
    const keep = byColumn
      ? ordered.trashed[position] === trashed && statuses[ordered.statusAt[position] ?? 0] === 1
      : record !== undefined && record !== null && inView(record, view) && matchesFilters(record, q);
    if (keep) kept[k++] = position;
  }
  return kept.subarray(0, k);
}

/**
 * The statuses a view and the query's `status:` filters allow (1 at each kept status's index in STATUSES), or
 * null when they filter on something the columns do not hold (a negated tag, a year, an author, `has:`).
 */
function columnStatuses(q: SearchQuery, view: View): Uint8Array | null {
  if (q.notTags.length + q.years.length + q.authors.length + q.has.length + q.notHas.length > 0) return null;
  return allowedStatuses(q, view);
}

/** The statuses a view and the query's `status:` filters allow: 1 at each kept status's index in STATUSES. */
export function allowedStatuses(q: SearchQuery, view: View): Uint8Array {
  return Uint8Array.from(STATUSES, (status) =>
    (view.kind !== 'status' || view.status === status) &&
    (q.statuses.length === 0 || q.statuses.includes(status)) &&
    !q.notStatuses.includes(status)
      ? 1
      : 0,
  );
}

function markOf(ordered: OrderedRecords, positions: Int32Array): Uint8Array {
  const mark = new Uint8Array(ordered.records.length);
  for (const position of positions) mark[position] = 1;
  return mark;
}

/**
 * The first `count` of the selection, best match first: the papers the index scored above the base (a term in
 * their title, tags or people) by score, then the rest in the sort's order, as `rankByRelevance` orders them.
 */
function rankHits(
  ordered: OrderedRecords,
  selection: Int32Array,
  scoredPositions: Int32Array,
  scores: Float64Array,
  q: SearchQuery,
  count: number,
): Int32Array {
  const base = baseRelevance(q);
  // Each selected position's score where the index gave one above the base; 0 for the rest.
  const scoreAt = new Float64Array(ordered.records.length);
  scoredPositions.forEach((position, i) => {
    const score = scores[i] ?? base;
    if (score > base) scoreAt[position] = score;
  });
  // Scores are few distinct values: bucket the scored part of the selection (in the sort's order) by score.
  const buckets = new Map<number, number[]>();
  for (const position of selection) {
    const score = scoreAt[position] ?? 0;
    if (score === 0) continue;
    const bucket = buckets.get(score);
    if (bucket) bucket.push(position);
    else buckets.set(score, [position]);
  }
  const ranked = new Int32Array(Math.min(count, selection.length));
  let rest = 0;
  for (const score of [...buckets.keys()].sort((x, y) => y - x))
    for (const position of buckets.get(score) ?? []) {
      if (rest === ranked.length) return ranked;
      ranked[rest++] = position;
    }
  // Then the unscored, in order, only as many as the page needs.
  for (const position of selection) {
    if (rest === ranked.length) break;
    if (scoreAt[position] === 0) ranked[rest++] = position;
  }
  return ranked;
}

/**
 * Positions of the papers a tag view and every `tag:` filter ask for (a tag or one below it), in order, from the
 * tag index instead of every record; null when neither asks for a tag.
 */
function taggedPositions(ordered: OrderedRecords, q: SearchQuery, view: View): Int32Array | null {
  const wanted = [...q.tags, ...(view.kind === 'tag' ? [view.tag.toLowerCase()] : [])];
  if (wanted.length === 0) return null;
  ordered.tagIndex ??= tagIndexOf(ordered.records);
  const index = ordered.tagIndex;
  let result: Int32Array | null = null;
  for (const tag of wanted) {
    const mark = new Uint8Array(ordered.records.length);
    for (const [name, positions] of index)
      if (name === tag || name.startsWith(`${tag}/`)) for (const position of positions) mark[position] = 1;
    const previous: Int32Array | null = result;
    const next: Int32Array = new Int32Array(previous ? previous.length : ordered.records.length);
    let k = 0;
    if (previous) {
      for (const position of previous) if (mark[position] === 1) next[k++] = position;
    } else for (let position = 0; position < mark.length; position++) if (mark[position] === 1) next[k++] = position;
    result = next.subarray(0, k);
  }
  return result;
}

/** Ids as positions in this order (an id not in it is left out). */
function idPositions(ordered: OrderedRecords, ids: readonly string[]): Int32Array {
  const out = new Int32Array(ids.length);
  let k = 0;
  for (const id of ids) {
    const position = ordered.at.get(id);
    if (position !== undefined) out[k++] = position;
  }
  return out.subarray(0, k);
}

/** Ordinals as positions in this order (an ordinal out of range, from another numbering, is left out). */
function positionsOf(ordered: OrderedRecords, ordinals: Int32Array): Int32Array {
  const out = new Int32Array(ordinals.length);
  let k = 0;
  for (const ordinal of ordinals) {
    const position = ordered.positionOf[ordinal];
    if (position !== undefined) out[k++] = position;
  }
  return out.subarray(0, k);
}

/** The same, in the order's order: many hits are put in order by marking them, few by sorting. */
function sortedPositionsOf(ordered: OrderedRecords, ordinals: Int32Array): Int32Array {
  const size = ordered.records.length;
  if (ordinals.length * 16 < size) return positionsOf(ordered, ordinals).sort();
  const mark = new Uint8Array(size);
  for (const ordinal of ordinals) {
    const position = ordered.positionOf[ordinal];
    if (position !== undefined) mark[position] = 1;
  }
  const out = new Int32Array(ordinals.length);
  let k = 0;
  for (let position = 0; position < size; position++) if (mark[position] === 1) out[k++] = position;
  return out.subarray(0, k);
}

function recordsAt(ordered: OrderedRecords, positions: Int32Array): PaperRecord[] {
  const out: PaperRecord[] = [];
  for (const position of positions) {
    const record = ordered.records[position];
    if (record) out.push(record);
  }
  return out;
}

/** The one search path: the records a view and search select, in the order given. The list, the CLI and exports use it. */
export async function selectRecords(
  sorted: Sorted,
  query: Pick<PaperQuery, 'view' | 'search'>,
  text: TextSearch,
): Promise<PaperRecord[]> {
  return (await select(sorted, parseQuery(query.search), query.view, text)).records;
}

/**
 * `selectRecords`, for work in the background that must not hold the event loop (the list snapshot): a view
 * without words to search for is filtered in turns (~60 ms at 100,000 papers at once).
 */
export async function selectRecordsInTurns(
  sorted: Sorted,
  query: Pick<PaperQuery, 'view' | 'search'>,
  text: TextSearch,
): Promise<PaperRecord[]> {
  const parsed = parseQuery(query.search);
  if (hasTextTerms(parsed)) return selectRecords(sorted, query, text);
  const records = Array.isArray(sorted) ? (sorted as readonly PaperRecord[]) : (sorted as OrderedRecords).records;
  const wanted = wantedBy(query.view, parsed);
  const selected: PaperRecord[] = [];
  const work = turns();
  for (let at = 0; at < records.length; at++) {
    const record = records[at] as PaperRecord;
    if (wanted(record)) selected.push(record);
    if ((at & 255) === 255 && work.due()) await work.turn();
  }
  return selected;
}

/** Whether a paper is in the view and passes the query's filters (words to search for aside). */
function wantedBy(view: View, parsed: SearchQuery): (record: PaperRecord) => boolean {
  return (r) => inView(r, view) && matchesFilters(r, parsed);
}

async function select(
  sorted: Sorted,
  parsed: SearchQuery,
  view: View,
  text: TextSearch,
): Promise<{ records: PaperRecord[]; scores: ReadonlyMap<string, number> | null }> {
  const { records, at } = Array.isArray(sorted) ? { records: sorted, at: null } : (sorted as OrderedRecords);
  const wanted = wantedBy(view, parsed);
  if (!hasTextTerms(parsed)) return { records: records.filter(wanted), scores: null };
  const hits = await text.matching(parsed);
  if (at === null) {
    const ids = new Set(hits.ids);
    return { records: records.filter((r) => ids.has(r.id) && wanted(r)), scores: hits.scores };
  }
  return {
    records: recordsAt(
      sorted as OrderedRecords,
      selectHits(sorted as OrderedRecords, idPositions(sorted as OrderedRecords, hits.ids).sort(), parsed, view),
    ),
    scores: hits.scores,
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
