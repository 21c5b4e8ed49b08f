import type { Creator } from '@retorquere/bibtex-parser';
import { fieldValues } from './bibtex-field-values.js';
import { simpleCreator, TEX_LETTER } from './bibtex-simple-name.js';

/**
 * After prose, names cost the parser most (each runs through its LaTeX grammar and name splitter: ~0.2 ms
 * a name here), and a library names the same people again and again. Each distinct name in `author` and
 * `editor` is parsed once, on its own, and each list becomes one placeholder the parser reads as a
 * one-word name; `expand` puts the parsed names back. A name is parsed alone exactly as in its list because the
 * list is split only where the parser splits it (` and ` at brace depth 0) and no name is set aside whose
 * parse could depend on its neighbours (a command at its end, a comment, `\newcommand`, `\em` and other
 * switches, an angle bracket the OT1 fix looks for, more than two commas, which the parser reports with
 * the entry's key).
 */

const PLACEHOLDER = /ZQNAMES(\d+)QZ(\n*)/g;
const ONE_PLACEHOLDER = /^ZQNAMES(\d+)QZ$/;
const NAME_FIELDS = new Set(['author', 'editor']);
const SEPARATOR = /([ \t\n]+and[ \t\n]+)/i;

/** Parses BibTeX text with the import's parser options: creators per entry key, and whether anything failed. */
export type NameParser = (bibtex: string) => {
  entries: ReadonlyArray<{ key: string; creators: Creator[] }>;
  failed: boolean;
};

export interface NamesSetAside {
  readonly text: string;
  /** A parsed creator list with each placeholder replaced by the name it stands for. */
  expand(creators: readonly Creator[] | undefined): Creator[] | undefined;
  /** Put the names back as written (for messages quoting the input). */
  restoreRaw(value: string): string;
}

const UNCHANGED = (input: string): NamesSetAside => ({ text: input, expand: (c) => c?.slice(), restoreRaw: (v) => v });

export function setAsideNames(input: string, parseNames: NameParser): NamesSetAside {
  if (input.includes('ZQNAMES') || /\\(newcommand|ProvideTextCommandDefault)/.test(input)) return UNCHANGED(input);
  const names = new Map<string, number>();
  const written: string[] = [];
  /** Each list set aside: the value as written, and its names. */
  const lists: Array<{ raw: string; names: number[] }> = [];
  const out: string[] = [];
  let last = 0;
  for (const field of fieldValues(input)) {
    // A list continued with `#` is joined by the parser, so it is left to it.
    if (!NAME_FIELDS.has(field.name) || !/^\s*[,}]/.test(input.slice(field.end + 1, field.end + 40))) continue;
    const raw = input.slice(field.start, field.end);
    const indices = nameIndices(raw, names, written);
    if (indices === null) continue;
    lists.push({ raw, names: indices });
    out.push(input.slice(last, field.start), `ZQNAMES${lists.length - 1}QZ${'\n'.repeat(newlines(raw))}`);
    last = field.end;
  }
  if (lists.length === 0) return UNCHANGED(input);
  out.push(input.slice(last));
  const byIndex = parseEach(written, parseNames);
  if (byIndex === null) return UNCHANGED(input);
  return {
    text: out.join(''),
    expand: (creators) =>
      creators?.flatMap((c) => {
        const n =
          c.lastName !== undefined && Object.keys(c).length === 1 ? ONE_PLACEHOLDER.exec(c.lastName)?.[1] : undefined;
        const list = n === undefined ? undefined : lists[Number(n)];
        return list === undefined ? [c] : list.names.flatMap((i) => byIndex[i] ?? []);
      }),
    restoreRaw: (value) =>
      value.replace(PLACEHOLDER, (token, n: string, lines: string) => {
        const list = lists[Number(n)];
        return list === undefined ? token : `${list.raw}${lines.slice(newlines(list.raw))}`;
      }),
  };
}

/** Names parsed per entry; a batch whose count comes out different is parsed again one name per entry. */
const BATCH = 8;

/**
 * Each name's creators (one, or none for a name that parses to nothing), or null if the parser failed.
 * Plain ASCII names are read without the parser (`simpleCreator`); the others go to it in batches, one
 * list per entry (an entry costs it as much as a few names): no name can split in two (none holds a
 * separator), so a batch giving as many creators as names gives one each.
 */
