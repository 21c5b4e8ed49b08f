import type { Annotation } from './paper.js';

/**
 * Highlights in reading order: the abstract's in text order, then the PDF's by page and place on it, orphans
 * last in creation order (the reader and the Markdown export agree).
 */
export function inTextOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((x, y) => {
    if (x.state !== y.state) return x.state === 'orphaned' ? 1 : -1;
    if (x.state === 'orphaned') return x.createdAt.localeCompare(y.createdAt);
    const pageOf = (a: Annotation) => a.pdf?.page ?? 0;
    return pageOf(x) - pageOf(y) || x.start - y.start || x.end - y.end;
  });
}
