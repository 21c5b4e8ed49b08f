import type { Entry, Library } from '@retorquere/bibtex-parser';
import { fieldValues } from './bibtex-field-values.js';
import { entryFields, type EntryField } from './bibtex-entry-fields.js';
import { LineStartPattern } from './line-starts.js';

/**
 * After prose, names and raw values are set aside, most fields of a Zotero entry hold one placeholder or
 * one macro (`journaltitle = jmlr`), and the parser still runs its LaTeX grammar over each (~45 µs a field,
 * most of what the parse then costs). Such a field is emptied before parsing (the parser skips empty
 * values) and carried around it: `putBack` gives each parsed entry the value the parser prints for that
 * placeholder or macro in that field, learnt from the parser itself. Each emptied value is checked to be a
 * whole field of a parsed entry, read by the parser's grammar (bibtex-entry-fields). Wherever the result
 * could differ from parsing the field (a parse error, a field named twice, a value outside an entry, a
 * macro defined twice or after its use, a cross-reference), `putBack` gives null and the caller parses the
 * text as it was.
 */

/** A value that is one placeholder of the set-asides, alone or in one group. */
const LONE_PLACEHOLDER = /^(\{?)(ZQ(?:TEXT|FIELD|NAMES))\d+QZ(\}?)$/;
const MAX_PLACEHOLDER = 32;
/** A field whose value is one macro, on a line of its own: `journaltitle = jmlr,`. */
const MACRO_FIELD = new LineStartPattern(
  String.raw`([ \t]*([A-Za-z][\w-]*)[ \t]*=[ \t]*)([A-Za-z][\w]*)(?=[ \t]*(?:,|\n[ \t]*\}))`,
);
/** A macro definition in braces (anywhere: a file read in parts has them on one line). */
const MACRO_DEFINITION = /@[ \t]*string[ \t]*\{[ \t]*([A-Za-z][\w]*)[ \t]*=/gi;

interface Carried {
  /** Where the emptied value's content is (inside its `{}`), in the carried text. */
  readonly at: number;
  readonly name: string;
  /** The placeholder, or the macro's name. */
  readonly value: string;
  /** What the parser's printing depends on: field, braces and kind of placeholder, or field and macro. */
  readonly shape: string;
}

export interface CarriedFields {
  /** The input with the carried values emptied (lines kept: no carried value holds a newline). */
  readonly text: string;
  /** The parsed library with the carried values back in its entries; null to parse the input as it was. */
  putBack(library: Library): Library | null;
}

/** Parses BibTeX with the import's options. */
export type Parse = (bibtex: string) => Library;

const AS_IS: (input: string) => CarriedFields = (input) => ({ text: input, putBack: (library) => library });

/** A value to empty: `[start, end)` in the input, replaced by `{}` (a macro) or nothing (braces kept). */
interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly value: string;
  readonly shape: string;
  readonly macro: boolean;
}

export function carryFields(input: string, parse: Parse): CarriedFields {
  const macros = macroDefinitions(input);
  const candidates = [...placeholderFields(input), ...(macros === null ? [] : macroFields(input))].sort(
    (a, b) => a.start - b.start,
  );
  const templates = learnTemplates(candidates, macros?.text ?? '', parse);
  const carried: Carried[] = [];
  const out: string[] = [];
  let length = 0;
  let last = 0;
  // Macro definitions' ends, in the carried text (where putBack checks that none lies inside an entry).
  const definitionEnds: number[] = [];
  const ends = macros?.ends ?? [];
  let d = 0;
  for (const c of candidates) {
    if (!templates.has(c.shape) || c.start < last) continue;
    for (; d < ends.length && (ends[d] ?? 0) <= c.start; d++) definitionEnds.push(length + (ends[d] ?? 0) - last);
    const before = input.slice(last, c.start) + (c.macro ? '{' : '');
    out.push(before, c.macro ? '}' : '');
    length += before.length;
    carried.push({ at: length, name: c.name, value: c.value, shape: c.shape });
    length += c.macro ? 1 : 0;
    last = c.end;
  }
  if (carried.length === 0) return AS_IS(input);
  for (; d < ends.length; d++) definitionEnds.push(length + (ends[d] ?? 0) - last);
  out.push(input.slice(last));
  const text = out.join('');
  const firstMacroUse = candidates.find((c) => c.macro && templates.has(c.shape))?.start;
  return {
    text,
    putBack: (library) =>
      macros !== null && firstMacroUse !== undefined && !sameMacros(library, macros, firstMacroUse)
        ? null
        : putBack(library, text, carried, templates, firstMacroUse === undefined ? [] : definitionEnds),
  };
}

