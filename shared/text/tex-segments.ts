/**
 * Where the math is in stored text (an abstract, a title, a quote): `$…$`, `$$…$$`, `\(…\)` and `\[…\]`,
 * as TeX and Obsidian write it. Offsets are into the stored text, so highlights anchored on it stay put.
 *
 * A dollar is math much where Pandoc and Obsidian take it for math: the opening `$` is followed
 * by a non-space, the closing one follows a non-space and, when the formula starts with a digit, is not
 * followed by one. So `$5 and $6`, `$5-$10` and an unclosed `$x` stay text, as does an escaped `\$`,
 * while `$\pm$0.1` and `$-$50` (real titles) are formulas.
 */

/** A run of stored text: prose (which may hold text-mode TeX such as `\'a`), or one formula. */
export type TexSegment =
  | { readonly kind: 'text'; readonly start: number; readonly end: number; readonly source: string }
  | {
      readonly kind: 'math';
      readonly start: number;
      readonly end: number;
      /** The formula as written, delimiters included. */
      readonly source: string;
      /** The TeX inside the delimiters. */
      readonly tex: string;
      /** `$$…$$` and `\[…\]` are set on their own line. */
      readonly display: boolean;
    };

/** Longer than this, a "formula" is more likely two stray dollars around prose. */
const MAX_INLINE_CHARS = 600;
const MAX_DISPLAY_CHARS = 4000;

/** Split text into prose and formulas, in order, covering every character once. */
export function texSegments(text: string): TexSegment[] {
  const segments: TexSegment[] = [];
  let proseFrom = 0;
  let i = 0;
  while (i < text.length) {
    const formula = formulaAt(text, i);
    if (formula) {
      if (i > proseFrom) segments.push(prose(text, proseFrom, i));
      segments.push(formula);
      i = formula.end;
      proseFrom = i;
    } else {
      // An escape pair (`\$`, `\\`) is prose and can open nothing.
      i += text[i] === '\\' ? 2 : 1;
    }
  }
  if (text.length > proseFrom) segments.push(prose(text, proseFrom, text.length));
  return segments;
}

/** Whether the text holds any formula (cheap enough for list rows). */
export function hasMath(text: string): boolean {
  return (text.includes('$') || text.includes('\\(') || text.includes('\\[')) && texSegments(text).some(isMath);
}

function isMath(segment: TexSegment): boolean {
  return segment.kind === 'math';
}

function prose(text: string, start: number, end: number): TexSegment {
  return { kind: 'text', start, end, source: text.slice(start, end) };
}

function formulaAt(text: string, at: number): TexSegment | null {
  const ch = text[at];
  const next = text[at + 1];
  if (ch === '\\' && next === '(') return delimited(text, at, '\\(', '\\)', false);
  if (ch === '\\' && next === '[') return delimited(text, at, '\\[', '\\]', true);
  if (ch !== '$') return null;
  if (next === '$') return delimited(text, at, '$$', '$$', true);
  return inlineDollar(text, at);
}

/** `\(…\)`, `\[…\]` and `$$…$$`: the first unescaped closing delimiter, within reach and before a blank line. */
function delimited(text: string, at: number, open: string, close: string, display: boolean): TexSegment | null {
  const from = at + open.length;
  const limit = Math.min(text.length, from + (display ? MAX_DISPLAY_CHARS : MAX_INLINE_CHARS));
  for (let j = from; j < limit; j++) {
    if (text.startsWith(close, j)) {
      const tex = text.slice(from, j);
      return tex.trim() === '' ? null : math(text, at, j + close.length, tex, display);
    }
    if (text[j] === '\\') j++;
    else if (text[j] === '\n' && text[j + 1] === '\n') return null;
  }
  return null;
}

function inlineDollar(text: string, at: number): TexSegment | null {
  const from = at + 1;
  if (from >= text.length || /\s/.test(text[from] ?? '')) return null;
  const limit = Math.min(text.length, from + MAX_INLINE_CHARS);
  for (let j = from; j < limit; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '\n' && text[j + 1] === '\n') return null;
    if (ch !== '$') continue;
    const tex = text.slice(from, j);
    // `$5 and $6`, `$5-$10`: this dollar opens the next amount, and so does any later one. A formula
    // may still be followed by a digit where it holds no amount (`$\pm$0.1`, `$-$50`).
    if (/\s/.test(text[j - 1] ?? '') || (/\d/.test(text[j + 1] ?? '') && /^\d/.test(tex))) return null;
    return isProse(tex) ? null : math(text, at, j + 1, tex, false);
  }
  return null;
}

/** `70,000 a year`: an amount and words, not a formula. */
function isProse(tex: string): boolean {
  return /^\d[\d,.]*\s/.test(tex) && /\s[A-Za-z]{2,}\b/.test(tex) && !/[\\^_{}=<>]/.test(tex);
}

function math(text: string, start: number, end: number, tex: string, display: boolean): TexSegment {
  return { kind: 'math', start, end, source: text.slice(start, end), tex, display };
}
