import { useLayoutEffect, useRef } from 'react';
import { renderMath } from './render-math.js';

interface Props {
  /** The TeX inside the delimiters. */
  readonly tex: string;
  /** The formula as stored, delimiters included: shown when KaTeX refuses it. */
  readonly source: string;
  readonly display?: boolean;
}

/**
 * One formula, drawn by KaTeX as MathML into a span React leaves empty. When KaTeX cannot read the
 * TeX, the stored source is shown as text, so nothing is lost.
 */
export function MathFormula({ tex, source, display = false }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const drawn = renderMath(tex, element, display);
    if (!drawn) element.textContent = source;
    element.dataset.rendered = drawn ? 'math' : 'source';
  }, [tex, source, display]);
  return <span ref={ref} className={display ? 'math math-display' : 'math'} />;
}
