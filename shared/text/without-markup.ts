import { own } from '../own.js';

const SUB_CHARS: Readonly<Record<string, string>> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  o: 'ₒ',
  x: 'ₓ',
  h: 'ₕ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  p: 'ₚ',
  s: 'ₛ',
  t: 'ₜ',
  i: 'ᵢ',
  j: 'ⱼ',
  r: 'ᵣ',
  u: 'ᵤ',
  v: 'ᵥ',
};
const SUP_CHARS: Readonly<Record<string, string>> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  n: 'ⁿ',
  i: 'ⁱ',
};

/** Paragraph, section and list breaks (JATS abstracts from PubMed and Crossref, HTML): a space each. */
const BLOCK_TAGS = /<\/?(?:jats:)?(p|sec|title|break|br|li|ul|ol|div|list|list-item)(\s[^<>]*)?\/?>/gi;
/** Inline tags, unwrapped: emphasis, small caps, the parser's case protection, links. */
const INLINE_TAGS =
  /<\/?(?:jats:)?(i|b|em|strong|sc|tt|u|a|span|code|ncx|nc|italic|bold|underline|monospace|ext-link|uri|xref|inline-formula|disp-formula|named-content)(\s[^<>]*)?>/gi;
/** A MathML formula (Crossref abstracts carry `<mml:math>`), bounded so a lone opening tag costs no rescans. */
const MATHML = /<(mml:)?math\b[^<>]*>[\s\S]{0,20000}?<\/\1math>/g;
/** JATS keeps a formula's TeX in `<tex-math>`. */
const TEX_MATH = /<(?:jats:)?tex-math(?:\s[^<>]*)?>([^<]*)<\/(?:jats:)?tex-math>/g;
const SUB = /<(?:jats:)?sub>([^<]*)<\/(?:jats:)?sub>/gi;
const SUP = /<(?:jats:)?sup>([^<]*)<\/(?:jats:)?sup>/gi;

/**
 * A value without HTML: the BibTeX parser's own markup (`<i>`, `<sub>`, `<a href>` for `\url`), and the
 * rich text Zotero, IEEE, CSL-JSON and Crossref keep in titles and abstracts (`<i>`, `<sub>x</sub>`,
 * small caps spans, JATS, MathML). Emphasis is unwrapped, scripts become Unicode where it has the
 * characters, formulas become TeX where the source says what it was, their text otherwise.
 */
export function withoutMarkup(value: string): string {
  if (!value.includes('<')) return value;
  let text = value
    .replace(MATHML, mathmlAsText)
    .replace(TEX_MATH, (_m, tex: string) => asMath(tex))
    .replace(BLOCK_TAGS, ' ')
    .replace(INLINE_TAGS, '');
  // Scripts last and innermost first, so `<sub><i>i</i>j</sub>` and `<sup>a<sup>2</sup></sup>` go too.
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text
      .replace(SUB, (_m, inner: string) => script(inner, SUB_CHARS))
      .replace(SUP, (_m, inner: string) => script(inner, SUP_CHARS));
  }
  return text.replace(/\s{2,}/g, ' ').trim();
}

/** A MathML formula as its TeX (`<annotation encoding="application/x-tex">`), else as its text. */
function mathmlAsText(formula: string): string {
  const tex = /<(?:mml:)?annotation\b[^<>]*encoding="application\/x-tex"[^<>]*>([^<]*)</.exec(formula)?.[1];
  if (tex !== undefined && tex.trim() !== '') return asMath(decodeXml(tex.trim()));
  return decodeXml(formula.replace(/<[^<>]*>/g, ''));
}

/** TeX as a formula of the stored text: delimited as written, else between dollars. */
function asMath(tex: string): string {
  const trimmed = tex.trim();
  return /^(\$|\\\(|\\\[)/.test(trimmed) ? trimmed : `$${trimmed}$`;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_m, name: string) => own(XML_ENTITIES, name) ?? '');
}

const XML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

function script(inner: string, table: Readonly<Record<string, string>>): string {
  const chars = [...inner.trim()];
  // Unicode has sub- and superscripts for digits and a few signs only; other text stays on the line.
  return chars.length > 0 && chars.every((c) => own(table, c) !== undefined)
    ? chars.map((c) => own(table, c)).join('')
    : inner.trim();
}
