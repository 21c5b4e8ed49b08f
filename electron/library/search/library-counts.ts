import { STATUSES, type PaperRecord, type Status } from '../../../shared/models/paper.js';
import type { Overview } from '../../../shared/models/views.js';
import { sortInTurns, turns } from '../storage/turns.js';

/** The overview's figures that come from the papers alone (the rest is about this run: notices, folders). */
export type LibraryCounts = Pick<Overview, 'total' | 'statusCounts' | 'tags' | 'trashCount'>;

/** Papers under a tag, and how many write it each way. */
interface TagCount {
  count: number;
  readonly spellings: Map<string, number>;
}

/** As `localeCompare` orders (the same default collation), without making a collator for each comparison. */
let tagCollator: Intl.Collator | null = null;

/**
 * Papers in each status and under each tag (the Trash counted apart), paper by paper: a large library is counted a
 * slice at a time, and an edit moves the counts without counting again.
 */
export class CountsTally {
  private readonly statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>; // every status is set to 0 just here
  /** By the tag in lower case, as tag views and `tag:` match; shown as most papers write it. */
  private readonly tags = new Map<string, TagCount>();
  private trashCount = 0;
  private total = 0;
  /**
   * The tag keys in the order `result` last gave them, kept while no tag comes or goes and none is written another
   * way: most edits only move counts, and sorting 17,000 tags with the collator took ~35 ms.
   */
  private order: readonly string[] | null = null;
  /** Moved on whenever `order` stops holding, so a sort that ran meanwhile is not kept. */
  private shape = 0;

  add(record: PaperRecord): void {
    this.count(record, 1);
  }

  /** Take back a paper `add` counted (an edit replaces it): the counts are then as if it had never been added. */
  remove(record: PaperRecord): void {
    this.count(record, -1);
  }

  private count(record: PaperRecord, by: 1 | -1): void {
    if (record.trashedAt !== null) {
      this.trashCount += by;
      return;
    }
    this.total += by;
    this.statusCounts[record.status] += by;
    // Count each paper once under every level of its tags: `llm/sparsity` counts for `llm` too.
    const counted = new Set<string>();
    for (const tag of record.tags)
      for (let end = tag.indexOf('/'); ; end = tag.indexOf('/', end + 1)) {
        const written = end === -1 ? tag : tag.slice(0, end);
        const key = written.toLowerCase();
        if (!counted.has(key)) {
          counted.add(key);
          this.countTag(key, written, by);
        }
        if (end === -1) break;
      }
  }

  /** One paper more or less under the tag `key`, written `written`. */
  private countTag(key: string, written: string, by: 1 | -1): void {
    const entry = this.tags.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    const spellings = entry.spellings.size;
    entry.count += by;
    const spelled = (entry.spellings.get(written) ?? 0) + by;
    if (spelled > 0) entry.spellings.set(written, spelled);
    else entry.spellings.delete(written);
    if (entry.count > 0) this.tags.set(key, entry);
    else this.tags.delete(key);
    // A tag come or gone (its spellings went from none or to none), or one whose commonest spelling may have
    // changed, moves in the order.
    if (entry.count <= 0 || entry.spellings.size !== spellings || spellings > 1) {
      this.order = null;
      this.shape++;
    }
  }

  /**
   * The counts as they are now, the tags in the collator's order: sorted in turns of the event loop when a tag came,
   * went or changed its spelling since the last result, else in the order kept from it.
   */
  async result(): Promise<LibraryCounts> {
    // Taken at once, so edits counted while the tags are sorted are not half in the answer.
    const counts = { total: this.total, trashCount: this.trashCount, statusCounts: { ...this.statusCounts } };
    const shown = (key: string, { count, spellings }: TagCount) => ({ key, tag: commonestSpelling(spellings), count });
    const kept = this.order?.map((key) => {
      const entry = this.tags.get(key);
      return entry && shown(key, entry);
    });
    if (kept?.every((tag) => tag !== undefined))
      return { ...counts, tags: kept.map(({ tag, count }) => ({ tag, count })) };
    const shape = this.shape;
    const tags = [...this.tags].map(([key, entry]) => shown(key, entry));
    const collator = (tagCollator ??= new Intl.Collator());
    const sorted = await sortInTurns(tags, (a, b) => collator.compare(a.tag, b.tag));
    if (this.shape === shape) this.order = sorted.map((t) => t.key);
    return { ...counts, tags: sorted.map(({ tag, count }) => ({ tag, count })) };
  }
}

/**
 * The counts of one load's records (`all`), counted in turns and then kept: the record cache tells it of each paper
 * an edit replaced in place, so the counts move with edits instead of being made again from every paper.
 */
export class KeptCounts {
  readonly tally = new CountsTally();
  /** Papers counted so far, in the records' order. */
  private counted = 0;
  private stopped = false;
  /** Settles once every paper is counted, or once stopped. */
  readonly done: Promise<void>;

  constructor(readonly all: readonly PaperRecord[]) {
    this.done = this.countInTurns();
  }

  /** The paper at `at` in `all` was replaced: moved if counted already, else counted as it is when reached. */
  patched(at: number, old: PaperRecord, record: PaperRecord): void {
    if (at >= this.counted) return;
    this.tally.remove(old);
    this.tally.add(record);
  }

  /** The records were let go (the cache starts afresh): stop counting them. */
  stop(): void {
    this.stopped = true;
  }

  private async countInTurns(): Promise<void> {
    const work = turns();
    for (; this.counted < this.all.length && !this.stopped; this.counted++) {
      this.tally.add(this.all[this.counted] as PaperRecord);
      if ((this.counted & 255) === 255 && work.due()) await work.turn();
    }
  }
}

/** The spelling most papers use; of equally common ones, the first in code-unit order (so the same every time). */
function commonestSpelling(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [spelling, n] of spellings)
    if (n > most || (n === most && spelling < best)) {
      best = spelling;
      most = n;
    }
  return best;
}
