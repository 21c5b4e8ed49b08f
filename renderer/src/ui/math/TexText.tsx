import { Fragment, useMemo } from 'react';
import { texSegments } from '../../../../shared/text/tex-segments.js';
import { texToText } from '../../../../shared/text/tex-text.js';
import { MathFormula } from './MathFormula.js';

/**
 * Stored text (a title, a quote) as a reader should see it: formulas drawn by KaTeX, text-mode TeX
 * (`68\%`, `\'a`, `{\em …}`) as the characters it means. Text only: nothing in it is ever HTML.
 */
export function TexText({ text }: { text: string }) {
  const segments = useMemo(() => texSegments(text), [text]);
  return (
    <>
      {segments.map((segment) =>
        segment.kind === 'math' ? (
          <MathFormula key={segment.start} tex={segment.tex} source={segment.source} display={segment.display} />
        ) : (
          <Fragment key={segment.start}>{texToText(segment.source)}</Fragment>
        ),
      )}
    </>
  );
}
