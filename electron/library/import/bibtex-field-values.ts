/** A field name at the start of a line: `name = {`, as Zotero, JabRef and Better BibTeX write fields. */
const ANY_FIELD = /^[ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*\{/gm;

/** A `{…}` field value found before parsing, its name lower-cased. */
export interface FieldValue {
  readonly name: string;
  /** Inside the value's braces: `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

/** Each `name = {value}` that starts a line, in order, its braces matched (one pass). */
export function* fieldValues(text: string): Generator<FieldValue> {
  let after = 0;
  for (const match of text.matchAll(ANY_FIELD)) {
    const start = match.index + match[0].length;
    if (start <= after) continue; // a line inside a value already taken
    let depth = 1;
    let j = start;
    for (; j < text.length; j++) {
      const ch = text[j];
      if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) break;
      else if (ch === '@' && text[j - 1] === '\n') break; // an unclosed value: left to the parser
    }
    if (depth !== 0) {
      after = j;
      continue;
    }
    after = j;
    const name = (match[1] ?? '').toLowerCase();
    yield { name, start, end: j };
  }
}
