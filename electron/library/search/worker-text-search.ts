import { Worker } from 'node:worker_threads';
import type { SearchQuery } from './query.js';
import { contentText, recordText } from './search-corpus.js';
import { InProcessTextSearch, type TextSearch, type TextSource } from './text-search.js';
import type { TextUpdate, WorkerReply, WorkerRequest } from './worker-protocol.js';

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

  constructor(
    workerPath: string,
    dir: string,
    private readonly source: TextSource,
  ) {
    this.worker = new Worker(workerPath, { workerData: { dir } });
    this.worker.unref();
    // Searches sent before the worker is ready wait in its queue; 'ready' itself needs no answer.
    this.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'result') {
        this.waiting.get(reply.requestId)?.(reply.ids);
        this.waiting.delete(reply.requestId);
      } else if (reply.type === 'error') this.failOver();
    });
    this.worker.on('error', () => this.failOver());
  }

  async matching(query: SearchQuery): Promise<Set<string>> {
    await this.updates;
    if (this.fallback) return this.fallback.matching(query);
    const ids = await new Promise<readonly string[]>((resolve) => {
      const requestId = this.nextId++;
      this.waiting.set(requestId, resolve);
      this.post({ type: 'search', requestId, query });
    });
    if (this.fallback) return (this.fallback as InProcessTextSearch).matching(query);
    return new Set(ids);
  }

  invalidate(ids: readonly string[], content: boolean): void {
    this.fallback?.invalidate(ids);
    // Send the new text before any later search: searches wait for this chain. A tag or status edit
    // sends only the record's text, so it never reads the paper's content shard.
    this.updates = this.updates.then(async () => {
      const docs: TextUpdate[] = [];
      for (const id of ids) {
        const record = await this.source.getRecord(id);
        if (!record) docs.push([id, null]);
        else if (content)
          docs.push([
            id,
            recordText(record),
            contentText(await this.source.getContent(id), await this.source.attachmentText(record)),
          ]);
        else docs.push([id, recordText(record)]);
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
