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
  // A hostile abstract cannot stretch the page with `\\rule{1e6em}{1em}` or expand macros forever.
  maxSize: 20,
  maxExpand: 1000,
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
    spaceOperatorNames(element);
    return true;
  } catch {
    element.replaceChildren();
    return false;
  }
}

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const SCRIPTED = new Set(['msub', 'msup', 'msubsup', 'munder', 'mover', 'munderover']);
/** An opening fence right after an operator name takes no space: `\operatorname{rank}(A)`. */
const FENCE = /^[([{|‖⟨]$/;

/**
 * The thin spaces TeX puts around `\log`, `\min` or `\operatorname{rank}`. KaTeX writes them as
 * `<mi>log</mi><mo>&ApplyFunction;</mo>` and leaves the spacing to the browser, which Chromium does not
 * do: `O(n \log n)` reads "O(nlogn)". Spaces are MathML `<mspace>` elements, not styles.
 */
function spaceOperatorNames(root: HTMLElement): void {
  for (const apply of root.querySelectorAll('mo')) {
    if (apply.textContent !== '\u2061') continue;
    const parent = apply.parentElement;
    const script = parent?.parentElement;
    // `\min_x`: the name and its subscript are one unit, spaced as a whole.
    const unit =
      parent?.localName === 'mrow' && script && SCRIPTED.has(script.localName) && script.firstElementChild === parent
        ? { first: script, last: script }
        : { first: apply.previousElementSibling, last: apply };
    const before = unit.first?.previousElementSibling;
    if (unit.first && before && before.localName !== 'mo') unit.first.before(thinSpace(root.ownerDocument));
    const after = unit.last.nextElementSibling;
    if (after && !(after.localName === 'mo' && FENCE.test(after.textContent)))
      unit.last.after(thinSpace(root.ownerDocument));
  }
}

function thinSpace(document: Document): Element {
  const space = document.createElementNS(MATHML, 'mspace');
  space.setAttribute('width', '0.1667em');
  return space;
}
