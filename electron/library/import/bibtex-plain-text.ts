import { fieldValues } from './bibtex-field-values.js';

/**
 * The BibTeX parser runs a LaTeX grammar over every character of every field (~2 µs a character here:
 * 10,000 Zotero entries took ~55 s, 70% of it in abstracts), though most of an abstract is plain prose the
 * grammar gives back unchanged. Before parsing, this sets plain prose aside as short placeholders (put
 * back into the parsed values, like protectTex's math), and empties fields Margin never reads. Output is
 * unchanged: `bibtex-plain-text.test.ts` compares it with the parser on every BibTeX fixture.
 *
 * Prose is set aside only where the grammar cannot touch it:
 * - in the fields whose values go through `restore` (title, subtitle, abstract), at brace depth 0 of a
 *   `{…}` value, and not in a value holding `\{`, `\}`, `\\` or a `%` comment;
 * - in words of letters, digits and punctuation the parser keeps as written (not `--`, `''`, `` ` ``, `~`,
 *   `<`, `>`: ligatures and TeX's OT1 quirks), `\%`-style escapes and braces of prose (`{{GPU}}`), separated
 *   from the rest by whitespace;
 * - never in the two words after a word with a backslash (a command's arguments, or the space it swallows).
 */

/** Placeholders the parser passes through untouched: capitals and digits. */
const PLACEHOLDER = /ZQTEXT(\d+)QZ(\n*)/g;
const PLAIN_WORD = /^[A-Za-z0-9.,;:()!?/+=*@|[\]'-]+$/;
/** The next word, and the whitespace before it. */
const WORD = /(\s*)(\S+)/y;
/** Whitespace other than single spaces, which printing collapses. */
const SPACED = /[^\S ]|  /;
/** A whole word of PLAIN_WORD's characters, without `--` or `''`. */
const PLAIN_WORD_IN_TEXT = String.raw`(?!\S*(?:--|''))[A-Za-z0-9.,;:()!?/+=*@|[\]'-]+(?!\S)`;
/** Whitespace, then plain words up to the last one's end. */
const PLAIN_RUN = new RegExp(String.raw`(\s*)(${PLAIN_WORD_IN_TEXT}(?:\s+${PLAIN_WORD_IN_TEXT})*)`, 'y');
/** Fields whose parsed values Margin reads only through `restore`. */
const PROSE_FIELDS = new Set(['abstract', 'title', 'subtitle']);
/**
 * Fields the parser reads for Margin (`toEntry`'s, `crossref` and the language fields the parser itself
 * looks at); any other field is emptied when its value has no TeX command, no `<`/`>` and no `"`, so
 * emptying it can change no error, no `\newcommand`, no angle-bracket fix and no quoted value's end.
 */
const READ_FIELDS = new Set([
  'title',
  'subtitle',
  'author',
  'editor',
  'abstract',
  'year',
  'date',
  'month',
  'archiveprefix',
  'eprinttype',
  'eprint',
  'journal',
  'journaltitle',
  'booktitle',
  'eventtitle',
  'url',
  'doi',
  'keywords',
  'crossref',
  'langid',
  'hyphenation',
  'language',
]);

export interface PlainTextSetAside {
  /** The input with prose set aside and unread fields emptied; every line kept. */
  readonly text: string;
  /** Put the prose back into a parsed value (as the parser would have given it: whitespace collapsed). */
  restore(value: string): string;
  /** Put the prose back as written (for messages quoting the input). */
  restoreRaw(value: string): string;
}

/** A run of prose set aside: as written, and as the parser gives it. */
interface Run {
  readonly raw: string;
  readonly text: string;
}

export function setAsidePlainText(input: string): PlainTextSetAside {
  const runs: Run[] = [];
  // Text that already holds a placeholder's spelling is left alone rather than misread.
  if (input.includes('ZQTEXT')) return { text: input, restore: (v) => v, restoreRaw: (v) => v };
  const out: string[] = [];
  let last = 0;
  for (const field of fieldValues(input)) {
    out.push(input.slice(last, field.start));
    const value = input.slice(field.start, field.end);
    out.push(PROSE_FIELDS.has(field.name) ? withProseSetAside(value, runs) : emptiedIfUnread(field.name, value));
    last = field.end;
  }
  out.push(input.slice(last));
  const put = (value: string, as: (run: Run, newlines: string) => string): string =>
    runs.length === 0
      ? value
      : value.replace(PLACEHOLDER, (token, n: string, newlines: string) => {
          const run = runs[Number(n)];
          return run === undefined ? token : as(run, newlines);
        });
  return {
    text: out.join(''),
    restore: (value) => put(value, (run, newlines) => `${run.text}${newlines}`),
    restoreRaw: (value) => put(value, (run, newlines) => `${run.raw}${newlines.slice(lineBreaks(run.raw))}`),
  };
}

function lineBreaks(text: string): number {
  return (text.match(/\n/g) ?? []).length;
}

/** An unread field's value, blanked (newlines kept) when that cannot change what the parser reports. */
function emptiedIfUnread(name: string, value: string): string {
  if (READ_FIELDS.has(name) || /^keywords/.test(name) || /[\\<>¡¿"]/.test(value)) return value;
  return value.replace(/[^\n]/g, '');
}

/** Escaped characters the parser prints as the character, taking no argument and keeping the space after. */
const ESCAPE = /\\([%&#_$])/g;

/** A word as the parser prints it, when it is prose it cannot touch; null otherwise. */
function proseWord(word: string): string | null {
  let depth = 0;
  for (const ch of word) {
    if (ch === '{') depth++;
    else if (ch === '}' && --depth < 0) return null;
  }
  if (depth !== 0) return null;
  // A group of prose (`{{GPU}}`) prints as its prose; braces next to a command are its argument (guarded).
  const bare = word.replace(ESCAPE, '').replace(/[{}]/g, '');
  if (bare !== '' && !PLAIN_WORD.test(bare)) return null;
  const text = word.replace(ESCAPE, '$1').replace(/[{}]/g, '');
  return text === '' || /--|''/.test(text) ? null : text;
}

/** `\url{…}` with a link of characters the parser prints as written, and punctuation after it. */
const PLAIN_LINK = /^\\url\{([A-Za-z0-9:/._?=&+-]+)\}([.,;:)]*)$/;

/**
 * A word that is a plain link (`\url{https://github.com/x/y}.`, common at the end of an abstract) with the
 * link set aside: the parser prints `\url{…}`'s argument as written, and the grammar costs ~1 µs a character.
 */
function withLinkSetAside(word: string, runs: Run[]): string {
  const link = word.startsWith('\\url{') ? PLAIN_LINK.exec(word) : null;
  const [, url = '', after = ''] = link ?? [];
  if (link === null || url.includes('--')) return word;
  runs.push({ raw: url, text: url });
  return `\\url{ZQTEXT${runs.length - 1}QZ}${after}`;
}

/** `{…}` whose first brace closes at its end. */
function isOneGroup(value: string): boolean {
  if (!value.startsWith('{') || !value.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < value.length - 1; i++) {
    if (value[i] === '{') depth++;
    else if (value[i] === '}' && --depth === 0) return false;
  }
  return depth === 1;
}

/** The value with each run of prose words at brace depth 0 replaced by a placeholder. */
function withProseSetAside(value: string, runs: Run[]): string {
  // An escaped brace or backslash, or a `%` comment: the value is left to the parser.
  if (/\\[{}\\]|(^|[^\\])%/.test(value)) return value;
  // A value that is one group (Margin's own `title = {{…}}`) prints as its content does: the prose inside it.
  if (isOneGroup(value)) return `{${withProseSetAside(value.slice(1, -1), runs)}}`;
  const out: string[] = [];
  let depth = 0;
  let guarded = 0;
  /** The run being gathered: its words and the whitespace between them, as written and as printed. */
  let raw: string[] = [];
  let text: string[] = [];
  let pendingSpace = '';
  const flush = (): void => {
    if (raw.length > 0) {
      const written = raw.join('');
      runs.push({ raw: written, text: text.join(' ') });
      out.push(`ZQTEXT${runs.length - 1}QZ${'\n'.repeat(lineBreaks(written))}`);
    }
    raw = [];
    text = [];
  };
  let at = 0;
  for (;;) {
    // Most of an abstract is runs of plain words at depth 0: taken a run at a time, as word by word below.
    if (depth === 0 && guarded === 0) {
      PLAIN_RUN.lastIndex = at;
      const run = PLAIN_RUN.exec(value);
      if (run !== null) {
        const [, space = '', words = ''] = run;
        if (raw.length > 0) raw.push(pendingSpace, space);
        else out.push(pendingSpace, space);
        raw.push(words);
        text.push(SPACED.test(words) ? words.replace(/\s+/g, ' ') : words);
        pendingSpace = '';
        at = run.index + run[0].length;
      }
    }
    WORD.lastIndex = at;
    const word = WORD.exec(value);
    if (word === null) break;
    at = WORD.lastIndex;
    const [, space = '', written = ''] = word;
    const part = depth === 0 && guarded === 0 ? withLinkSetAside(written, runs) : written;
    pendingSpace += space;
    // Most words are plain: no braces, no backslash (checked first, as it is most of the cost).
    const simple = PLAIN_WORD.test(part) && !/--|''/.test(part);
    const atDepthZero = depth === 0;
    if (!simple)
      for (const ch of part) {
        if (ch === '{') depth++;
        else if (ch === '}') depth--;
      }
    const printed = !atDepthZero || depth !== 0 || guarded > 0 ? null : simple ? part : proseWord(part);
    if (guarded > 0) guarded--;
    // A command's arguments (up to two) and the space it swallows follow it: the next two words stay.
    if (!simple && part.replace(ESCAPE, '').includes('\\')) guarded = 2;
    if (printed !== null) {
      if (raw.length > 0) raw.push(pendingSpace);
      else out.push(pendingSpace);
      raw.push(part);
      text.push(printed);
    } else {
      flush();
      out.push(pendingSpace, part);
    }
    pendingSpace = '';
  }
  pendingSpace += value.slice(at); // only whitespace is left
  flush();
  out.push(pendingSpace);
  return out.join('');
}
