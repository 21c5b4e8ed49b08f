import { z } from 'zod';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { normalizeArxivId } from '../paper/identity.js';
import { blankEntry, type ParseResult, type ParsedEntry } from '../paper/entry.js';
import { text, yearOf } from './fields.js';
import { jsonItems } from './json.js';

/** One item of the Hugging Face daily-papers API: `[{ paper: { id, title, summary, authors: [{ name }], publishedAt } }]`. */
const ItemSchema = z
  .object({
    paper: z
      .object({
        id: z.string(),
        title: z.string(),
        summary: z.string().optional(),
        authors: z.array(z.object({ name: z.string() }).loose()).optional(),
        publishedAt: z.string().optional(),
      })
      .loose(),
  })
  .loose();

/** Read the Hugging Face daily-papers JSON (its ids are arXiv ids). */
export function parseHfJson(input: string, fileName: string | null): ParseResult {
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  for (const { position, line, item } of jsonItems(input, fileName, ItemSchema, failures)) {
    const { paper } = item;
    const title = text(paper.title);
    if (!title) {
      failures.push({ line, message: `item ${position} has no title; skipped` });
      continue;
    }
    const arxivId = normalizeArxivId(paper.id);
    entries.push({
      ...blankEntry({ format: 'hf-json', fileName, digestDate: null }, line),
      title,
      authors: (paper.authors ?? []).map((a) => a.name.trim()).filter((n) => n !== ''),
      abstract: text(paper.summary),
      year: yearOf(paper.publishedAt),
      publishedAt: paper.publishedAt?.slice(0, 10) ?? null,
      arxivId,
      url: arxivId ? `https://arxiv.org/abs/${arxivId}` : null,
    });
  }
  // The same papers as the daily-papers page, so the preview names the source and keeps its order.
  return {
    entries,
    failures,
    digest: { source: 'hf-page', label: 'Hugging Face daily papers', detail: 'API JSON', skipped: [] },
  };
}
