import katex from 'katex';

/**
 * KaTeX as Margin uses it: MathML only (Chromium draws it; no KaTeX CSS or fonts), no `\href` or
 * `\includegraphics` (trust off), and nothing that would put a `style` attribute in the page, which
 * the CSP (`style-src 'self'`) refuses: `\pmb` is drawn bold instead of with a text shadow, and
 * `\fcolorbox` (a bordered box) is refused, so its source is shown.
 */
const OPTIONS = {
  output: 'mathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  macros: { '\\pmb': '\\boldsymbol{#1}' },
} as const satisfies katex.KatexOptions;

const STYLED = /\\fcolorbox(?![A-Za-z])/;

/** Draw `tex` into `element` as MathML; false (and the element left empty) when KaTeX cannot. */
export function renderMath(tex: string, element: HTMLElement, display: boolean): boolean {
  if (STYLED.test(tex)) return false;
  try {
    // KaTeX builds DOM nodes (createElementNS), never HTML text. The macros are copied because a
    // formula's `\gdef` writes into them, and one formula must not change how the next is read.
    katex.render(tex, element, { ...OPTIONS, displayMode: display, macros: { ...OPTIONS.macros } });
    return true;
  } catch {
    element.replaceChildren();
    return false;
  }
}
