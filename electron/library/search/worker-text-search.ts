import { Worker } from 'node:worker_threads';
import type { PaperRecord } from '../../../shared/models/paper.js';
import type { SearchQuery } from './query.js';
import { searchableText } from './search-corpus.js';
import { InProcessTextSearch, type TextSearch, type TextSource } from './text-search.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

/**
 * Text search in a worker thread: the corpus (every abstract, note and highlight) lives there, so the
 * main process stays small and never blocks on a scan. Should the worker fail, searches fall back to
 * an in-process corpus, so they keep answering correctly.
 */
export class WorkerTextSearch implements TextSearch {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, (ids: readonly string[]) => void>();
  private updates: Promise<void> = Promise.resolve();
  private fallback: InProcessTextSearch | null = null;
  /** Resolves when the worker has loaded every paper (`searchReadyMs` in the benchmark). */
  readonly ready: Promise<number>;

  constructor(workerPath: string, dir: string, private readonly source: TextSource) {
    this.worker = new Worker(workerPath, { workerData: { dir } });
    this.worker.unref();
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') resolve(reply.ms);
        else if (reply.type === 'result') {
          this.waiting.get(reply.requestId)?.(reply.ids);
          this.waiting.delete(reply.requestId);
        } else this.failOver();
      });
    });
    this.worker.on('error', () => this.failOver());
  }

  async matching(query: SearchQuery, candidates: readonly PaperRecord[]): Promise<Set<string>> {
    await this.updates;
    if (this.fallback) return this.fallback.matching(query, candidates);
    const ids = await new Promise<readonly string[]>((resolve) => {
      const requestId = this.nextId++;
      this.waiting.set(requestId, resolve);
      this.post({ type: 'search', requestId, query });
    });
    if (this.fallback) return (this.fallback as InProcessTextSearch).matching(query, candidates);
    const wanted = new Set<string>(candidates.map((c) => c.id));
    return new Set(ids.filter((id) => wanted.has(id)));
  }

  invalidate(ids: readonly string[]): void {
    this.fallback?.invalidate(ids);
    // Send the new text before any later search: searches wait for this chain.
    this.updates = this.updates.then(async () => {
      const docs: Array<readonly [string, string | null]> = [];
      for (const id of ids) {
        const record = await this.source.getRecord(id);
        docs.push([id, record ? searchableText(record, await this.source.getContent(id)) : null]);
      }
      this.post({ type: 'update', docs });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private post(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }

  private failOver(): void {
    if (this.fallback) return;
    this.fallback = new InProcessTextSearch(this.source);
    // Answer whoever was waiting: they search again through the fallback.
    for (const resolve of this.waiting.values()) resolve([]);
    this.waiting.clear();
  }
}

export { InProcessTextSearch };
