/** The line model every digest reader works on: split once, numbered once, so no reader rescans the input. */
import type { SkippedText } from '../../../../shared/models/import-report.js';
import { normalizeInputText } from '../../../../shared/text/input.js';

export interface Line {
  /** The line without trailing whitespace (leading indentation matters to mail readers). */
  readonly raw: string;
  /** The line trimmed. */
  readonly text: string;
  /** 1-based line number in the input. */
  readonly number: number;
}

export function toLines(input: string): Line[] {
  return normalizeInputText(input)
    .split('\n')
    .map((line, index) => {
      // No-break spaces (Scholar puts one before its ` - ` and its `…`) are spaces to a reader.
      const raw = line.replace(/[\u00a0\u2007\u202f]/g, ' ');
      const trimmedEnd = raw.trimEnd();
      return { raw: trimmedEnd, text: trimmedEnd.trim(), number: index + 1 };
    });
}

/** Chinese and Japanese put no space between words, so a wrap between two of their characters is no space. */
const CJK_END = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，：；！？）」』]$/u;
const CJK_START = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}、。，：；！？（「『]/u;

/**
 * Join hard-wrapped lines into one string: whitespace collapsed, and a word hyphenated at the end of a
 * line (`self-` + `supervised`) joined without a space, keeping its hyphen, unless the text comes from
 * a mailer that never breaks inside a word (`wordsBreak: false`) or the hyphen is suspended
 * (`scaffold-` + `and fragment-level`).
 */
export function joinWrapped(parts: readonly string[], options: { wordsBreak?: boolean } = {}): string {
  const wordsBreak = options.wordsBreak ?? true;
  // Pieces and their separators go into an array joined once: appending to a growing string and
  // looking at its end flattens it every time, which is quadratic on a long field.
  const out: string[] = [];
  let last = '';
  for (const part of parts) {
    const piece = /\s/.test(part) ? part.replace(/\s+/g, ' ').trim() : part;
    if (piece === '') continue;
    if (out.length > 0) {
      // Cheap checks first: most lines end in neither a hyphen nor a CJK character, and Unicode
      // property patterns are slow to run millions of times.
      const hyphen =
        wordsBreak &&
        last.endsWith('-') &&
        /[\p{L}\p{N}]-$/u.test(last) &&
        /^\p{L}/u.test(piece) &&
        !SUSPENDED.test(piece);
      const cjk = !hyphen && last.charCodeAt(last.length - 1) >= 0x2e80 && CJK_END.test(last) && CJK_START.test(piece);
      if (!hyphen && !cjk) out.push(' ');
    }
    out.push(piece);
    last = piece;
  }
  return out.join('');
}

/** After a suspended hyphen (`first- and second-order`) the next line starts with a conjunction. */
const SUSPENDED = /^(and|or|to|nor|und|et|ou)\b/i;

/** Longest excerpt of skipped text the preview shows. */
const SKIPPED_EXCERPT = 160;

/**
 * Collects the lines no entry used and reports them as runs (a paragraph of furniture is one item, not
 * ten). Readers mark lines as they go, so the whole thing stays linear.
 */
export class SkippedLines {
  private readonly runs: SkippedText[] = [];
  private open: { line: number; parts: string[]; length: number; last: number } | null = null;

  add(line: Line): void {
    if (line.text === '') return;
    if (this.open && line.number <= this.open.last + 2) {
      if (this.open.length < SKIPPED_EXCERPT) {
        this.open.parts.push(line.text);
        this.open.length += line.text.length + 1;
      }
      this.open.last = line.number;
      return;
    }
    this.flush();
    this.open = { line: line.number, parts: [line.text], length: line.text.length, last: line.number };
  }

  addAll(lines: readonly Line[]): void {
    for (const line of lines) this.add(line);
  }

  result(): SkippedText[] {
    this.flush();
    return this.runs;
  }

  private flush(): void {
    if (!this.open) return;
    const text = joinWrapped(this.open.parts);
    this.runs.push({
      line: this.open.line,
      text: text.length > SKIPPED_EXCERPT ? `${text.slice(0, SKIPPED_EXCERPT - 1)}…` : text,
    });
    this.open = null;
  }
}

/** Runs of non-blank lines (blank-line separated paragraphs). */
export function paragraphsOf(lines: readonly Line[]): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current);
  return out;
}
