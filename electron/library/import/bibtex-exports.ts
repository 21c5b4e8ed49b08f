/**
 * Real exports that other tools write in ways BibTeX parsers reject or misread, mended before parsing.
 * Every change keeps the text's lines, so line numbers stay true.
 * - Citation keys with characters a key cannot have (`smith_testing_????` from older Zotero, Scopus's
 *   `D’Aniello201643`): the entry is kept under a placeholder key and gets a new one (`renamedKeys`).
 * - Field names with parentheses (Web of Science's `Usage-Count-(Last-180-days)`): the parentheses become
 *   hyphens, so the entry is not lost over a field Margin does not use.
 * - Fields Margin never reads that cost most of the parse (Scopus's `references`, Web of Science's
 *   `Cited-References`: a 2.6 MB export spent 19 of 26 s in them) are emptied before parsing.
 * - Old Scopus author lists, `D'Ambrosio, A.a , Aria, M.a`: names separated by commas and initials
 *   carrying affiliation letters become `D'Ambrosio, A. and Aria, M.`.
 */

import { LineStartPattern } from './line-starts.js';

/** What the parser reads in a key; others (`?`, `’`, `(`) make it reject the whole entry. */
const KEY_CHARS = /^[\p{L}\p{N}_:.\-/+']*$/u;
const PLACEHOLDER_PREFIX = 'marginrenamedkey';

export interface MendedExport {
  readonly text: string;
  /** Placeholder key → the key as the file wrote it. */
  readonly renamedKeys: ReadonlyMap<string, string>;
}

const ENTRY_KEY_BODY = String.raw`(\s*@\s*[A-Za-z][\w-]*\s*[{(]\s*)([^,\n{}"=]*?)(\s*,)`;
const ENTRY_KEY = new LineStartPattern(ENTRY_KEY_BODY);
/** A field name with parentheses (Web of Science's `Usage-Count-(Last-180-days)`). */
const PAREN_FIELD_BODY = String.raw`(\s*)([A-Za-z][\w-]*\([^)\n=]*\)[\w-]*)(\s*=)`;
const PAREN_FIELD = new LineStartPattern(PAREN_FIELD_BODY);

/** Scopus exports are mended by what their header says. */
function isScopus(input: string): boolean {
  return /^\s*(EXPORT DATE:|source\s*=\s*\{Scopus\})/im.test(input.slice(0, 200_000));
}

/**
 * Whether mending depends on the whole file (its header says Scopus, or keys are renamed by a count kept over
 * the file), so it may not be read in parts.
 */
export function mendsAsAWhole(input: string): boolean {
  return isScopus(input) || hasBadKey(input);
}

/** Whether some entry's key has characters the parser rejects. */
function hasBadKey(input: string): boolean {
  for (const match of ENTRY_KEY.matchAll(input)) if (!KEY_CHARS.test(match[2] ?? '')) return true;
  return false;
}

export function mendExport(input: string): MendedExport {
  const renamedKeys = new Map<string, string>();
  const scopus = isScopus(input);
  // Each step rewrites the text only when it has something to mend (most exports have nothing).
  let text = !hasBadKey(input)
    ? input
    : input.replace(new RegExp(`^${ENTRY_KEY_BODY}`, 'gm'), (whole, start: string, key: string, comma: string) => {
        if (KEY_CHARS.test(key)) return whole;
        const placeholder = `${PLACEHOLDER_PREFIX}${renamedKeys.size}`;
        renamedKeys.set(placeholder, key);
        return `${start}${placeholder}${comma}`;
      });
  if (!PAREN_FIELD.matchAll(text).next().done)
    text = text.replace(
      new RegExp(`^${PAREN_FIELD_BODY}`, 'gm'),
      (_whole, indent: string, name: string, equals: string) => `${indent}${name.replace(/[()]/g, '-')}${equals}`,
    );
  if (scopus)
    text = text.replace(
      /^(\s*author\s*=\s*\{)([^}\n]*)(\})/gim,
      (_whole, start: string, value: string, end: string) => `${start}${scopusAuthors(value)}${end}`,
    );
  return { text: withoutUnusedFields(text), renamedKeys };
}

const UNUSED_FIELD = new LineStartPattern(String.raw`[ \t]*(references|cited-references)[ \t]*=[ \t]*\{`, 'i');

/** Empty the value of each unused field (braces matched, newlines kept for line numbers). */
function withoutUnusedFields(text: string): string {
  const out: string[] = [];
  let last = 0;
  for (const match of UNUSED_FIELD.matchAll(text)) {
    const open = match.index + match[0].length;
    if (open < last) continue;
    let depth = 1;
    let i = open;
    for (; i < text.length && depth > 0; i++) {
      const ch = text[i];
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (depth !== 0) break; // unbalanced: leave the rest to the parser, which reports it
    const close = i - 1;
    out.push(text.slice(last, open), text.slice(open, close).replace(/[^\n]/g, ''));
    last = close;
  }
  out.push(text.slice(last));
  return out.join('');
}

/** A placeholder key from `mendExport`, and the key the file wrote, or null for a key as written. */
export function renamedKey(key: string, renamed: ReadonlyMap<string, string>): string | null {
  return key.startsWith(PLACEHOLDER_PREFIX) ? (renamed.get(key) ?? null) : null;
}

/** `D'Ambrosio, A.a , Aria, M.a` → `D'Ambrosio, A. and Aria, M.`; `Ellul, A.a  c  and Pagano, M.b` → `Ellul, A. and Pagano, M.`. */
function scopusAuthors(value: string): string {
  // Affiliation letters after initials: `A.a`, `A.a  c`, `M.R.a`.
  const clean = value.replace(/((?:\b\p{Lu}\.-?)+)\p{Ll}(?:\s+\p{Ll}\b)*/gu, '$1');
  if (/\sand\s/.test(clean)) return clean.trim();
  const parts = clean.split(/\s*,\s*/).filter((p) => p.trim() !== '');
  // Pairs of `Family, Initials.`: join each pair, and the pairs with `and`.
  if (
    parts.length < 2 ||
    parts.length % 2 !== 0 ||
    !parts.every((p, i) => i % 2 === 0 || /^(\p{Lu}\.[\s-]?)+$/u.test(p.trim()))
  )
    return clean.trim();
  const names: string[] = [];
  for (let i = 0; i < parts.length; i += 2) names.push(`${parts[i]?.trim()}, ${parts[i + 1]?.trim()}`);
  return names.join(' and ');
}
