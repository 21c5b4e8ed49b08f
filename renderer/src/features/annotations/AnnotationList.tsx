import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ANNOTATION_COLORS, COLOR_MEANINGS, type Annotation } from '../../../../shared/models/paper.js';
import { inTextOrder } from '../../../../shared/models/annotation-order.js';
import { useMargin } from '../../store/use-margin.js';
import { TexText } from '../../ui/math/TexText.js';

const COLOR_NAMES: Readonly<Record<Annotation['color'], string>> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The color picker and comment box of the selected highlight. */
function AnnotationEditor({ annotation }: { annotation: Annotation }) {
  const { update, remove, quote } = useMargin(
    useShallow((s) => ({ update: s.updateAnnotation, remove: s.deleteAnnotation, quote: s.quoteIntoNote })),
  );
  const [comment, setComment] = useState(annotation.comment);
  useEffect(() => setComment(annotation.comment), [annotation.id, annotation.comment]);
  // Save the comment a beat after typing stops, and when leaving the box.
  useEffect(() => {
    if (comment === annotation.comment) return;
    const timer = setTimeout(() => void update(annotation.id, { comment }), 700);
    return () => clearTimeout(timer);
  }, [comment, annotation.id, annotation.comment, update]);

  return (
    <div className="annotation-editor">
      <div role="radiogroup" aria-label="Color" className="colors">
        {ANNOTATION_COLORS.map((color, i) => (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={annotation.color === color}
            aria-label={COLOR_NAMES[color]}
            title={`${COLOR_MEANINGS[color]} (${i + 1})`}
            className={`swatch hl-${color}`}
            onClick={() => void update(annotation.id, { color })}
          />
        ))}
        <span className="color-meaning">{COLOR_MEANINGS[annotation.color]}</span>
      </div>
      <textarea
        aria-label="Comment"
        placeholder="Why does this matter?"
        value={comment}
        rows={2}
        onChange={(e) => setComment(e.target.value)}
        onBlur={() => comment !== annotation.comment && void update(annotation.id, { comment })}
      />
      <div className="editor-actions">
        <button type="button" className="btn small ghost" onClick={() => quote(annotation)}>
          Quote into note
        </button>
        <button type="button" className="btn small ghost danger" onClick={() => void remove(annotation.id)}>
          Delete highlight
        </button>
      </div>
    </div>
  );
}

/** The paper's highlights in text order; orphans (their text left the abstract) are kept, at the end. */
export function AnnotationList({
  annotations,
  emptyHint,
}: {
  annotations: readonly Annotation[];
  /** What to say when there are none (the PDF viewer says how to highlight a page). */
  emptyHint?: string;
}) {
  const { selectedId, select } = useMargin(
    useShallow((s) => ({ selectedId: s.selectedAnnotationId, select: s.selectAnnotation })),
  );
  if (annotations.length === 0) {
    return (
      <section className="annotations" aria-label="Highlights">
        <h2 className="section-title">Highlights</h2>
        <p className="hint-text">
          {emptyHint ?? 'Select a passage of the abstract and press Highlight (or h).'} Colors 1–5:{' '}
          {ANNOTATION_COLORS.map((c) => COLOR_MEANINGS[c].toLowerCase()).join(', ')}.
        </p>
      </section>
    );
  }
  return (
    <section className="annotations" aria-label="Highlights">
      <h2 className="section-title">Highlights</h2>
      <ul aria-label="Annotations">
        {inTextOrder(annotations).map((a) => (
          <li
            key={a.id}
            className={`annotation${a.id === selectedId ? ' selected' : ''}${a.state === 'orphaned' ? ' orphaned' : ''}`}
          >
            <button
              type="button"
              className="annotation-quote"
              aria-pressed={a.id === selectedId}
              onClick={() => select(a.id === selectedId ? null : a.id)}
            >
              <span className={`swatch small hl-${a.color}`} aria-hidden="true" />
              <span className="quote">
                “<TexText text={a.quote} />”
              </span>
              {a.pdf && <span className="chip">p. {a.pdf.page}</span>}
              {a.state === 'orphaned' && <span className="chip">orphaned: its text is no longer in the abstract</span>}
            </button>
            {a.comment && a.id !== selectedId && <p className="comment">{a.comment}</p>}
            {a.id === selectedId && <AnnotationEditor annotation={a} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
