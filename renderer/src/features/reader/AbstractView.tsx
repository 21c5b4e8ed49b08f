import { useEffect, useRef, useState } from 'react';
import { assertNever } from '../../../../shared/assert-never.js';
import type { Annotation } from '../../../../shared/models/paper.js';
import { highlightPieces, offsetInAbstract, type Piece } from '../annotations/highlight-pieces.js';
import { MathFormula } from '../../ui/math/MathFormula.js';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

interface Props {
  readonly abstract: string | null;
  readonly annotations?: readonly Annotation[];
  readonly selectedAnnotationId?: string | null;
  onSelectAnnotation?(id: string): void;
  /** Text selected in the abstract (null when none), as offsets. */
  onSelectText?(range: TextRange | null): void;
  onHighlight?(range: TextRange): void;
}

/** The selection as offsets in the abstract, when it lies inside `root`. */
function selectedRange(root: HTMLElement): TextRange | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetInAbstract(range.startContainer, range.startOffset, 'start');
  const end = offsetInAbstract(range.endContainer, range.endOffset, 'end');
  return start !== null && end !== null && end > start ? { start, end } : null;
}

/** What a piece shows: the stored text, the characters its TeX markup means, or the formula drawn. */
function pieceContent(piece: Piece) {
  switch (piece.kind) {
    case 'text':
      return piece.text;
    case 'markup':
      return piece.shown;
    case 'math':
      return <MathFormula tex={piece.tex} source={piece.source} display={piece.display} />;
    default:
      return assertNever(piece);
  }
}

/**
 * The abstract set for reading, with its highlights drawn in place. Formulas are drawn by KaTeX and
 * text-mode TeX is shown as its characters; offsets stay those of the stored text.
 * Select text to get a Highlight button; click a highlight to edit it.
 */
export function AbstractView({
  abstract,
  annotations = [],
  selectedAnnotationId = null,
  onSelectAnnotation,
  onSelectText,
  onHighlight,
}: Props) {
  const textRef = useRef<HTMLParagraphElement>(null);
  const [pending, setPending] = useState<(TextRange & { top: number; left: number }) | null>(null);

  useEffect(() => {
    if (!onSelectText) return;
    const onChange = () => {
      const root = textRef.current;
      const range = root ? selectedRange(root) : null;
      onSelectText(range);
      if (!range || !root) return setPending(null);
      const rect = document.getSelection()?.getRangeAt(0).getBoundingClientRect();
      const box = root.getBoundingClientRect();
      setPending({
        ...range,
        top: (rect?.top ?? box.top) - box.top - 40,
        left: Math.max(0, (rect?.left ?? box.left) - box.left + (rect?.width ?? 0) / 2 - 50),
      });
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [onSelectText]);

  if (abstract === null || abstract.trim() === '') {
    return (
      <section className="abstract" aria-label="Abstract">
        <h2 className="section-title">Abstract</h2>
        <p className="missing">This paper has no abstract yet. Importing it again from BibTeX or arXiv fills it in.</p>
      </section>
    );
  }

  return (
    <section className="abstract" aria-label="Abstract">
      <h2 className="section-title">Abstract</h2>
      <div className="abstract-body">
        {pending && onHighlight && (
          <button
            type="button"
            className="btn primary small highlight-button"
            aria-label="Highlight"
            style={{ top: pending.top, left: pending.left }}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              onHighlight(pending);
              document.getSelection()?.removeAllRanges();
              setPending(null);
            }}
          >
            Highlight <kbd>h</kbd>
          </button>
        )}
        <p ref={textRef}>
          {highlightPieces(abstract, annotations).map((piece) => {
            const top = piece.annotations.at(-1);
            const content = pieceContent(piece);
            const common = {
              'data-start': piece.start,
              'data-end': piece.end,
              // A formula or a piece of markup is selected and highlighted whole.
              'data-atomic': piece.kind === 'text' ? undefined : 'true',
              'data-math': piece.kind === 'math' ? 'true' : undefined,
            };
            if (!top)
              return (
                <span key={piece.start} {...common}>
                  {content}
                </span>
              );
            const selected = piece.annotations.some((a) => a.id === selectedAnnotationId);
            return (
              <mark
                key={piece.start}
                {...common}
                className={`hl hl-${top.color}${selected ? ' hl-selected' : ''}`}
                title={top.comment || undefined}
                onClick={() => onSelectAnnotation?.(top.id)}
              >
                {content}
              </mark>
            );
          })}
        </p>
      </div>
    </section>
  );
}
