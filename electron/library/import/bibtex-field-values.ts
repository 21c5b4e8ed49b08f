import { LineStartPattern } from './line-starts.js';

/** A field name at the start of a line: `name = {`, as Zotero, JabRef and Better BibTeX write fields. */
const ANY_FIELD = new LineStartPattern(String.raw`[ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*\{`);

/** A `{…}` field value found before parsing, its name lower-cased. */
export interface FieldValue {
  readonly name: string;
  /** Inside the value's braces: `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

/** What ends or nests a value: braces, and an `@` opening a line (an unclosed value ends there). */
const BRACE_OR_ENTRY = /[{}]|\n@/g;

/** Each `name = {value}` that starts a line, in order, its braces matched (one pass, by regex: every file's text runs through this several times). */
export function* fieldValues(text: string): Generator<FieldValue> {
  let after = 0;
  for (const match of ANY_FIELD.matchAll(text)) {
    const start = match.index + match[0].length;
    if (start <= after) continue; // a line inside a value already taken
    let depth = 1;
    let end = text.length;
    BRACE_OR_ENTRY.lastIndex = start;
    for (let m = BRACE_OR_ENTRY.exec(text); m !== null; m = BRACE_OR_ENTRY.exec(text)) {
      const ch = m[0];
      if (ch === '{') depth++;
      else if (ch === '}') {
        if (--depth === 0) {
          end = m.index;
          break;
        }
      } else {
        end = m.index + 1; // an unclosed value: left to the parser
        break;
      }
    }
    after = end;
    if (depth !== 0) continue;
    const name = (match[1] ?? '').toLowerCase();
    yield { name, start, end };
  }
}
