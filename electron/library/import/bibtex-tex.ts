/**
 * What @retorquere/bibtex-parser does not do the way Margin stores text, mended around it:
 * - math (`$O(n \log n)$`) is kept as TeX: it is set aside before parsing and put back after, so the
 *   parser's math conversion (which drops spaces and unknown commands) never touches it;
 * - a dollar in prose (`$70,000 a year`, `$5 and $6`) is a dollar, not the start of math;
 * - the parser writes emphasis and scripts as HTML (`<i>`, `<sub>`): the library stores text, so the
 *   tags are taken off (scripts become Unicode where it has the characters, plain text elsewhere);
 * - a few text commands it drops are given their characters (`\textquotesingle`, `\TeX`, `\LaTeX`).
 */
import { own } from '../../../shared/own.js';

/** Placeholders the parser passes through untouched: capitals and digits, no TeX. */
const PLACEHOLDER = /ZQMATH(\d+)QZ/g;
/** Math longer than this is no inline formula; its `$` is taken for prose. */
const MAX_MATH_CHARS = 400;

/**
 * Each command and the text it stands for. As in TeX, a space after the command is swallowed
 * (`{\TeX book}` is "TeXbook"); `{}` or a control space (`\TeX\ and`) keeps the words apart.
 */
const COMMANDS: ReadonlyArray<[RegExp, string]> = [
  [/\\textquotesingle(\{\}|\\ |[ \t])?/g, "'"],
  [/\\textquotedbl(\{\}|\\ |[ \t])?/g, '"'],
  [/\\LaTeXe\b(\{\}|\\ |[ \t])?/g, 'LaTeX2ε'],
  [/\\LaTeX\b(\{\}|\\ |[ \t])?/g, 'LaTeX'],
  [/\\BibTeX\b(\{\}|\\ |[ \t])?/g, 'BibTeX'],
  [/\\TeX\b(\{\}|\\ |[ \t])?/g, 'TeX'],
];

export interface ProtectedTex {
  /** The input with math set aside, prose dollars escaped and dropped commands spelled out; lines unchanged. */
  readonly text: string;
  /** Put the math back into a parsed value. */
  restore(value: string): string;
}

export function protectTex(input: string): ProtectedTex {
  let text = input;
  for (const [pattern, replacement] of COMMANDS)
    text = text.replace(pattern, (match) => (match.endsWith('\\ ') ? `${replacement} ` : replacement));
  const math: string[] = [];
  const out: string[] = [];
  // A `$` in a verbatim field (a DOI or URL) is no math, but the parser reads it as math all the same
  // ("Unclosed math section" for the whole entry): it is percent-encoded, as a URL would have it.
  const verbatim = verbatimRanges(text);
  let range = 0;
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) break;
    out.push(text.slice(i, dollar));
    while (range < verbatim.length && (verbatim[range]?.[1] ?? 0) <= dollar) range++;
    const current = verbatim[range];
    if (current && current[0] <= dollar) {
      out.push(text.slice(dollar, current[1]).replace(/\$/g, '%24'));
      i = current[1];
      continue;
    }
    if (isEscaped(text, dollar)) {
      out.push('$');
      i = dollar + 1;
      continue;
    }
    const display = text[dollar + 1] === '$';
    const open = display ? 2 : 1;
    const close = findClose(text, dollar + open, display);
    if (close < 0 || isProse(text.slice(dollar + open, close))) {
      // A dollar in prose: escaped, so the parser prints it.
      out.push('\\$');
      i = dollar + 1;
      continue;
    }
    const formula = text.slice(dollar, close + open);
    // Stored with its whitespace collapsed, as every field is (spacing inside math means nothing to TeX).
    math.push(formula.replace(/\s+/g, ' '));
    // Newlines kept, so every later entry keeps its line number.
    out.push(`ZQMATH${math.length - 1}QZ${'\n'.repeat((formula.match(/\n/g) ?? []).length)}`);
    i = close + open;
  }
  out.push(text.slice(i));
  return {
    text: out.join(''),
    restore: (value) =>
      math.length === 0 ? value : value.replace(PLACEHOLDER, (token, n: string) => math[Number(n)] ?? token),
  };
}

