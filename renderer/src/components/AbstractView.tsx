import { splitMath } from '../../../shared/text/math.js';
import { MathText } from './MathText.js';

/** The abstract set for reading; `$…$` formulas are drawn legibly. Each piece keeps its offset for highlighting. */
export function AbstractView({ abstract }: { abstract: string | null }) {
  return (
    <section className="abstract" aria-label="Abstract">
      <h2 className="section-title">Abstract</h2>
      {abstract === null || abstract.trim() === '' ? (
        <p className="missing">This paper has no abstract yet. Importing it again from BibTeX or arXiv fills it in.</p>
      ) : (
        <p>
          {splitMath(abstract).map((segment) =>
            segment.kind === 'math' ? (
              <span key={segment.start} data-start={segment.start} data-end={segment.end}>
                <MathText tex={segment.text} />
              </span>
            ) : (
              <span key={segment.start} data-start={segment.start} data-end={segment.end}>
                {segment.text}
              </span>
            ),
          )}
        </p>
      )}
    </section>
  );
}
