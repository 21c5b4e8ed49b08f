import type { Entry } from '@retorquere/bibtex-parser';
import { fieldValues } from './bibtex-field-values.js';

/**
 * Fields Margin reads as the parser leaves them (links, ids, dates) still cost a pass of its LaTeX grammar
 * each. A value the grammar cannot change (no space, brace, backslash, `%` comment, `$`, ligature or OT1
 * character) is set aside whole as a placeholder and put back by `restore`.
 */

const PLACEHOLDER = /ZQFIELD(\d+)QZ/g;
/** Verbatim fields (the parser prints them as written): anything but what TeX or BibTeX reads specially. */
const VERBATIM = new Set(['url', 'doi', 'eprint']);
const VERBATIM_VALUE = /^[A-Za-z0-9:/.?=&_#+,;@!*'()-]+$/;
/** Other fields read as written: words, digits, dots, slashes and single hyphens only. */
const PLAIN = new Set(['date', 'eprinttype', 'archiveprefix']);
const PLAIN_VALUE = /^[A-Za-z0-9./-]+$/;
/** Keywords (verbatim, then split, deduplicated and sorted by the parser): words, single spaces, `,` `;` `-` `.` `/`. */
const KEYWORDS_VALUE = /^[A-Za-z0-9 ,;./-]+$/;
const ONE_PLACEHOLDER = /^ZQFIELD(\d+)QZ$/;

export interface RawFieldsSetAside {
  readonly text: string;
  /** The entry with its set-aside values put back. */
  restore(entry: Entry): Entry;
  /** Put the values back into text quoting the input. */
  restoreRaw(value: string): string;
}

export function setAsideRawFields(input: string): RawFieldsSetAside {
  // Several keywords fields in one entry are merged by the parser: those files are left to it.
  if (input.includes('ZQFIELD') || /keywords\+duplicate/i.test(input))
    return { text: input, restore: (e) => e, restoreRaw: (v) => v };
  const values: string[] = [];
  const out: string[] = [];
  let last = 0;
  for (const field of fieldValues(input)) {
    const value = input.slice(field.start, field.end);
    const safe = VERBATIM.has(field.name)
      ? VERBATIM_VALUE.test(value)
      : field.name === 'keywords'
        ? KEYWORDS_VALUE.test(value) && !value.includes('  ')
        : field.name === 'year'
          ? /^[12]\d{3}$/.test(value) // the parser prints a year through parseInt: four digits print as written
          : PLAIN.has(field.name) && PLAIN_VALUE.test(value) && !value.includes('--');
    if (!safe) continue;
    values.push(value);
    out.push(input.slice(last, field.start), `ZQFIELD${values.length - 1}QZ`);
    last = field.end;
  }
  out.push(input.slice(last));
  const put = (value: string) => value.replace(PLACEHOLDER, (token, n: string) => values[Number(n)] ?? token);
  return {
    text: values.length === 0 ? input : out.join(''),
    restore: (entry) => {
      if (values.length === 0) return entry;
      const fields = { ...entry.fields };
      for (const name of [...VERBATIM, ...PLAIN, 'year']) {
        const value = fields[name];
        if (typeof value === 'string') fields[name] = put(value);
      }
      const keywords = fields.keywords;
      const n = keywords?.length === 1 ? ONE_PLACEHOLDER.exec(keywords[0] ?? '')?.[1] : undefined;
      const written = n === undefined ? undefined : values[Number(n)];
      if (written !== undefined) {
        const list = keywordList(written);
        if (list.length > 0) fields.keywords = list;
        else delete fields.keywords;
      }
      return { ...entry, fields };
    },
    restoreRaw: (value) => (values.length === 0 ? value : put(value)),
  };
}

/** The parser's keyword list: split at `,` and `;`, trimmed, empty ones dropped, deduplicated, sorted ignoring case. */
function keywordList(value: string): string[] {
  const keywords = value
    .split(/\s*[,;]\s*/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  return [...new Set(keywords)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
}
