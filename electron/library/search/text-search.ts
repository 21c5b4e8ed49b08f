import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import type { SearchQuery } from './query.js';
import type { PageAsk, SearchEngineStatus } from './worker-protocol.js';
import type { ListRow } from '../../../shared/models/views.js';
import { SearchCorpus, contentText, recordText } from './search-corpus.js';

/** The papers whose text matches a search, and how well where the index knows. */
export interface TextHits {
  readonly ids: readonly string[];
  /** Relevance of the papers with a term in their record's fields (others score the base); null: rank from the records. */
  readonly scores: ReadonlyMap<string, number> | null;
}

/**
 * The same, numbered by ordinal (a paper's place in the `order` the search was given): typed arrays that cross
 * threads without copying strings, so a search finding 90,000 papers costs little beyond the index's own work.
 */
export interface OrdinalHits {
  readonly ordinals: Int32Array;
  /** The papers scored above the base (a term in their title, tags or people), and their scores; null: rank from the records. */
  readonly scored: { readonly ordinals: Int32Array; readonly scores: Float64Array } | null;
}

/** Answers the text part of a search: which papers' text matches. */
export interface TextSearch {
  /** Every paper whose text matches the query's words, phrases and exclusions. */
  matching(query: SearchQuery): Promise<TextHits>;
  /** The same, by ordinal in `order` (every paper's id; the same array object while the papers are the same). */
  matchingOrdinals(query: SearchQuery, order: readonly string[]): Promise<OrdinalHits>;
  /**
   * A whole search page from the index alone, without the records (asked while they are read at open); null
   * when it cannot answer so (no index, or it is being built): the records answer then.
   */
  page(ask: PageAsk): Promise<{ total: number; rows: ListRow[] } | null>;
  /** Papers changed (their content too, or only the record): re-read their text before the next search. */
  invalidate(ids: readonly string[], content: boolean): void;
  /** How searches are answered now (the app says so while the index is built). */
  status(): SearchEngineStatus;
  /** Stop any background work. */
  close(): Promise<void>;
}

/** Where a search reads papers from (the library). */
export interface TextSource {
  allRecords(): Promise<PaperRecord[]>;
  allContents(): Promise<Map<string, PaperContent>>;
  getRecord(id: string): Promise<PaperRecord | undefined>;
  getContent(id: string): Promise<PaperContent>;
  /** The text of the paper's PDFs (empty while it is being read). */
  attachmentText(record: PaperRecord): Promise<string>;
}

/**
 * The corpus in this process: the fallback when no search worker can start (tests from source, a
 * packaging problem). Correct, but it keeps every abstract in the main process's memory.
 */
export class InProcessTextSearch implements TextSearch {
  private corpus: Promise<SearchCorpus> | null = null;
  private readonly stale = new Set<string>();

  constructor(private readonly source: TextSource) {}

  async matching(query: SearchQuery): Promise<TextHits> {
    const corpus = await this.load();
    await this.refreshStale(corpus);
    return { ids: corpus.match(query), scores: null };
  }

  invalidate(ids: readonly string[]): void {
    for (const id of ids) this.stale.add(id);
  }

  /** No index here: the records answer every page. */
  page(): Promise<null> {
    return Promise.resolve(null);
  }

  async matchingOrdinals(query: SearchQuery, order: readonly string[]): Promise<OrdinalHits> {
    return toOrdinals(await this.matching(query), order);
  }

  /** The CLI and tests search this way on purpose: nothing to tell anyone. */
  status(): SearchEngineStatus {
    return { mode: 'index' };
  }

  async close(): Promise<void> {}

  private async refreshStale(corpus: SearchCorpus): Promise<void> {
    const ids = [...this.stale];
    this.stale.clear();
    for (const id of ids) {
      const record = await this.source.getRecord(id);
      if (!record) {
        corpus.delete(id);
        continue;
      }
      corpus.setRecord(id, recordText(record));
      corpus.setContent(id, contentText(await this.source.getContent(id), await this.source.attachmentText(record)));
    }
  }

  private load(): Promise<SearchCorpus> {
    this.corpus ??= (async () => {
      const [records, contents] = await Promise.all([this.source.allRecords(), this.source.allContents()]);
      const corpus = new SearchCorpus();
      for (const record of records) {
        corpus.setRecord(record.id, recordText(record));
        const pdf = record.attachments.length > 0 ? await this.source.attachmentText(record) : '';
        corpus.setContent(record.id, contentText(contents.get(record.id) ?? null, pdf));
      }
      return corpus;
    })();
    return this.corpus;
  }
}

const ordinalMaps = new WeakMap<readonly string[], Map<string, number>>();

/** Hits by id as hits by ordinal in `order` (ids not in it are left out). */
export function toOrdinals(hits: TextHits, order: readonly string[]): OrdinalHits {
  let ordinalOf = ordinalMaps.get(order);
  if (!ordinalOf) {
    ordinalOf = new Map(order.map((id, i) => [id, i]));
    ordinalMaps.set(order, ordinalOf);
  }
  return ordinalHits(hits, ordinalOf);
}

/** Hits by id as hits by ordinal, given each id's ordinal. */
export function ordinalHits(hits: TextHits, ordinalOf: ReadonlyMap<string, number>): OrdinalHits {
  const ordinals: number[] = [];
  for (const id of hits.ids) {
    const ordinal = ordinalOf.get(id);
    if (ordinal !== undefined) ordinals.push(ordinal);
  }
  if (!hits.scores) return { ordinals: Int32Array.from(ordinals), scored: null };
  const scored: number[] = [];
  const scores: number[] = [];
  for (const [id, score] of hits.scores) {
    const ordinal = ordinalOf.get(id);
    if (ordinal === undefined) continue;
    scored.push(ordinal);
    scores.push(score);
  }
  return {
    ordinals: Int32Array.from(ordinals),
    scored: { ordinals: Int32Array.from(scored), scores: Float64Array.from(scores) },
  };
}
