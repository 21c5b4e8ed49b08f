/**
 * Legible inline math for abstracts: `$O(n^2)$` → O(n²)-style runs of text, superscripts and subscripts.
 * The result is plain data (text and nesting), rendered by React as text: TeX from an abstract is never HTML.
 */
import { own } from '../own.js';

/** A piece of an abstract: text as it is, or an inline formula. `start`/`end` are offsets in the abstract. */
export type Segment = {
  readonly kind: 'text' | 'math';
  readonly text: string;
  readonly start: number;
  readonly end: number;
};

/** A formula as nested runs. */
export type MathNode = string | { readonly kind: 'sup' | 'sub'; readonly children: readonly MathNode[] };

/** Split an abstract into text and `$…$` formulas (a `\$` is a dollar sign; an unclosed `$` is text). */
export function splitMath(abstract: string): Segment[] {
  const segments: Segment[] = [];
  const pattern = /(?<!\\)\$([^$\n]{1,300}?)(?<!\\)\$/g;
  let last = 0;
  for (const match of abstract.matchAll(pattern)) {
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: abstract.slice(last, start), start: last, end: start });
    segments.push({ kind: 'math', text: match[1] ?? '', start, end: start + match[0].length });
    last = start + match[0].length;
  }
  if (last < abstract.length)
    segments.push({ kind: 'text', text: abstract.slice(last), start: last, end: abstract.length });
  return segments;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  phi: 'φ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
  times: '×',
  cdot: '·',
  pm: '±',
  mp: '∓',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  ne: '≠',
  approx: '≈',
  sim: '∼',
  simeq: '≃',
  equiv: '≡',
  propto: '∝',
  infty: '∞',
  partial: '∂',
  nabla: '∇',
  sum: '∑',
  prod: '∏',
  int: '∫',
  in: '∈',
  notin: '∉',
  subset: '⊂',
  subseteq: '⊆',
  cup: '∪',
  cap: '∩',
  forall: '∀',
  exists: '∃',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  Rightarrow: '⇒',
  mapsto: '↦',
  ll: '≪',
  gg: '≫',
  ldots: '…',
  cdots: '⋯',
  dots: '…',
  log: 'log',
  exp: 'exp',
  sin: 'sin',
  cos: 'cos',
  max: 'max',
  min: 'min',
  arg: 'arg',
  det: 'det',
  lim: 'lim',
  sqrt: '√',
  ell: 'ℓ',
  top: '⊤',
  emptyset: '∅',
  '%': '%',
  '{': '{',
  '}': '}',
  _: '_',
  ',': ' ',
  ';': ' ',
  ' ': ' ',
};
/** Commands whose braced argument is shown as it is. */
const TRANSPARENT = new Set([
  'text',
  'mathrm',
  'mathbf',
  'mathit',
  'mathcal',
  'mathbb',
  'mathsf',
  'mathtt',
  'boldsymbol',
  'operatorname',
  'textrm',
  'textbf',
  'bar',
  'hat',
  'tilde',
  'vec',
  'widetilde',
  'widehat',
  'overline',
]);

/** Parse a formula's TeX into runs a reader can follow. Unknown commands are kept as written. */
export function parseMath(tex: string): MathNode[] {
  let pos = 0;
  const readGroup = (): MathNode[] => {
    skipSpaces();
    if (tex[pos] === '{') {
      pos++;
      const inner = readUntil('}');
      pos++;
      return inner;
    }
    if (tex[pos] === '\\') return readCommand();
    const ch = tex[pos] ?? '';
    pos++;
    return ch === '' ? [] : [ch];
  };
  const skipSpaces = (): void => {
    while (tex[pos] === ' ') pos++;
  };
  const readCommand = (): MathNode[] => {
    pos++; // the backslash
    const name = /^[A-Za-z]+/.exec(tex.slice(pos))?.[0] ?? tex[pos] ?? '';
    pos += name.length;
    if (name === 'frac') {
      const top = readGroup();
      const bottom = readGroup();
      return ['(', ...top, ')/(', ...bottom, ')'];
    }
    if (name === 'sqrt') return ['√(', ...readGroup(), ')'];
    if (TRANSPARENT.has(name)) return readGroup();
    if (name === 'left' || name === 'right' || name === 'big' || name === 'Big') return [];
    const symbol = own(SYMBOLS, name);
    return [symbol ?? `\\${name}`];
  };
  const readUntil = (close: string | null): MathNode[] => {
    const out: MathNode[] = [];
    while (pos < tex.length && tex[pos] !== close) {
      const ch = tex[pos];
      if (ch === '^' || ch === '_') {
        pos++;
        out.push({ kind: ch === '^' ? 'sup' : 'sub', children: readGroup() });
      } else if (ch === '\\') {
        out.push(...readCommand());
      } else if (ch === '{') {
        pos++;
        out.push(...readUntil('}'));
        pos++;
      } else {
        out.push(ch ?? '');
        pos++;
      }
    }
    return out;
  };
  return mergeText(readUntil(null));
}

function mergeText(nodes: readonly MathNode[]): MathNode[] {
  const out: MathNode[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node;
    else out.push(typeof node === 'string' ? node : { ...node, children: mergeText(node.children) });
  }
  return out;
}