function parseEach(written: readonly string[], parseNames: NameParser): Creator[][] | null {
  const letters = texLetters(written, parseNames);
  const out: Array<Creator[] | undefined> = written.map((name) => {
    const simple = simpleCreator(name, letters);
    // A name with nothing in it (`,`) is dropped from the list, as the parser drops it.
    return simple === null ? undefined : Object.keys(simple).length === 0 ? [] : [simple];
  });
  const rest = written.flatMap((name, i) => (out[i] === undefined ? [{ name, i }] : []));
  const batches: Array<typeof rest> = [];
  for (let i = 0; i < rest.length; i += BATCH) batches.push(rest.slice(i, i + BATCH));
  const asEntries = (lists: ReadonlyArray<ReadonlyArray<{ name: string }>>) =>
    lists.map((names, i) => `@misc{zqname${i},\n  author = {${names.map((n) => n.name).join(' and ')}}\n}\n`).join('');
  const first = batches.length === 0 ? { entries: [], failed: false } : parseNames(asEntries(batches));
  if (first.failed || first.entries.length !== batches.length) return null;
  for (const [b, names] of batches.entries()) {
    const creators = first.entries[b]?.creators ?? [];
    if (creators.length === names.length) {
      for (const [k, { i }] of names.entries()) out[i] = creators.slice(k, k + 1);
      continue;
    }
    const alone = parseNames(asEntries(names.map((n) => [n])));
    if (alone.failed || alone.entries.length !== names.length) return null;
    for (const [k, { i }] of names.entries()) out[i] = alone.entries[k]?.creators ?? [];
  }
  return out.map((c) => c ?? []);
}

/**
 * What the parser prints for each distinct braced letter in these names (`{\'e}` → `é`), read as a name
 * of its own (a lone group is a literal name); null where that is not one word without commas.
 */
function texLetters(written: readonly string[], parseNames: NameParser): Map<string, string | null> {
  const groups = [...new Set(written.flatMap((name) => name.match(TEX_LETTER) ?? []))];
  const letters = new Map<string, string | null>();
  if (groups.length === 0) return letters;
  const side = parseNames(groups.map((g, i) => `@misc{zqletter${i},\n  author = {${g}}\n}\n`).join(''));
  if (side.failed || side.entries.length !== groups.length) return letters;
  for (const [i, group] of groups.entries()) {
    const creators = side.entries[i]?.creators ?? [];
    const only =
      creators.length === 1 && Object.keys(creators[0] ?? {}).join() === 'name' ? creators[0]?.name : undefined;
    letters.set(group, only !== undefined && only !== '' && !/[\s,]/.test(only) ? only : null);
  }
  return letters;
}

function newlines(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

/** Each name's index in `written` (added when new), or null to leave the list to the parser. */
function nameIndices(list: string, names: Map<string, number>, written: string[]): number[] | null {
  // Whitespace other than spaces, tabs and newlines could be a separator to the parser and not to this;
  // `\em`-style switches and `\ifdefined` reach past a name to the names after it.
  if (/%|\\[{}]|[<>¡¿]|[^\S \t\n]|\\(em|it|sl|bf|sc|tt|ifdefined|else|fi)(?![A-Za-z])/.test(list)) return null;
  const parts = splitAtDepthZero(list);
  if (parts === null) return null;
  const indices: number[] = [];
  for (const [i, part] of parts.entries()) {
    if (i % 2 === 1) continue;
    const name = part.trim();
    // Empty names, lists starting or ending with `and`, commands at a name's end, three-comma names: the parser's.
    if (
      name === '' ||
      /^and\s|\sand$|^and$/i.test(name) ||
      /\\[^{}]*$/.test(name) ||
      (name.match(/,/g) ?? []).length > 2
    )
      return null;
    let n = names.get(name);
    if (n === undefined) {
      n = written.length;
      names.set(name, n);
      written.push(name);
    }
    indices.push(n);
  }
  return indices;
}

/** Names and separators, alternating, split at ` and ` outside braces; null when braces do not balance. */
function splitAtDepthZero(list: string): string[] | null {
  const pieces = list.split(SEPARATOR);
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const [i, piece] of pieces.entries()) {
    if (i % 2 === 1 && depth > 0) {
      current += piece; // an `and` inside braces is part of a name (`{Barnes and Noble}`)
      continue;
    }
    if (i % 2 === 1) {
      out.push(current, piece);
      current = '';
      continue;
    }
    current += piece;
    for (const ch of piece) {
      if (ch === '{') depth++;
      else if (ch === '}') depth--;
      if (depth < 0) return null;
    }
  }
  if (depth !== 0) return null;
  out.push(current);
  return out;
}
