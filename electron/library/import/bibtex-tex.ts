/**
 * What @retorquere/bibtex-parser does not do the way Margin stores text, mended around it:
 * - math (`$O(n \log n)$`, `$$…$$`, `\(…\)`, `\[…\]`, `\ensuremath{…}` as `$…$`) is kept as TeX: it is
 *   set aside before parsing and put back after, so the parser's math conversion (which drops spaces and
 *   unknown commands, and writes `<sub>`) never touches it;
 * - `\|` in prose, which the parser drops, is given its character (‖);
 * - a dollar in prose (`$70,000 a year`, `$5 and $6`) is a dollar, not the start of math;
 * - the parser writes emphasis, scripts and `\url` as HTML (`<i>`, `<sub>`, `<a href>`): the library
 *   stores text, so `withoutMarkup` (shared/text) takes the tags off;
 * - a few text commands it drops are given their characters (`\textquotesingle`, `\TeX`, `\LaTeX`).
 */

import { LineStartPattern } from './line-starts.js';

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
  /** Set a formula aside, as it will be stored; newlines kept, so every later entry keeps its line number. */
  const setAside = (formula: string, written: string) => {
    // Stored with its whitespace collapsed, as every field is (spacing inside math means nothing to TeX).
    math.push(formula.replace(/\s+/g, ' '));
    out.push(`ZQMATH${math.length - 1}QZ${'\n'.repeat((written.match(/\n/g) ?? []).length)}`);
  };
  // A `$` in a verbatim field (a DOI or URL) is no math, but the parser reads it as math all the same
  // ("Unclosed math section" for the whole entry): it is percent-encoded, as a URL would have it.
  const verbatim = verbatimRanges(text);
  let range = 0;
  let i = 0;
  for (let at = nextOpener(text, i); at >= 0; at = nextOpener(text, i)) {
    out.push(text.slice(i, at));
    while (range < verbatim.length && (verbatim[range]?.[1] ?? 0) <= at) range++;
    const current = verbatim[range];
    if (current && current[0] <= at) {
      out.push(text.slice(at, current[1]).replace(/\$/g, '%24'));
      i = current[1];
      continue;
    }
    if (isEscaped(text, at)) {
      // `\$` is a dollar, `\\(` a line break and a parenthesis: the parser reads them as it should.
      out.push(text[at] ?? '');
      i = at + 1;
      continue;
    }
    const opener = OPENERS.find((o) => text.startsWith(o.open, at)) ?? OPENERS[0];
    if (opener.open === '\\|') {
      // A norm in prose, `\|x\|`: the parser drops `\|`, so it is given its character.
      out.push('‖');
      i = at + 2;
      continue;
    }
    const from = at + opener.open.length;
    if (opener.open === '\\ensuremath') {
      // `\ensuremath{x_i}` is math wherever it stands: stored as `$x_i$`.
      const group = /^\s*\{/.exec(text.slice(from, from + 20));
      const close = group ? findClose(text, from + group[0].length, opener.open, '}') : -1;
      if (close < 0) {
        out.push(opener.open);
        i = from;
        continue;
      }
      setAside(`$${text.slice(from + (group?.[0].length ?? 0), close)}$`, text.slice(at, close + 1));
      i = close + 1;
      continue;
    }
    const close = findClose(text, from, opener.open, opener.close);
    if (close < 0 || (opener.open === '$' && isProse(text.slice(from, close)))) {
      // A dollar in prose: escaped, so the parser prints it. An unclosed `\(` is left to the parser.
      out.push(opener.open === '$' || opener.open === '$$' ? '\\$' : opener.open);
      i = opener.open === '$$' ? at + 1 : from;
      continue;
    }
    const formula = text.slice(at, close + opener.close.length);
    setAside(formula, formula);
    i = close + opener.close.length;
  }
  out.push(text.slice(i));
  return {
    text: out.join(''),
    restore: (value) =>
      math.length === 0 ? value : value.replace(PLACEHOLDER, (token, n: string) => math[Number(n)] ?? token),
  };
}

const VERBATIM_FIELD = new LineStartPattern(
  String.raw`[ \t]*(doi|url|eprint|file|pdf|verba|verbb|verbc)[ \t]*=[ \t]*\{`,
  'i',
);

/** Where each verbatim field's value lies, `[start, end)`, in order (braces matched, one pass). */
function verbatimRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of VERBATIM_FIELD.matchAll(text)) {
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

/** What opens math (or, for `\\|`, a character the parser would drop) and what closes it. */
const OPENERS = [
  { open: '$$', close: '$$' },
  { open: '$', close: '$' },
  { open: '\\(', close: '\\)' },
  { open: '\\[', close: '\\]' },
  { open: '\\ensuremath', close: '}' },
  { open: '\\|', close: '' },
] as const;
const OPENER = /\$|\\[([|]|\\ensuremath(?![A-Za-z])/g;

function nextOpener(text: string, from: number): number {
  OPENER.lastIndex = from;
  return OPENER.exec(text)?.index ?? -1;
}

/**
 * Where `close` ends math opened before `from`, within reach and before the field could end; -1 if it
 * does not. Escaped characters (`\\$`, `\\}`) close nothing; a lone `$` does not close `$$`.
 */
function findClose(text: string, from: number, open: string, close: string): number {
  const limit = Math.min(text.length, from + MAX_MATH_CHARS);
  let depth = 0;
  for (let j = from; j < limit; j++) {
    const ch = text[j];
    if (text.startsWith(close, j) && (close !== '}' || depth === 0)) return j;
    // The same opener again before the close: this one is unclosed (and a run of them costs no rescans).
    if (open !== '$' && text.startsWith(open, j)) return -1;
    if (ch === '\\') j++;
    else if (ch === '$' && close.startsWith('$')) return -1;
    // Math stays inside its field: a `}` closing more than the math opened, a blank line, or the next
    // field or entry (`\n  name =`, `\n@`) ends the search.
    else if (ch === '{') depth++;
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
