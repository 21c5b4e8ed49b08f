import { Worker } from 'node:worker_threads';
import type { SearchQuery } from './query.js';
import { contentText, recordParts } from './search-corpus.js';
import { paperFacts } from './paper-facts.js';
import {
  InProcessTextSearch,
  type OrdinalHits,
  type TextHits,
  type TextSearch,
  type TextSource,
} from './text-search.js';
import {
  ORDER_PART,
  type PageAsk,
  type SearchEngineStatus,
  type TextUpdate,
  type WorkerReply,
  type WorkerRequest,
} from './worker-protocol.js';
import { nextTurn, turns } from '../storage/turns.js';
import { ListRowSchema, type ListRow } from '../../../shared/models/views.js';

/** Closing waits this long at most for the worker to record what its index holds (it reads it again next time). */
const FLUSH_TIMEOUT_MS = 5000;

/**
 * Text search in a worker thread: the full-text index (or, while it is built, every paper's text) lives
 * there, so the main process stays small and never blocks on a search. Should the worker fail, searches
 * fall back to an in-process corpus, so they keep answering correctly.
 */
export class WorkerTextSearch implements TextSearch {
  private readonly worker: Worker;
  private nextId = 1;
  /** Searches sent, by request id: each is answered by its reply, or with null if the worker fails. */
  private readonly waiting = new Map<number, (reply: WorkerReply | null) => void>();
  /** The order last sent (see matchingOrdinals). */
  private sentOrder: readonly string[] | null = null;
  private engineStatus: SearchEngineStatus = { mode: 'building', done: 0, total: 0 };
  private updates: Promise<void> = Promise.resolve();
  private fallback: InProcessTextSearch | null = null;
  private flushed: () => void = () => {};
  /** Orders and the searches that use them, posted one after another. */
  private sending: Promise<void> = Promise.resolve();

  constructor(
    workerPath: string,
    dir: string,
    private readonly source: TextSource,
    /** Ids per `order` message (tests send small parts). */
    private readonly orderPart = ORDER_PART,
  ) {
    this.worker = new Worker(workerPath, { workerData: { dir } });
    this.worker.unref();
    // Searches sent before the worker is ready wait in its queue; 'ready' itself needs no answer.
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'result' || reply.type === 'ordinals' || reply.type === 'page') {
        this.waiting.get(reply.requestId)?.(reply);
        this.waiting.delete(reply.requestId);
      } else if (reply.type === 'status') this.engineStatus = reply.status;
      else if (reply.type === 'flushed') this.flushed();
      else if (reply.type === 'error') this.failOver();
    });
    this.worker.on('error', () => this.failOver());
  }

  async matching(query: SearchQuery): Promise<TextHits> {
    await this.updates;
    if (this.fallback) return this.fallback.matching(query);
    const reply = await this.ask((requestId) => ({ type: 'search', requestId, query }));
    if (reply?.type === 'result')
      return {
        ids: reply.ids === '' ? [] : reply.ids.split('\n'),
        scores: reply.scores === null ? null : new Map(reply.scores),
      };
    // The worker failed while this search waited; the fallback answers it.
    return (this.fallback ?? new InProcessTextSearch(this.source)).matching(query);
  }

  async matchingOrdinals(query: SearchQuery, order: readonly string[]): Promise<OrdinalHits> {
    await this.updates;
    if (this.fallback) return this.fallback.matchingOrdinals(query, order);
    // The worker numbers papers as this order does; it hears of a new one (after an import) before the search, in
    // parts, each in a turn of its own. Searches wait their turn, so no order is sent in the middle of another.
    const sent = this.sending.then(async () => {
      if (order !== this.sentOrder) {
        const part = this.orderPart;
        for (let at = 0; at < order.length || at === 0; at += part) {
          if (at > 0) await nextTurn();
          this.post({ type: 'order', ids: order.slice(at, at + part), more: at + part < order.length });
        }
        this.sentOrder = order;
      }
      // Wrapped, so the chain goes on without waiting for the answer.
      return { reply: this.ask((requestId) => ({ type: 'searchOrdinals', requestId, query })) };
    });
    this.sending = sent.then(
      () => undefined,
      () => undefined,
    );
    const reply = await (await sent).reply;
    if (reply?.type === 'ordinals') return { ordinals: reply.ordinals, scored: reply.scored };
    return (this.fallback ?? new InProcessTextSearch(this.source)).matchingOrdinals(query, order);
  }

  async page(ask: PageAsk): Promise<{ total: number; rows: ListRow[] } | null> {
    await this.updates;
    if (this.fallback) return null;
    const reply = await this.ask((requestId) => ({ type: 'page', requestId, ask }));
    if (reply?.type !== 'page' || reply.page === null) return null;
    // Rows read from the index's file: checked as anything read from disk is.
    return { total: reply.page.total, rows: reply.page.rows.map((row) => ListRowSchema.parse(row)) };
  }

  private ask(request: (requestId: number) => WorkerRequest): Promise<WorkerReply | null> {
    return new Promise((resolve) => {
      const requestId = this.nextId++;
      this.waiting.set(requestId, resolve);
      this.post(request(requestId));
    });
  }

  /** How searches are answered now: from the index, by a scan while it is built, or by a scan for good. */
  status(): SearchEngineStatus {
    return this.fallback ? { mode: 'scan', reason: 'the search worker stopped' } : this.engineStatus;
  }

  invalidate(ids: readonly string[], content: boolean): void {
    this.fallback?.invalidate(ids);
    // Send the new text before any later search: searches wait for this chain. A tag or status edit
    // sends only the record's text, so it never reads the paper's content shard.
    this.updates = this.updates.then(async () => {
      // After the edit's own call has returned: handing the worker its text is off the edit's path.
      await nextTurn();
      // Made in turns and sent as they are made: 10,000 imported papers' text took ~90 ms to make, and more to send.
      const work = turns();
      let docs: TextUpdate[] = [];
      for (const id of ids) {
        if (work.due()) {
          if (docs.length > 0) this.post({ type: 'update', docs });
          docs = [];
          await work.turn();
        }
        const record = await this.source.getRecord(id);
        if (!record) {
          docs.push([id, null]);
          continue;
        }
        const indexed = { parts: recordParts(record), facts: paperFacts(record) };
        if (content)
          docs.push([
            id,
            indexed,
            contentText(await this.source.getContent(id), await this.source.attachmentText(record)),
          ]);
        else docs.push([id, indexed]);
      }
      this.post({ type: 'update', docs });
    });
  }

  /** Let the worker record what its index holds (a few seconds at most), then stop it. */
  async close(): Promise<void> {
    if (!this.fallback) {
      await this.updates;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FLUSH_TIMEOUT_MS);
        this.flushed = () => {
          clearTimeout(timer);
          resolve();
        };
        this.post({ type: 'flush' });
      });
    }
    await this.worker.terminate();
  }

  private post(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }

  private failOver(): void {
    if (this.fallback) return;
    this.fallback = new InProcessTextSearch(this.source);
    // Answer whoever was waiting: they search again through the fallback.
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}
