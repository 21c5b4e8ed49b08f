import type { Annotation } from '../../../../shared/models/paper.js';
import { texSegments } from '../../../../shared/text/tex-segments.js';
import { texTextRuns } from '../../../../shared/text/tex-text.js';

/** What a run shows: stored text as it is, a piece of text-mode TeX as its characters (`\'e` → é), or a formula. */
type Shown =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'markup'; readonly shown: string }
  | { readonly kind: 'math'; readonly tex: string; readonly source: string; readonly display: boolean };

/** A run before highlights are laid on it; only `text` runs may be cut. */
type Unit = { readonly start: number; readonly end: number } & Shown;

/** A run of the abstract drawn as one element, covered by zero or more highlights. */
export type Piece = Unit & {
  /** Highlights covering the run, oldest first (the newest is drawn on top). */
  readonly annotations: readonly Annotation[];
};

/**
 * Cut the abstract where formulas, TeX markup and highlights begin and end, so each highlight is drawn
 * in place. Formulas and markup are never cut: a highlight touching one covers it whole.
 */
export function highlightPieces(abstract: string, annotations: readonly Annotation[]): Piece[] {
  const anchored = annotations
    .filter((a) => a.pdf === null && a.state === 'anchored' && a.end <= abstract.length && a.start < a.end)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const pieces: Piece[] = [];
  for (const unit of units(abstract)) {
    const cuts = new Set([unit.start, unit.end]);
    if (unit.kind === 'text')
      for (const a of anchored) {
        if (a.start > unit.start && a.start < unit.end) cuts.add(a.start);
        if (a.end > unit.start && a.end < unit.end) cuts.add(a.end);
      }
    const points = [...cuts].sort((x, y) => x - y);
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i] ?? 0;
      const end = points[i + 1] ?? start;
      const covering = anchored.filter((a) => a.start < end && a.end > start);
      pieces.push(
        unit.kind === 'text'
          ? { kind: 'text', start, end, text: abstract.slice(start, end), annotations: covering }
          : { ...unit, annotations: covering },
      );
    }
  }
  return pieces;
}

function units(abstract: string): Unit[] {
  return texSegments(abstract).flatMap((segment): Unit[] =>
    segment.kind === 'math'
      ? [{ ...segment, kind: 'math' }]
      : texTextRuns(segment.source, segment.start).map((run) =>
          run.literal
            ? { kind: 'text', start: run.start, end: run.end, text: run.shown }
            : { kind: 'markup', start: run.start, end: run.end, shown: run.shown },
        ),
  );
}

/**
 * The abstract offset of a DOM position (a node and an offset in it) inside a piece element carrying
 * `data-start`/`data-end`. A position inside a formula or a piece of markup snaps to its edge.
 */
export function offsetInAbstract(node: Node, offset: number, edge: 'start' | 'end'): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : node instanceof Element ? node : null;
  const piece = element?.closest<HTMLElement>('[data-start]');
  if (!piece) return null;
  const start = Number(piece.dataset.start);
  const end = Number(piece.dataset.end);
  if (piece.dataset.atomic === 'true') return edge === 'start' ? start : end;
  if (node.nodeType === Node.TEXT_NODE) return Math.min(end, start + offset);
  return offset === 0 ? start : end;
}