const VERBATIM_FIELD = /^[ \t]*(doi|url|eprint|file|pdf|verba|verbb|verbc)[ \t]*=[ \t]*\{/gim;

/** Where each verbatim field's value lies, `[start, end)`, in order (braces matched, one pass). */
function verbatimRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(VERBATIM_FIELD)) {
    const start = match.index + match[0].length;
    if (ranges.length > 0 && start < (ranges.at(-1)?.[1] ?? 0)) continue;
    let depth = 1;
    let j = start;
    for (; j < text.length && depth > 0; j++) {
      if (text[j] === '{') depth++;
      else if (text[j] === '}') depth--;
    }
    ranges.push([start, j]);
  }
  return ranges;
}

function isEscaped(text: string, at: number): boolean {
  let slashes = 0;
  for (let j = at - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
  return slashes % 2 === 1;
}

/** The `$` that closes math opened before `from`, within reach and before the field could end; -1 if none. */
function findClose(text: string, from: number, display: boolean): number {
  const limit = Math.min(text.length, from + MAX_MATH_CHARS);
  let depth = 0;
  for (let j = from; j < limit; j++) {
    const ch = text[j];
    if (ch === '$' && !isEscaped(text, j)) return display ? (text[j + 1] === '$' ? j : -1) : j;
    // Math stays inside its field: a `}` closing more than the math opened, a blank line, or the next
    // field or entry (`\n  name =`, `\n@`) ends the search.
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return -1;
    else if (
      ch === '\n' &&
      (text[j + 1] === '\n' || text[j + 1] === '@' || /^\n\s*\w+\s*=/.test(text.slice(j, j + 40)))
    )
      return -1;
  }
  return -1;
}

/** `5 and ` or `70,000 a year`: money and words, not a formula. */
function isProse(content: string): boolean {
  return /^\s*\d[\d,.]*\s/.test(content) && /\s[A-Za-z]{2,}\b/.test(content) && !/[\\^_{}=<>]/.test(content);
}

const SUB: Readonly<Record<string, string>> = {
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
const SUP: Readonly<Record<string, string>> = {
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

/**
 * A value without HTML: the BibTeX parser's own markup, and the rich text Zotero, IEEE and CSL-JSON
 * keep in titles and abstracts (`<i>`, `<sub>x</sub>`, small caps spans). Emphasis is unwrapped,
 * scripts become Unicode where it has the characters.
 */
export function withoutMarkup(value: string): string {
  if (!value.includes('<')) return value;
  return (
    value
      .replace(/<(?:jats:)?sub>([^<]*)<\/(?:jats:)?sub>/g, (_m, inner: string) => script(inner, SUB))
      .replace(/<(?:jats:)?sup>([^<]*)<\/(?:jats:)?sup>/g, (_m, inner: string) => script(inner, SUP))
      // Paragraph and section breaks of JATS abstracts (PubMed, Crossref) become spaces; inline tags go.
      .replace(/<\/?(?:jats:)?(p|sec|title|break)(\s[^<>]*)?>/g, ' ')
      .replace(
        /<\/?(?:jats:)?(i|b|em|strong|sc|tt|u|span|code|ncx|nc|italic|bold|underline|monospace|ext-link|uri|xref|inline-formula|named-content)(\s[^<>]*)?>/g,
        '',
      )
      .replace(/\s{2,}/g, ' ')
      .trim()
  );
}

function script(inner: string, table: Readonly<Record<string, string>>): string {
  const chars = [...inner.trim()];
  // Unicode has sub- and superscripts for digits and a few signs only; other text stays on the line.
  return chars.length > 0 && chars.every((c) => own(table, c) !== undefined)
    ? chars.map((c) => own(table, c)).join('')
    : inner.trim();
}
