import type { Annotation } from './paper.js';

/** Highlights in text order, orphans last in creation order (the reader and the Markdown export agree). */
export function inTextOrder(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((x, y) => {
    if (x.state !== y.state) return x.state === 'orphaned' ? 1 : -1;
    return x.state === 'orphaned' ? x.createdAt.localeCompare(y.createdAt) : x.start - y.start || x.end - y.end;
  });
}
