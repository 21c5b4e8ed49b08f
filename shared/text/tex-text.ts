/**
 * Text-mode TeX in prose, shown as the characters it means: `68\%` → 68%, `caf\'e` → café,
 * `{\em robust}` → robust, `\emph{x}` → x, ``` ``quoted'' ``` → “quoted”; and HTML an older import left,
 * `<i>x</i>` → x. The stored text keeps the TeX; this is for display. Each piece of markup is its own
 * run with its offsets in the stored text, so a selection over the shown text maps back to stored
 * offsets (a run of markup is taken whole).
 */
import { own } from '../own.js';
import { texSegments } from './tex-segments.js';

/** A run of prose: `literal` runs are shown exactly as stored; the others are markup shown as `shown`. */
export interface TexRun {
  readonly start: number;
  readonly end: number;
  readonly shown: string;
  readonly literal: boolean;
}

/** Escaped characters and commands that stand for one character (or none). */
const SYMBOLS: Readonly<Record<string, string>> = {
  '%': '%',
  '&': '&',
  '#': '#',
  _: '_',
  $: '$',
  '{': '{',
  '}': '}',
  ' ': ' ',
  ',': '\u2009',
  '\\': ' ',
  '-': '',
  '/': '',
  '|': '‖',
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dots: '…',
  ldots: '…',
  textellipsis: '…',
  textendash: '–',
  textemdash: '—',
  textquotesingle: "'",
  textquotedbl: '"',
  textasciitilde: '~',
  textbackslash: '\\',
  textbar: '|',
  textless: '<',
  textgreater: '>',
  textdegree: '°',
  textregistered: '®',
  texttrademark: '™',
  copyright: '©',
  S: '§',
  P: '¶',
  dag: '†',
  ddag: '‡',
  pounds: '£',
  euro: '€',
  TeX: 'TeX',
  LaTeX: 'LaTeX',
  LaTeXe: 'LaTeX2ε',
  BibTeX: 'BibTeX',
  '@': '',
  xspace: '',
  noindent: '',
  par: ' ',
  newline: ' ',
  linebreak: ' ',
};

/** Accent commands and the combining mark each puts on the next letter. */
const ACCENTS: Readonly<Record<string, string>> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030C',
  H: '\u030B',
  c: '\u0327',
  k: '\u0328',
  r: '\u030A',
  d: '\u0323',
  b: '\u0331',
};

/** Commands whose braced argument is shown as it is (the style is dropped, the words kept). */
const WRAPPERS = new Set([
  'emph',
  'textit',
  'textbf',
  'textrm',
  'textsf',
  'texttt',
  'textsc',
  'textsl',
  'textup',
  'textmd',
  'textnormal',
  'text',
  'mbox',
  'hbox',
  'url',
  'nolinkurl',
  'textsuperscript',
  'textsubscript',
  'enquote',
  'NoCaseChange',
]);

/** Font switches (`{\em …}`), shown as nothing. */
const SWITCHES = new Set(['em', 'it', 'bf', 'sl', 'sc', 'rm', 'sf', 'tt', 'normalfont', 'small', 'footnotesize']);

/** TeX's ligatures for dashes and quotes. */
const LIGATURES: ReadonlyArray<readonly [string, string]> = [
  ['---', '—'],
  ['--', '–'],
  ['``', '“'],
  ["''", '”'],
];

/** The prose `text` (which starts at `offset` in the stored text) as runs, literal and markup. */
export function texTextRuns(text: string, offset = 0): TexRun[] {
  const runs: TexRun[] = [];
  let literalFrom = 0;
  // Closing braces that belong to a command's argument or a `{\em …}` group, by position.
  const dropped = new Set<number>();
  const push = (start: number, end: number, shown: string) => {
    if (start > literalFrom) runs.push(literal(text, literalFrom, start, offset));
    runs.push({ start: offset + start, end: offset + end, shown, literal: false });
    literalFrom = end;
  };
  let i = 0;
  while (i < text.length) {
    const markup = markupAt(text, i, dropped);
    if (markup) {
      push(i, markup.end, markup.shown);
      i = markup.end;
    } else i++;
  }
  if (text.length > literalFrom) runs.push(literal(text, literalFrom, text.length, offset));
  return runs;
}

/** The characters prose stands for: its TeX markup resolved. */
export function texToText(text: string): string {
  return texTextRuns(text)
    .map((run) => run.shown)
    .join('')
    .normalize('NFC');
}

