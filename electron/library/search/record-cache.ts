import type { PaperRecord } from '../../../shared/models/paper.js';
import type { Sort } from '../../../shared/models/views.js';
import type { OrderedRecords } from './paper-query.js';
import { assertNever } from '../../../shared/assert-never.js';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function comparator(sort: Sort): (a: PaperRecord, b: PaperRecord) => number {
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

/**
 * Every record, and every record in each sort order, kept between queries: sorting 100k papers costs
 * ~150 ms, a query over the kept order a few. An edit of tags, status or content never moves a paper
 * in any order (they sort by added date, title, year), so it is patched in place; anything else
 * (an import, a merge, the Trash) starts afresh.
 */
export class RecordCache {
  private all: PaperRecord[] | null = null;
  private readonly sorted = new Map<Sort, OrderedRecords & { records: PaperRecord[] }>();
  private generation = 0;
  private ids: { all: readonly PaperRecord[]; ids: readonly string[] } | null = null;
  /** A refresh in progress: reads wait for it, so no query sees a record from before an edit. */
  private pending: Promise<void> = Promise.resolve();

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
    const cached = this.sorted.get(sort);
    if (cached) return cached;
    const generation = this.generation;
    const all = await this.records();
    // Sorting ordinals (places in `all`) gives each order its map from ordinal to position for free.
    const compare = comparator(sort);
    const byOrdinal = Array.from(all.keys()).sort((a, b) => compare(all[a] as PaperRecord, all[b] as PaperRecord));
    const records = byOrdinal.map((ordinal) => all[ordinal] as PaperRecord);
    const positionOf = new Int32Array(all.length);
    byOrdinal.forEach((ordinal, position) => (positionOf[ordinal] = position));
    const ordered = {
      records,
      at: new Map(records.map((r, i) => [r.id, i])),
      ids: this.idsOf(all),
      positionOf,
      // Patching never changes it: a paper moved to or from the Trash starts the cache afresh.
      trashed: Uint8Array.from(records, (r) => (r.trashedAt === null ? 0 : 1)),
      tagIndex: null,
    };
    if (generation === this.generation) this.sorted.set(sort, ordered);
    return ordered;
  }

  /** Every paper's id by ordinal (its place in the unsorted records): the numbering the search worker answers in. */
  private idsOf(all: readonly PaperRecord[]): readonly string[] {
    if (this.ids?.all !== all) this.ids = { all, ids: all.map((r) => r.id) };
    return this.ids.ids;
  }

  /** Papers changed: patch them in place when their place in every order stays, else start afresh. */
  refresh(ids: readonly string[]): Promise<void> {
    this.pending = this.pending.then(() => this.patch(ids)).catch(() => this.invalidate());
    return this.pending;
  }

  private async patch(ids: readonly string[]): Promise<void> {
    if (!this.all) return this.invalidate();
    const fresh: PaperRecord[] = [];
    for (const id of ids) {
      const record = await this.getRecord(id);
      if (!record) return this.invalidate();
      fresh.push(record);
    }
    const index = new Map(this.all.map((r, i) => [r.id, i]));
    for (const record of fresh) {
      const at = index.get(record.id);
      const old = at === undefined ? undefined : this.all[at];
      if (
        at === undefined ||
        !old ||
        old.addedAt !== record.addedAt ||
        old.title !== record.title ||
        old.year !== record.year ||
        (old.trashedAt === null) !== (record.trashedAt === null)
      ) {
        return this.invalidate();
      }
      this.all[at] = record;
      for (const ordered of this.sorted.values()) {
        const position = ordered.at.get(record.id);
        if (position !== undefined) ordered.records[position] = record;
        // A tag edit keeps the paper's place but not its tags: the tag index is made again when next asked.
        ordered.tagIndex = null;
      }
    }
  }

  invalidate(): void {
    this.generation++;
    this.all = null;
    this.sorted.clear();
  }
}
