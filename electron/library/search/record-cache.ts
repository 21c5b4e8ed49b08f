import { STATUSES, type PaperRecord } from '../../../shared/models/paper.js';
import type { Sort } from '../../../shared/models/views.js';
import type { OrderedRecords } from './paper-query.js';
import { assertNever } from '../../../shared/assert-never.js';
import { patchTagIndex } from './tag-index.js';
import { sortInTurns, turns } from '../storage/turns.js';
import { KeptCounts, type LibraryCounts } from './library-counts.js';

let collator: Intl.Collator | null = null;
/** The order of titles. Made on first use: making one costs ~6 ms, which every start would otherwise pay before its first list. */
export function titleCollator(): Intl.Collator {
  collator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  return collator;
}

export function comparator(sort: Sort): (a: PaperRecord, b: PaperRecord) => number {
  const collator = titleCollator();
  switch (sort) {
    // Relevance ranks the papers a search selects (paper-query); its base order is the newest first.
    case 'relevance':
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

/** Ordinals (places in `all`) in the sort's order, as `comparator` orders the records. */
export async function sortedOrdinals(all: readonly PaperRecord[], sort: Sort): Promise<number[]> {
  const ordinals = Array.from(all.keys());
  const added = sort === 'added' || sort === 'relevance' ? await addedKeys(all) : null;
  const collator = titleCollator();
  // In turns (the whole sort held the event loop ~150 ms at 100k, and it is made again after every import).
  if (added)
    // The same order as the comparator's (newest first, then by title), comparing numbers: twice as fast at 100k.
    return sortInTurns(
      ordinals,
      (a, b) =>
        (added[b] ?? 0) - (added[a] ?? 0) ||
        collator.compare((all[a] as PaperRecord).title, (all[b] as PaperRecord).title),
    );
  const compare = comparator(sort);
  return sortInTurns(ordinals, (a, b) => compare(all[a] as PaperRecord, all[b] as PaperRecord));
}

const CANONICAL_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/;

/**
 * Each record's `addedAt` as a number ordered as the strings are, or null when one is not in the canonical
 * `YYYY-MM-DDTHH:MM:SS.sssZ` shape (where string order is the digits' order, and the comparator compares strings).
 */
async function addedKeys(all: readonly PaperRecord[]): Promise<Float64Array | null> {
  const keys = new Float64Array(all.length);
  const work = turns();
  for (let i = 0; i < all.length; i++) {
    if (work.due()) await work.turn();
    const m = CANONICAL_INSTANT.exec((all[i] as PaperRecord).addedAt);
    if (!m) return null;
    // Mixed radix, each part below its radix: the number orders as the digits do, well within 2^53.
    const [, year, month, day, hour, minute, second, milli] = m.map(Number);
    const key =
      ((((((year ?? 0) * 13 + (month ?? 0)) * 32 + (day ?? 0)) * 25 + (hour ?? 0)) * 61 + (minute ?? 0)) * 61 +
        (second ?? 0)) *
        1000 +
      (milli ?? 0);
    keys[i] = key;
  }
  return keys;
}

/**
 * Every record, and every record in each sort order, kept between queries: sorting 100k papers costs
 * ~150 ms, a query over the kept order a few. An edit of tags, status or content never moves a paper
 * in any order (they sort by added date, title, year), so it is patched in place; anything else
 * (an import, a merge, the Trash) starts afresh.
 */
export class RecordCache {
  private all: PaperRecord[] | null = null;
  /** Each paper's ordinal (its place in `all`), made when first patched while no order is held (see `ordinals`). */
  private ordinalOf: Map<string, number> | null = null;
  /** The first order made from `all`: its places by id, and the ordinal at each place. */
  private placesHeld: { at: ReadonlyMap<string, number>; byOrdinal: readonly number[] } | null = null;
  /** Each sort order, as soon as it is asked for (queries meanwhile wait for the one sort)… */
  private readonly sorted = new Map<Sort, Promise<OrderedRecords & { records: PaperRecord[] }>>();
  /** …and once made: what edits patch. */
  private readonly ready = new Map<Sort, OrderedRecords & { records: PaperRecord[] }>();
  private generation = 0;
  private ids: { all: readonly PaperRecord[]; ids: readonly string[] } | null = null;
  /** Papers patched in place so far: work made over several turns from the records checks it did not change. */
  private patchCount = 0;
  /** A refresh in progress: reads wait for it, so no query sees a record from before an edit. */
  private pending: Promise<void> = Promise.resolve();
  /** Refreshes asked for and not yet applied. */
  private refreshing = 0;
  /** The overview's counts of `all`, moved along with each patch. */
  private kept: KeptCounts | null = null;

  constructor(
    private readonly load: () => Promise<PaperRecord[]>,
    private readonly getRecord: (id: string) => Promise<PaperRecord | undefined>,
  ) {}

  async records(): Promise<PaperRecord[]> {
    await this.pending;
    if (this.all) return this.all;
    const generation = this.generation;
    const loaded = await this.load();
    if (generation === this.generation) this.all = loaded;
    return loaded;
  }

  async sortedBy(sort: Sort): Promise<PaperRecord[]> {
    return (await this.orderedBy(sort)).records;
  }

  /** Every record in the sort's order, and where each paper stands in it (a search walks its hits, not the library). */
  async orderedBy(sort: Sort): Promise<OrderedRecords & { records: PaperRecord[] }> {
    await this.pending;
    // Relevance ranks within the newest-first order: the same order, kept once.
    const key: Sort = sort === 'relevance' ? 'added' : sort;
    const cached = this.sorted.get(key);
    if (cached) return cached;
    const generation = this.generation;
    // Kept while it is made, so queries arriving meanwhile wait for this sort instead of sorting again.
    const made = this.records().then(async (all) => {
      // Sorted in turns; papers edited meanwhile keep their places (an edit that would move one starts afresh).
      const byOrdinal = await sortedOrdinals(all, key);
      // Made in turns (~150 ms at 100,000 papers at once); kept in the same turn it is checked in: an edit patched
      // meanwhile would be missing from it, so then its records are read again from `all` at once, and from then on
      // each edit patches it.
      const patches = this.patchCount;
      const ordered = await this.orderInTurns(all, byOrdinal);
      if (this.patchCount !== patches) withPatchedRecords(ordered, all, byOrdinal);
      if (generation === this.generation) {
        this.ready.set(key, ordered);
        this.placesHeld ??= { at: ordered.at, byOrdinal };
      }
      return ordered;
    });
    this.sorted.set(key, made);
    made.catch(() => this.sorted.delete(key));
    const ordered = await made;
    if (generation !== this.generation && this.sorted.get(key) === made) this.sorted.delete(key);
    return ordered;
  }

  /**
   * The order of `all` given its ordinals (places in `all`) sorted (sorting ordinals gives each position for free),
   * with a pause whenever a turn's time is up.
   */
  private async orderInTurns(
    all: PaperRecord[],
    byOrdinal: readonly number[],
  ): Promise<OrderedRecords & { records: PaperRecord[] }> {
    const work = turns();
    const step = async (): Promise<void> => {
      if (work.due()) await work.turn();
    };
    const n = byOrdinal.length;
    const records = new Array<PaperRecord>(n);
    const positionOf = new Int32Array(all.length);
    const at = new Map<string, number>();
    const trashed = new Uint8Array(n);
    const statusAt = new Uint8Array(n);
    for (let position = 0; position < n; position++) {
      const ordinal = byOrdinal[position] as number;
      const record = all[ordinal] as PaperRecord;
      records[position] = record;
      positionOf[ordinal] = position;
      at.set(record.id, position);
      trashed[position] = record.trashedAt === null ? 0 : 1;
      statusAt[position] = STATUSES.indexOf(record.status);
      if ((position & 1023) === 1023) await step();
    }
    await step();
    return { records, at, ids: this.idsOf(all), positionOf, trashed, statusAt, tagIndex: null };
  }

  /** Every paper's id by ordinal (its place in the unsorted records): the numbering the search worker answers in. */
  private idsOf(all: readonly PaperRecord[]): readonly string[] {
    if (this.ids?.all !== all) this.ids = { all, ids: all.map((r) => r.id) };
    return this.ids.ids;
  }

  /** Papers changed: patch them in place when their place in every order stays, else start afresh. */
  refresh(ids: readonly string[]): Promise<void> {
    this.refreshing++;
    this.pending = this.pending
      .then(() => this.patch(ids))
      .catch(() => this.invalidate())
      .finally(() => this.refreshing--);
    return this.pending;
  }

  /**
   * Papers in each status and under each tag. Counted once per load, in turns (~200 ms at 100,000 papers at once,
   * which the app asked for after every edit), then kept: each patched edit takes back the paper as it was and adds
   * it as it is.
   */
  async counts(): Promise<LibraryCounts> {
    for (;;) {
      const all = await this.records();
      let kept = this.kept;
      if (kept?.all !== all) {
        if (this.all !== all) continue; // started afresh meanwhile
        kept = this.kept = new KeptCounts(all);
      }
      await kept.done;
      if (this.kept === kept) return await kept.tally.result();
    }
  }

  /**
   * What is held now, without waiting or loading: every record (in the order they were read) and the orders
   * made so far; null while nothing is held or a refresh is still to be applied.
   */
  held(): { all: readonly PaperRecord[]; ordered: (sort: Sort) => OrderedRecords | undefined } | null {
    if (!this.all || this.refreshing > 0) return null;
    return { all: this.all, ordered: (sort) => this.ready.get(sort === 'relevance' ? 'added' : sort) };
  }

  private async patch(ids: readonly string[]): Promise<void> {
    if (!this.all) return this.invalidate();
    const all = this.all;
    const ordinalOf = await this.ordinals(all);
    if (this.all !== all) return this.invalidate();
    // A new paper (an import) starts afresh: known before reading thousands of records for nothing.
    if (ids.some((id) => ordinalOf(id) === undefined)) return this.invalidate();
    const fresh: PaperRecord[] = [];
    const work = turns();
    for (const id of ids) {
      const record = await this.getRecord(id);
      if (!record) return this.invalidate();
      fresh.push(record);
      if (work.due()) await work.turn();
    }
    if (this.all !== all) return this.invalidate();
    for (const record of fresh) {
      const at = ordinalOf(record.id);
      const old = at === undefined ? undefined : all[at];
      if (
        at === undefined ||
        !old ||
        old.id !== record.id ||
        old.addedAt !== record.addedAt ||
        old.title !== record.title ||
        old.year !== record.year ||
        (old.trashedAt === null) !== (record.trashedAt === null)
      ) {
        return this.invalidate();
      }
      all[at] = record;
      this.patchCount++;
      if (this.kept?.all === all) this.kept.patched(at, old, record);
      for (const ordered of this.ready.values()) {
        const position = ordered.at.get(record.id);
        if (position === undefined) continue;
        ordered.records[position] = record;
        ordered.statusAt[position] = STATUSES.indexOf(record.status);
        if (ordered.tagIndex) patchTagIndex(ordered.tagIndex, position, old.tags, record.tags);
      }
    }
  }

  /**
   * Each paper's ordinal by id. Read through an order's places when one is held (the app holds the newest-first
   * order from its first list on): a map of every id made for the first edit took ~150 ms at 100,000 papers, in
   * turns the first edits waited behind (issue 18, `editRatio`). Else a map, made in turns and kept between edits.
   */
  private async ordinals(all: readonly PaperRecord[]): Promise<(id: string) => number | undefined> {
    const held = this.placesHeld;
    if (held)
      return (id) => {
        const position = held.at.get(id);
        return position === undefined ? undefined : held.byOrdinal[position];
      };
    if (this.ordinalOf?.size !== all.length) this.ordinalOf = await ordinalsInTurns(all);
    const ordinalOf = this.ordinalOf;
    return (id) => ordinalOf.get(id);
  }

  /** How many papers were patched in place so far (see `patchCount`). */
  get patches(): number {
    return this.patchCount;
  }

  invalidate(): void {
    this.generation++;
    this.all = null;
    this.ordinalOf = null;
    this.placesHeld = null;
    this.kept?.stop();
    this.kept = null;
    this.sorted.clear();
    this.ready.clear();
  }
}

/** Each record's place in `all`, by id, with a pause whenever a turn's time is up. */
async function ordinalsInTurns(all: readonly PaperRecord[]): Promise<Map<string, number>> {
  const ordinals = new Map<string, number>();
  const work = turns();
  for (let at = 0; at < all.length; at++) {
    ordinals.set((all[at] as PaperRecord).id, at);
    if ((at & 1023) === 1023 && work.due()) await work.turn();
  }
  return ordinals;
}

/**
 * Take again from `all` what an edit patched while an order was being made: its records and their status. Nothing
 * else moves: an edit that would change a paper's place, id or Trash starts the cache afresh.
 */
function withPatchedRecords(
  ordered: OrderedRecords & { records: PaperRecord[] },
  all: readonly PaperRecord[],
  byOrdinal: readonly number[],
): void {
  byOrdinal.forEach((ordinal, position) => {
    const record = all[ordinal] as PaperRecord;
    ordered.records[position] = record;
    ordered.statusAt[position] = STATUSES.indexOf(record.status);
  });
}
