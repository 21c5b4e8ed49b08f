/** Where a search for text in a PDF landed: the first page with it at or after `from` (wrapping round). */
export interface FindResult {
  readonly page: number | null;
  /** How many pages hold it. */
  readonly pages: number;
}

/** Find `query` (case and runs of space ignored) in the pages' text, starting at `from` and wrapping round. */
export async function findInPages(
  query: string,
  pageCount: number,
  from: number,
  textOf: (page: number) => Promise<string>,
): Promise<FindResult> {
  const needle = normalize(query);
  if (needle === '') return { page: null, pages: 0 };
  const hits: number[] = [];
  for (let n = 1; n <= pageCount; n++) if (normalize(await textOf(n)).includes(needle)) hits.push(n);
  const start = from > pageCount ? 1 : from;
  return { page: hits.find((n) => n >= start) ?? hits[0] ?? null, pages: hits.length };
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
