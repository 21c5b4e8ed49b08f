import type { SearchQuery } from './query.js';
import type { OrdinalHits, TextHits, TextSearch } from './text-search.js';
import type { PageAsk, SearchEngineStatus } from './worker-protocol.js';
import type { ListRow } from '../../../shared/models/views.js';

/**
 * A search that starts later (once the records are read, so its worker does not slow the reading on two
 * cores): searches wait for it, and papers changed meanwhile are passed on when it starts.
 */
export class LaterTextSearch implements TextSearch {
  private started: TextSearch | null = null;
  private readonly changed: Array<{ ids: readonly string[]; content: boolean }> = [];
  private readonly ready: Promise<TextSearch>;

  /** The search is made when `start` settles (`openSession` says when). */
  constructor(start: Promise<() => TextSearch>) {
    this.ready = start.then((make) => {
      const search = make();
      for (const { ids, content } of this.changed.splice(0)) search.invalidate(ids, content);
      this.started = search;
      return search;
    });
    this.ready.catch(() => undefined);
  }

  async matching(query: SearchQuery): Promise<TextHits> {
    return (await this.ready).matching(query);
  }

  async matchingOrdinals(query: SearchQuery, order: readonly string[]): Promise<OrdinalHits> {
    return (await this.ready).matchingOrdinals(query, order);
  }

  /** Only once started: a page asked before then is answered by the records. */
  async page(ask: PageAsk): Promise<{ total: number; rows: ListRow[] } | null> {
    return this.started ? this.started.page(ask) : null;
  }

  invalidate(ids: readonly string[], content: boolean): void {
    if (this.started) this.started.invalidate(ids, content);
    else this.changed.push({ ids, content });
  }

  status(): SearchEngineStatus {
    return this.started?.status() ?? { mode: 'building', done: 0, total: 0 };
  }

  async close(): Promise<void> {
    const search = await this.ready.catch(() => null);
    await search?.close();
  }
}
