import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { matchesText, type SearchQuery } from './query.js';

/** Answers the text part of a search: which papers' text matches. */
export interface TextSearch {
  /** Ids among `candidates` whose text matches the query's words, phrases and exclusions. */
  matching(query: SearchQuery, candidates: readonly PaperRecord[]): Promise<Set<string>>;
  /** Papers changed: re-read their text before the next search. */
  invalidate(ids: readonly string[]): void;
}

/** Where a search reads papers from (the library). */
export interface TextSource {
  allRecords(): Promise<PaperRecord[]>;
  allContents(): Promise<Map<string, PaperContent>>;
  getRecord(id: string): Promise<PaperRecord | undefined>;
  getContent(id: string): Promise<PaperContent>;
}

/** The text a search looks through, lower-cased: title, authors, abstract, tags, note, highlights. */
export function searchableText(record: PaperRecord, content: PaperContent | null): string {
  const parts = [record.title, record.authors.join(' '), record.tags.join(' ')];
  if (content) {
    parts.push(content.abstract ?? '', content.note?.text ?? '');
    for (const a of content.annotations) parts.push(a.quote, a.comment);
  }
  return parts.join('\n').toLowerCase();
}

/**
 * A full scan over every paper's text, loaded once and kept lower-cased in memory.
 * Always correct, and the fallback while an index is being built.
 */
export class ScanTextSearch implements TextSearch {
  private texts: Map<string, string> | null = null;
  private loading: Promise<Map<string, string>> | null = null;
  private readonly stale = new Set<string>();

  constructor(private readonly source: TextSource) {}

  async matching(query: SearchQuery, candidates: readonly PaperRecord[]): Promise<Set<string>> {
    const texts = await this.ensureLoaded();
    await this.refreshStale(texts);
    const out = new Set<string>();
    for (const record of candidates) {
      const text = texts.get(record.id) ?? searchableText(record, null);
      if (matchesText(text, query)) out.add(record.id);
    }
    return out;
  }

  invalidate(ids: readonly string[]): void {
    for (const id of ids) this.stale.add(id);
  }

  private async refreshStale(texts: Map<string, string>): Promise<void> {
    const ids = [...this.stale];
    this.stale.clear();
    for (const id of ids) {
      const record = await this.source.getRecord(id);
      if (record) texts.set(id, searchableText(record, await this.source.getContent(id)));
      else texts.delete(id);
    }
  }

  private async ensureLoaded(): Promise<Map<string, string>> {
    if (this.texts) return this.texts;
    this.loading ??= (async () => {
      const [records, contents] = await Promise.all([this.source.allRecords(), this.source.allContents()]);
      const texts = new Map<string, string>();
      for (const record of records) texts.set(record.id, searchableText(record, contents.get(record.id) ?? null));
      this.texts = texts;
      return texts;
    })();
    return this.loading;
  }
}
