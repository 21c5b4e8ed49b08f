import type { Library } from '../library.js';
import { parseArxiv } from '../import/arxiv.js';

/** The arXiv API, as its terms of use ask: at most one request every 3 seconds, ids in batches. */
export const ARXIV_API = 'https://export.arxiv.org/api/query';

export interface CompletionOptions {
  readonly baseUrl: string;
  readonly batchSize?: number;
  /** Pause between requests. */
  readonly delayMs?: number;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Ids already asked for in this session (filled in here), so a paper the API does not know is not asked again and again. */
  readonly asked?: Set<string>;
  /** Stops the run (the library is closing). */
  readonly signal?: AbortSignal;
}

export interface CompletionReport {
  readonly asked: number;
  readonly completed: number;
  /** Why it stopped early (offline, an error from the API), or null. */
  readonly stopped: string | null;
}

/**
 * Fill in papers imported from bare arXiv ids (title, authors, abstract, dates, categories) from the
 * arXiv API. Offline, or on any error, it stops quietly and the papers wait for the next try; what the
 * API returns goes through the ordinary merge, so nothing the user wrote is touched.
 */
export async function completeArxivPlaceholders(
  library: Library,
  options: CompletionOptions,
): Promise<CompletionReport> {
  const batchSize = options.batchSize ?? 50;
  const delayMs = options.delayMs ?? 3000;
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const waiting = (await library.imports.arxivPlaceholders())
    .map((r) => r.arxivId)
    .filter((id): id is string => id !== null && !options.asked?.has(id));
  let completed = 0;
  for (let start = 0; start < waiting.length; start += batchSize) {
    if (start > 0) await sleep(delayMs);
    if (options.signal?.aborted) return { asked: waiting.length, completed, stopped: 'closing' };
    const ids = waiting.slice(start, start + batchSize);
    for (const id of ids) options.asked?.add(id);
    const url = `${options.baseUrl}?id_list=${ids.map(encodeURIComponent).join(',')}&max_results=${ids.length}`;
    let text: string;
    try {
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 15_000);
      const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
      const response = await doFetch(url, { signal, headers: { 'user-agent': 'Margin (reading-list manager)' } });
      if (!response.ok)
        return { asked: waiting.length, completed, stopped: `the arXiv API answered ${response.status}` };
      text = await response.text();
    } catch (error) {
      // Offline or timed out: forget these ids were asked, so the next session tries them again.
      for (const id of ids) options.asked?.delete(id);
      return { asked: waiting.length, completed, stopped: error instanceof Error ? error.message : String(error) };
    }
    if (options.signal?.aborted) return { asked: waiting.length, completed, stopped: 'closing' };
    const { entries } = parseArxiv(text, null);
    completed += await library.imports.mergeEntries(
      entries.filter((e) => e.arxivId !== null && ids.includes(e.arxivId)),
    );
  }
  return { asked: waiting.length, completed, stopped: null };
}
