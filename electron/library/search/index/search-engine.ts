import { shardOf } from '../../storage/layout.js';
import type { SearchQuery } from '../query.js';
import { SearchCorpus, joinRecordParts, splitRecordText } from '../search-corpus.js';
import type { PageAsk, SearchEngineStatus, TextUpdate } from '../worker-protocol.js';
import type { ListRow } from '../../../../shared/models/views.js';
import { indexPage } from './index-page.js';
import type { PaperFacts } from '../paper-facts.js';
import { ordinalHits, type OrdinalHits } from '../text-search.js';
import { FtsIndex, type IndexedDoc, type ShardStamp } from './fts-index.js';
import { allShardStamps, readShardCount, readShardTexts, sameStamp } from './shard-texts.js';
import { pendingEditsByShard } from '../../storage/edit-log.js';

/** Up to this many changed shards are read again before the first search; more, and the index is rebuilt behind a scan. */
const CATCH_UP_LIMIT = 32;
/**
 * A build runs in slices about this long, so searches and edits are answered between them. Each slice is one
 * transaction (fewer, larger FTS5 segments); a search meanwhile is a scan that takes longer than this anyway.
 */
const SLICE_MS = 100;
/** Merging the index's segments while edits pause runs in slices this long. */
const MERGE_SLICE_MS = 20;
/** Edits are written to the index at most this long after they arrive (a search writes them at once). */
const APPLY_AFTER_MS = 50;
/** Shards edited through the app are compared with their files once edits have paused this long. */
const VERIFY_AFTER_MS = 2000;

export interface EngineHits {
  readonly ids: string[];
  /** Null: the scan answered, and ranking reads the records. */
  readonly scores: Array<[string, number]> | null;
}

export interface EngineOptions {
  /** Hear how searches are answered (index, building, scan) whenever it changes. */
  readonly onStatus?: (status: SearchEngineStatus) => void;
  /** Opens the index; tests pass one that fails, as a missing native module would. */
  readonly openIndex?: (dir: string) => FtsIndex;
}

/**
 * The search worker's engine: the full-text index when it is current, the in-memory scan while it is
 * built (or when no index can be opened here). Edits reach both in the order they were made; shards
 * changed behind the app's back (the CLI, a crash before an update landed) are found by their stamps.
 */
export class SearchEngine {
  private corpus: SearchCorpus | null = null;
  /** Each paper's list facts while the corpus answers (the index is built from both). */
  private facts = new Map<string, PaperFacts>();
  private status: SearchEngineStatus = { mode: 'index' };
  /** Shards edited through the app since their files were last compared with the index. */
  private readonly dirty = new Set<number>();
  /** Edits per shard: a background read of a shard is dropped if an edit of it landed meanwhile. */
  private readonly edits = new Map<number, number>();
  private verifyTimer: NodeJS.Timeout | null = null;
  private building: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly pending: Array<IndexedDoc | { readonly removed: string }> = [];
  private applyTimer: NodeJS.Timeout | null = null;
  private order: { ordinalOf: Map<string, number>; byRow: Int32Array | null; rowsSeen: number } | null = null;

  private constructor(
    private readonly dir: string,
    private readonly shardCount: number,
    private index: FtsIndex | null,
    private readonly onStatus: (status: SearchEngineStatus) => void,
  ) {}