/** Text whose prose TeX is resolved (`68\\%` → 68%) and whose formulas stay TeX: for a quote copied into a note. */
export function withProseAsText(text: string): string {
  return texSegments(text)
    .map((segment) => (segment.kind === 'math' ? segment.source : texToText(segment.source)))
    .join('');
}

function literal(text: string, start: number, end: number, offset: number): TexRun {
  return { start: offset + start, end: offset + end, shown: text.slice(start, end), literal: true };
}

/**
 * HTML that imports before issue 15 could store (`<sub>2</sub>`, `<i>…</i>`, the BibTeX parser's
 * `<span class="nocase">`): shown as nothing (a break as a space), so old libraries read as text.
 */
const LEGACY_TAG =
  /<(\/?)(?:jats:)?(i|b|em|strong|sc|tt|u|a|span|code|ncx|nc|sub|sup|p|br|italic|bold)(?:\s[^<>]{0,200})?\/?>/iy;

function markupAt(text: string, at: number, dropped: Set<number>): { end: number; shown: string } | null {
  const ch = text[at];
  if (ch === '<') {
    LEGACY_TAG.lastIndex = at;
    const tag = LEGACY_TAG.exec(text);
    return tag ? { end: at + tag[0].length, shown: /^(p|br)$/i.test(tag[2] ?? '') ? ' ' : '' } : null;
  }
  if (ch === '}' && dropped.delete(at)) return { end: at + 1, shown: '' };
  for (const [from, to] of LIGATURES) if (text.startsWith(from, at)) return { end: at + from.length, shown: to };
  if (ch === '{' && text[at + 1] === '\\') {
    // `{\em …}` or `{\'a}`: the group's braces go with the markup inside.
    const close = matchingBrace(text, at);
    if (close < 0 || !isKnownCommand(text, at + 1)) return null;
    dropped.add(close);
    return { end: at + 1, shown: '' };
  }
  return ch === '\\' ? commandAt(text, at, dropped) : null;
}

function commandAt(text: string, at: number, dropped: Set<number>): { end: number; shown: string } | null {
  const name = commandName(text, at);
  if (name === '') return null;
  let end = at + 1 + name.length;
  const accent = own(ACCENTS, name);
  if (accent !== undefined) return accented(text, end, accent);
  const letters = /^[A-Za-z]/.test(name);
  const symbol = own(SYMBOLS, name);
  if (symbol !== undefined || SWITCHES.has(name)) {
    // As in TeX, a space after a command word is swallowed, and so is an empty group (`\ss{}`).
    if (letters && text.startsWith('{}', end)) end += 2;
    else if (letters && text[end] === ' ') end++;
    return { end, shown: symbol ?? '' };
  }
  if (WRAPPERS.has(name) && text[end] === '{') {
    const close = matchingBrace(text, end);
    if (close < 0) return null;
    dropped.add(close);
    return { end: end + 1, shown: '' };
  }
  return null;
}

/** `\'e`, `\'{e}`, `\' e`, `\c{c}`, `\'\i`: the letter with its mark. */
function accented(text: string, from: number, mark: string): { end: number; shown: string } | null {
  const braced = /^\{(\\[ij]|[A-Za-z])\}/.exec(text.slice(from, from + 4));
  const bare = /^ ?(\\[ij](?![A-Za-z])|[A-Za-z])/.exec(text.slice(from, from + 4));
  const match = braced ?? bare;
  if (!match) return null;
  const base = match[1] === '\\i' ? 'i' : match[1] === '\\j' ? 'j' : (match[1] ?? '');
  return { end: from + match[0].length, shown: `${base}${mark}`.normalize('NFC') };
}

function commandName(text: string, at: number): string {
  const letters = /^[A-Za-z]+/.exec(text.slice(at + 1, at + 40))?.[0];
  return letters ?? text[at + 1] ?? '';
}

function isKnownCommand(text: string, at: number): boolean {
  const name = commandName(text, at);
  return (
    own(ACCENTS, name) !== undefined || own(SYMBOLS, name) !== undefined || SWITCHES.has(name) || WRAPPERS.has(name)
  );
}

/** How far a group's closing brace is looked for, so unclosed groups cost no rescans of long text. */
const MAX_GROUP_CHARS = 2000;

/** The `}` that closes the `{` at `open`, skipping escaped braces; -1 when none does within reach. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let j = open; j < Math.min(text.length, open + MAX_GROUP_CHARS); j++) {
    const ch = text[j];
    if (ch === '\\') j++;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return j;
  }
  return -1;
}