function* placeholderFields(input: string): Generator<Candidate> {
  for (const field of fieldValues(input)) {
    if (field.end - field.start > MAX_PLACEHOLDER) continue;
    const value = input.slice(field.start, field.end);
    const match = LONE_PLACEHOLDER.exec(value);
    if (match === null || match[1] !== match[3]) continue;
    const shape = `${field.name} ${match[1]}${match[2]}${match[3]}`;
    yield { start: field.start, end: field.end, name: field.name, value, shape, macro: false };
  }
}

function* macroFields(input: string): Generator<Candidate> {
  for (const match of MACRO_FIELD.matchAll(input)) {
    const [, before = '', field = '', macro = ''] = match;
    const start = match.index + before.length;
    const name = field.toLowerCase();
    yield {
      start,
      end: start + macro.length,
      name,
      value: macro,
      shape: `${name} =${macro.toLowerCase()}`,
      macro: true,
    };
  }
}

/** The file's macro definitions (in braces), or null when macros are not carried. */
function macroDefinitions(input: string): { text: string; names: Set<string>; ends: number[] } | null {
  // Parenthesised definitions and `@comment`s (which may hold definitions the parser skips) are not followed.
  if (/@[ \t]*(string[ \t]*\(|comment)/i.test(input)) return null;
  const names = new Set<string>();
  const texts: string[] = [];
  const ends: number[] = [];
  for (const match of input.matchAll(MACRO_DEFINITION)) {
    const name = (match[1] ?? '').toUpperCase();
    if (names.has(name)) return null; // defined twice: which one a field gets depends on where it is
    let depth = 0;
    let i = input.indexOf('{', match.index);
    for (; i < input.length; i++) {
      if (input[i] === '{') depth++;
      else if (input[i] === '}' && --depth === 0) break;
    }
    if (depth !== 0) return null;
    names.add(name);
    texts.push(input.slice(match.index, i + 1).replace(/\n/g, ' '));
    ends.push(i + 1);
  }
  return { text: texts.join('\n'), names, ends };
}

/** The parser defined exactly the macros found, and all of them before the first field carried as a macro. */
function sameMacros(library: Library, macros: { names: Set<string>; ends: number[] }, firstUse: number): boolean {
  const defined = Object.keys(library.strings);
  return (
    defined.length === macros.names.size &&
    defined.every((name) => macros.names.has(name)) &&
    macros.ends.every((end) => end <= firstUse)
  );
}

function putBack(
  library: Library,
  text: string,
  carried: readonly Carried[],
  templates: ReadonlyMap<string, Template>,
  definitionEnds: readonly number[],
): Library | null {
  // A child's emptied field would have inherited its parent's (the word alone, in an abstract, changes nothing).
  if (library.errors.length > 0 || library.entries.some((e) => e.fields.crossref !== undefined)) return null;
  let next = 0;
  let searchFrom = 0;
  let definition = 0;
  const entries: Entry[] = [];
  for (const entry of library.entries) {
    const at = text.indexOf(entry.input, searchFrom);
    if (at < 0) return null;
    searchFrom = at + 1;
    const end = at + entry.input.length;
    // A value before this entry and after the last lies outside every entry (an `@string`'s, a comment's).
    if ((carried[next]?.at ?? Infinity) < at) return null;
    // A macro definition found inside an entry is not one the parser saw.
    while ((definitionEnds[definition] ?? Infinity) <= at) definition++;
    if ((definitionEnds[definition] ?? Infinity) <= end) return null;
    let fields: Entry['fields'] | null = null;
    let read: EntryField[] | null = null;
    for (; next < carried.length && (carried[next]?.at ?? Infinity) < end; next++) {
      const c = carried[next];
      if (c === undefined) return null;
      read ??= entryFields(entry.input);
      fields ??= { ...entry.fields };
      const value = templates.get(c.shape)?.(c.value);
      if (value === undefined || read === null || !isWholeField(read, c, c.at - at) || Object.hasOwn(fields, c.name))
        return null;
      Object.defineProperty(fields, c.name, { value, enumerable: true, writable: true, configurable: true });
    }
    entries.push(fields === null ? entry : { ...entry, fields });
  }
  if (next < carried.length) return null;
  return { ...library, entries };
}

/** The emptied value at `offset` is the whole value of the entry's one field of that name. */
function isWholeField(fields: readonly EntryField[], carried: Carried, offset: number): boolean {
  const named = fields.filter((f) => f.name === carried.name);
  const field = named[0];
  return (
    named.length === 1 &&
    field !== undefined &&
    field.kind === 'braces' &&
    field.parts === 1 &&
    field.start === offset &&
    field.end === offset
  );
}

/** The parser's value for a field holding this placeholder or macro. */
type Template = (value: string) => unknown;

/**
 * What the parser prints for each shape of value, learnt by parsing one entry per shape (after the file's
 * macro definitions) with a sample placeholder; a placeholder's shape is carried only when the parser prints
 * its placeholder back exactly once. Placeholders and macros are learnt apart, so a macro the parser cannot
 * resolve leaves the placeholders carried.
 */
function learnTemplates(candidates: readonly Candidate[], definitions: string, parse: Parse): Map<string, Template> {
  const templates = new Map<string, Template>();
  const shapes = new Map<string, Candidate>();
  for (const c of candidates) if (!shapes.has(c.shape)) shapes.set(c.shape, c);
  const placeholders = [...shapes.values()].filter((c) => !c.macro);
  const macros = [...shapes.values()].filter((c) => c.macro);
  const learn = (list: readonly Candidate[], prefix: string, print: (c: Candidate) => string): void => {
    if (list.length === 0) return;
    const library = parse(prefix + list.map((c, i) => `@misc{zqcarry${i},\n  ${c.name} = ${print(c)}\n}\n`).join(''));
    if (library.errors.length > 0 || library.entries.length !== list.length) return;
    for (const [i, c] of list.entries()) {
      const entry = library.entries[i];
      if (entry?.key !== `zqcarry${i}`) return;
      // The field's name is the file's: read as an own property only (`__proto__` is a name too).
      const printed = Object.hasOwn(entry.fields, c.name) ? JSON.stringify(entry.fields[c.name]) : undefined;
      if (printed === undefined) continue;
      if (c.macro) templates.set(c.shape, () => JSON.parse(printed) as unknown);
      else {
        const sample = sampleToken(c.value);
        if (printed.split(sample).length !== 2) continue;
        templates.set(c.shape, (value) => {
          const token = /ZQ[A-Z]+\d+QZ/.exec(value)?.[0] ?? '';
          return JSON.parse(printed.split(sample).join(token)) as unknown;
        });
      }
    }
  };
  learn(placeholders, '', (c) => `{${c.value.replace(/ZQ[A-Z]+\d+QZ/, sampleToken(c.value))}}`);
  learn(macros, definitions === '' ? '' : `${definitions}\n`, (c) => c.value);
  return templates;
}

/** The placeholder's kind with a number of its own: what the parser is shown while learning. */
function sampleToken(value: string): string {
  return `${/ZQ[A-Z]+/.exec(value)?.[0] ?? 'ZQTEXT'}7QZ`;
}