  static async start(dir: string, options: EngineOptions = {}): Promise<SearchEngine> {
    const shardCount = await readShardCount(dir);
    let index: FtsIndex | null = null;
    let reason = '';
    try {
      index = (options.openIndex ?? FtsIndex.open)(dir);
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    const engine = new SearchEngine(dir, shardCount, index, options.onStatus ?? (() => {}));
    await engine.begin(reason);
    return engine;
  }

  get paperCount(): number {
    return this.corpus?.size ?? this.index?.size ?? 0;
  }

  currentStatus(): SearchEngineStatus {
    return this.status;
  }

  /** Resolves when a background build (if any) has finished. */
  whenBuilt(): Promise<void> {
    return this.building;
  }

  /** Number papers by their place in `ids` (the main process's records) for `searchOrdinals`. */
  setOrder(ids: readonly string[]): void {
    this.order = { ordinalOf: new Map(ids.map((id, i) => [id, i])), byRow: null, rowsSeen: -1 };
  }

  /** `search`, answered by ordinal in the last order set (papers not in it are left out). */
  searchOrdinals(q: SearchQuery): OrdinalHits {
    this.applyPending();
    const order = this.order;
    if (!order) throw new Error('searchOrdinals before setOrder');
    if (this.corpus || !this.index)
      return ordinalHits({ ids: this.corpus?.match(q) ?? [], scores: null }, order.ordinalOf);
    const index = this.index;
    // The row → ordinal map, made again only when rows were added since (an import, a rebuild).
    if (!order.byRow || order.rowsSeen !== index.maxRowId) {
      const byRow = new Int32Array(index.maxRowId + 1).fill(-1);
      for (const [row, id] of index.rows()) byRow[row] = order.ordinalOf.get(id) ?? -1;
      order.byRow = byRow;
      order.rowsSeen = index.maxRowId;
    }
    const byRow = order.byRow;
    const { rows, scored } = index.searchRows(q);
    const ordinals = new Int32Array(rows.length);
    let k = 0;
    for (const row of rows) {
      const ordinal = byRow[row] ?? -1;
      if (ordinal >= 0) ordinals[k++] = ordinal;
    }
    const scoredOrdinals = new Int32Array(scored.rows.length);
    const values = new Float64Array(scored.rows.length);
    let j = 0;
    scored.rows.forEach((row, i) => {
      const ordinal = byRow[row] ?? -1;
      if (ordinal < 0) return;
      scoredOrdinals[j] = ordinal;
      values[j++] = scored.scores[i] ?? 0;
    });
    return {
      ordinals: ordinals.slice(0, k),
      scored: { ordinals: scoredOrdinals.slice(0, j), scores: values.slice(0, j) },
    };
  }

  /**
   * A search page from the index alone (the main process asks while it still reads the records at open), or
   * null when the index is not what answers now (being built, or none here).
   */
  page(ask: PageAsk): { total: number; rows: ListRow[] } | null {
    this.applyPending();
    if (this.corpus || !this.index || this.status.mode !== 'index') return null;
    return indexPage(this.index, ask);
  }

  search(q: SearchQuery): EngineHits {
    this.applyPending();
    if (this.corpus || !this.index) return { ids: this.corpus?.match(q) ?? [], scores: null };
    return this.index.search(q);
  }

  update(updates: readonly TextUpdate[]): void {
    const docs: IndexedDoc[] = [];
    const removed: string[] = [];
    for (const [id, record, content] of updates) {
      const shard = shardOf(id, this.shardCount);
      this.edits.set(shard, (this.edits.get(shard) ?? 0) + 1);
      this.dirty.add(shard);
      if (record === null) {
        removed.push(id);
        this.corpus?.delete(id);
        this.facts.delete(id);
        continue;
      }
      const doc = { id, shard, record: record.parts, facts: record.facts };
      docs.push(content === undefined ? doc : { ...doc, content });
      if (this.corpus) this.facts.set(id, record.facts);
      this.corpus?.setRecord(id, joinRecordParts(record.parts));
      if (content !== undefined) this.corpus?.setContent(id, content);
    }
    if (!this.index) return;
    // Written to the index in batches: before the next search (which so never misses an edit), or soon after.
    this.pending.push(...docs, ...removed.map((id) => ({ removed: id })));
    this.applyTimer ??= setTimeout(() => this.applyPending(), APPLY_AFTER_MS).unref();
    if (!this.corpus) this.scheduleVerify();
  }

  /** Write the edits received so far to the index, in one transaction, in the order they came. */
  applyPending(): void {
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
    const index = this.index;
    if (this.pending.length === 0 || !index) return;
    // In the order they came: runs of edits and of removals, each run one transaction.
    const docs: IndexedDoc[] = [];
    const removed: string[] = [];
    for (const op of this.pending.splice(0)) {
      if ('removed' in op) {
        if (docs.length > 0) index.apply(docs.splice(0), []);
        removed.push(op.removed);
      } else {
        if (removed.length > 0) index.apply([], removed.splice(0));
        docs.push(op);
      }
    }
    index.apply(docs, removed);
  }

  /**
   * Compare every edited shard with its files now, so the next start finds the index current. The app calls
   * this as it closes; after a crash, the shards still marked edited are read again at the next start.
   */
  async flush(): Promise<void> {
    await this.building;
    this.applyPending();
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    await this.verify();
    // For the next start's first search (see `FtsIndex.saveColumns`).
    this.index?.saveColumns();
  }

  close(): void {
    this.applyPending();
    this.closed = true;
    if (this.applyTimer) clearTimeout(this.applyTimer);
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    this.index?.close();
    this.index = null;
  }

  private setStatus(status: SearchEngineStatus): void {
    this.status = status;
    this.onStatus(status);
  }

  private async begin(reason: string): Promise<void> {
    const index = this.index;
    if (!index) {
      await this.loadCorpus();
      this.setStatus({ mode: 'scan', reason: `the search index cannot be opened here (${reason})` });
      return;
    }
    if (index.shardCount() !== this.shardCount) index.reset(this.shardCount);
    const held = index.stamps();
    const now = allShardStamps(this.dir, this.shardCount);
    // Shards the store's journal or edit log changes are not what their files say either.
    const logged = pendingEditsByShard(this.dir, this.shardCount);
    const stale = now.flatMap((stamp, shard) =>
      sameStamp(held.get(shard), stamp) && !logged.has(shard) ? [] : [shard],
    );
    if (stale.length <= CATCH_UP_LIMIT) {
      for (const shard of stale) {
        const { docs, stamp, fromLog } = await readShardTexts(this.dir, shard, this.shardCount, logged);
        index.replaceShard(shard, docs, stamp);
        if (fromLog) this.dirty.add(shard);
      }
      if (this.dirty.size > 0) this.scheduleVerify();
      this.setStatus({ mode: 'index' });
      return;
    }
    // Too much to read before answering: scan meanwhile, and build the index from the scan's text.
    const stamps = await this.loadCorpus();
    this.setStatus({ mode: 'building', done: 0, total: stale.length });
    this.building = this.build(stale, stamps);
  }

  /** Read every shard into the scan's corpus; returns each shard's stamp as read. */
  private async loadCorpus(): Promise<Map<number, ShardStamp>> {
    const corpus = new SearchCorpus();
    const facts = new Map<string, PaperFacts>();
    const stamps = new Map<number, ShardStamp>();
    const logged = pendingEditsByShard(this.dir, this.shardCount);
    for (let shard = 0; shard < this.shardCount; shard++) {
      const { docs, stamp, fromLog } = await readShardTexts(this.dir, shard, this.shardCount, logged);
      stamps.set(shard, stamp);
      if (fromLog) this.dirty.add(shard);
      for (const doc of docs) {
        corpus.setRecord(doc.id, joinRecordParts(doc.record));
        facts.set(doc.id, doc.facts);
        corpus.setContent(doc.id, doc.content ?? '');
      }
    }
    this.corpus = corpus;
    this.facts = facts;
    return stamps;
  }

  /** Fill the index from the corpus, shard by shard, in short slices; then answer from the index. */
  private async build(stale: readonly number[], stamps: ReadonlyMap<number, ShardStamp>): Promise<void> {
    const corpus = this.corpus;
    if (!corpus) return;
    const byShard = new Map<number, string[]>();
    for (const id of corpus.ids()) {
      const shard = shardOf(id, this.shardCount);
      const list = byShard.get(shard);
      if (list) list.push(id);
      else byShard.set(shard, [id]);
    }
    let done = 0;
    let batchSize = 1;
    while (done < stale.length) {
      const index = this.index;
      if (!index || this.closed) return;
      // A slice's shards go in as one transaction, sized by the time the last one took.
      const started = performance.now();
      const batch = stale.slice(done, done + batchSize).map((shard) => ({
        shard,
        docs: (byShard.get(shard) ?? []).flatMap((id): IndexedDoc[] => {
          const text = corpus.text(id);
          const facts = this.facts.get(id);
          return text && facts
            ? [{ id, shard, record: splitRecordText(text.record), facts, content: text.content }]
            : [];
        }),
        // Edited since it was read: its stamp is older than what the index now holds, so it is read again next time.
        stamp: stamps.get(shard) ?? { papers: null, contents: null },
      }));
      index.replaceShards(batch);
      done += batch.length;
      const took = performance.now() - started;
      batchSize = Math.max(1, Math.min(64, Math.round((batch.length * SLICE_MS) / Math.max(took, 1))));
      this.setStatus({ mode: 'building', done, total: stale.length });
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.corpus = null;
    this.facts = new Map();
    this.index?.saveColumns();
    this.setStatus({ mode: 'index' });
    if (this.dirty.size > 0) this.scheduleVerify();
  }

  private scheduleVerify(): void {
    if (this.verifyTimer) clearTimeout(this.verifyTimer);
    this.verifyTimer = setTimeout(() => void this.verify(), VERIFY_AFTER_MS);
    this.verifyTimer.unref();
  }

  /**
   * Compare edited shards with their files (and the edit log on top), so the stamps the index keeps are true. A
   * shard the log still had changes for stays edited: it is compared again once they are in its files.
   */
  private async verify(): Promise<void> {
    this.applyPending();
    const logged = pendingEditsByShard(this.dir, this.shardCount);
    for (const shard of [...this.dirty]) {
      if (this.closed || !this.index || this.corpus) return;
      const before = this.edits.get(shard) ?? 0;
      const { docs, stamp, fromLog } = await readShardTexts(this.dir, shard, this.shardCount, logged);
      // An edit landed while the files were read: what was read may be older than what the index holds.
      if ((this.edits.get(shard) ?? 0) !== before || !this.index) continue;
      this.index.replaceShard(shard, docs, stamp);
      if (!fromLog) this.dirty.delete(shard);
    }
    if (this.dirty.size > 0) this.scheduleVerify();
    else await this.mergeWhileIdle();
  }

  /**
   * Merge the index segments edits left (they are written without merging, so an edit never waits on one), in
   * slices, while nothing else arrives: a search or an edit meanwhile is answered between slices, and an edit
   * puts the rest off until edits pause again.
   */
  private async mergeWhileIdle(): Promise<void> {
    for (;;) {
      const index = this.index;
      if (this.closed || !index || this.corpus || this.dirty.size > 0 || this.pending.length > 0) return;
      const started = performance.now();
      let more = true;
      while (more && performance.now() - started < MERGE_SLICE_MS) more = index.mergeSome();
      if (!more) return;
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
}
