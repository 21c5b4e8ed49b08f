import type { Annotation } from '../../../../shared/models/paper.js';
import { splitMath } from '../../../../shared/text/math.js';

/** A run of the abstract drawn as one element: plain text or a formula, covered by zero or more highlights. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly math: boolean;
  /** Highlights covering the run, oldest first (the newest is drawn on top). */
  readonly annotations: readonly Annotation[];
}

/**
 * Cut the abstract where formulas and highlights begin and end, so each highlight is drawn in place.
 * Formulas are never cut: a highlight touching one covers it whole.
 */
export function highlightPieces(abstract: string, annotations: readonly Annotation[]): Piece[] {
  const anchored = annotations
    .filter((a) => a.pdf === null && a.state === 'anchored' && a.end <= abstract.length && a.start < a.end)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const pieces: Piece[] = [];
  for (const segment of splitMath(abstract)) {
    const cuts = new Set([segment.start, segment.end]);
    if (segment.kind === 'text') {
      for (const a of anchored) {
        if (a.start > segment.start && a.start < segment.end) cuts.add(a.start);
        if (a.end > segment.start && a.end < segment.end) cuts.add(a.end);
      }
    }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i] ?? 0;
      const end = points[i + 1] ?? start;
      pieces.push({
        start,
        end,
        text: segment.kind === 'math' ? segment.text : abstract.slice(start, end),
        math: segment.kind === 'math',
        annotations: anchored.filter((a) => a.start < end && a.end > start),
      });
    }
  }
  return pieces;
}

/**
 * The abstract offset of a DOM position (a text node and an offset in it) inside a piece element
 * carrying `data-start`/`data-end`. A position inside a formula snaps to the formula's edge.
 */
export function offsetInAbstract(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node instanceof Element ? node : null;
  const piece = element?.closest<HTMLElement>('[data-start]');
  if (!piece) return null;
  const start = Number(piece.dataset.start);
  const end = Number(piece.dataset.end);
  if (piece.dataset.math === 'true') return edge === 'start' ? start : end;
  if (node.nodeType === Node.TEXT_NODE) return Math.min(end, start + offset);
  return offset === 0 ? start : end;
}
