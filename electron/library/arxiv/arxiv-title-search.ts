import { parseArxiv } from '../import/arxiv.js';
import type { ParsedEntry } from '../paper/entry.js';
import { titleKey } from '../paper/identity.js';

/** Most candidates offered for one title: a few to choose from, never a page of results. */
export const MAX_CANDIDATES = 5;
/** The arXiv API asks for at most one request every 3 seconds. */
const API_INTERVAL_MS = 3000;
/** Words too common to narrow a title search. */
const STOP_WORDS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'to', 'with', 'is', 'are', 'by', 'via']);

export interface ArxivLookupOptions {
  /** The arXiv API (`http…/api/query`); null when Margin is offline (MARGIN_OFFLINE=1, or the tests). */
  readonly baseUrl: string | null;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What a title search found, or why it found nothing (offline, arXiv unreachable, no such title). */
export type TitleSearchResult =
  | { readonly entries: readonly ParsedEntry[]; readonly message: null }
  | { readonly entries: readonly []; readonly message: string };

/**
 * The arXiv API's search for "Find on arXiv": a title search whose results the user picks from, and the
 * entry of the one they picked (kept from the search, or asked for by id). Requests are spaced as arXiv asks.
 */
export class ArxivLookup {
  private lastRequestAt = Number.NEGATIVE_INFINITY;
  /** Entries from recent searches by arXiv id, so applying one asks arXiv nothing more. */
  private readonly recent = new Map<string, ParsedEntry>();

  constructor(private readonly options: ArxivLookupOptions) {}

  get online(): boolean {
    return this.options.baseUrl !== null;
  }

  async searchTitle(title: string): Promise<TitleSearchResult> {
    const query = titleQuery(title);
    if (query === null) return { entries: [], message: 'The title has no words to search arXiv for.' };
    const answer = await this.request(`search_query=${encodeURIComponent(query)}&start=0&max_results=10`);
    if (typeof answer !== 'object') return { entries: [], message: answer };
    const entries = rankByTitle(answer.entries, title).slice(0, MAX_CANDIDATES);
    for (const entry of entries) if (entry.arxivId) this.remember(entry.arxivId, entry);
    return entries.length > 0
      ? { entries, message: null }
      : { entries: [], message: 'arXiv has no paper with a title like this one.' };
  }

  /** The entry for an arXiv id: from a recent search, else from the API; a message when it cannot be had. */
  async entry(arxivId: string): Promise<ParsedEntry | string> {
    const known = this.recent.get(arxivId);
    if (known) return known;
    const answer = await this.request(`id_list=${encodeURIComponent(arxivId)}&max_results=1`);
    if (typeof answer !== 'object') return answer;
    return answer.entries.find((e) => e.arxivId === arxivId) ?? `arXiv has no paper arXiv:${arxivId}.`;
  }

  /** The API's Atom feed read as entries, or a sentence saying why not. */
  private async request(query: string): Promise<{ entries: readonly ParsedEntry[] } | string> {
    const { baseUrl } = this.options;
    if (baseUrl === null) return 'Margin is set to stay offline (MARGIN_OFFLINE), so it cannot search arXiv.';
    const now = this.options.now ?? Date.now;
    const wait = this.lastRequestAt + API_INTERVAL_MS - now();
    if (wait > 0) await (this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms))))(wait);
    this.lastRequestAt = now();
    try {
      const response = await (this.options.fetch ?? fetch)(`${baseUrl}?${query}`, {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        headers: { 'user-agent': 'Margin (reading-list manager)' },
      });
      if (!response.ok) return `arXiv answered ${response.status}; try again later.`;
      return { entries: parseArxiv(await response.text(), null).entries.filter((e) => e.arxivId !== null) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return `Could not reach arXiv (${reason}). Check the connection and try again.`;
    }
  }

  private remember(arxivId: string, entry: ParsedEntry): void {
    this.recent.delete(arxivId);
    this.recent.set(arxivId, entry);
    // A handful of searches' worth; the oldest go first.
    for (const old of this.recent.keys()) {
      if (this.recent.size <= 50) break;
      this.recent.delete(old);
    }
  }
}

/** An arXiv API query for a title: each distinctive word in the title field (`ti:attention AND ti:need`). */
export function titleQuery(title: string): string | null {
  const words = titleKey(title)
    .split(' ')
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w))
    .slice(0, 12);
  return words.length === 0 ? null : words.map((w) => `ti:${w}`).join(' AND ');
}

/** Results closest to the title first: the share of the title's words each result's title has. */
function rankByTitle(entries: readonly ParsedEntry[], title: string): ParsedEntry[] {
  const wanted = new Set(titleKey(title).split(' '));
  const score = (entry: ParsedEntry): number => {
    const words = new Set(titleKey(entry.title).split(' '));
    let shared = 0;
    for (const w of wanted) if (words.has(w)) shared++;
    return shared / Math.max(wanted.size, words.size);
  };
  return entries
    .map((entry, index) => ({ entry, index, score: score(entry) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.entry);
}
