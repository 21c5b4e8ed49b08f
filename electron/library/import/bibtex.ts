import { parse, type Creator, type Entry, type Library } from '@retorquere/bibtex-parser';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { normalizeArxivId, normalizeDoi } from '../paper/identity.js';
import { LibraryError } from '../storage/errors.js';
import { blankEntry, type ParseResult, type ParsedEntry } from '../paper/entry.js';
import { BIBTEX_KEY } from '../paper/citation-key.js';
import { mendExport, renamedKey } from './bibtex-exports.js';
import { protectTex } from './bibtex-tex.js';
import { fastPath } from './bibtex-fast-path.js';
import { carryFields } from './bibtex-carried-fields.js';
import { inFileOrder } from './file-parts.js';
import { LineStartPattern } from './line-starts.js';
import type { NameParser } from './bibtex-names.js';
import { withoutMarkup } from '../../../shared/text/without-markup.js';
import { cleanUrl, isoDate, lineAt, lineLocator, splitKeywords, text, yearOf } from './fields.js';

/** Entry types that are not papers, skipped without complaint. */
const NOT_PAPERS = new Set(['comment', 'preamble', 'string', 'set', 'xdata']);

/**
 * Read BibTeX and BibLaTeX as Zotero, Better BibTeX, JabRef and Google Scholar write them, with
 * @retorquere/bibtex-parser (the parser Better BibTeX uses): macros, `#` concatenation, LaTeX to Unicode,
 * protected capitals unwrapped. A malformed entry is reported with its line; the rest still import.
 */
export function parseBibtex(
  original: string,
  fileName: string | null,
  options: { readonly fastPath?: boolean } = {},
): ParseResult {
  refuseExplodingMacros(original, fileName);
  const failures: ImportFailure[] = [];
  // Math set aside and prose dollars escaped first; the text keeps its lines, so lines are counted on it.
  // A file with old Mac line endings (CR alone, as JabRef's UTF-16 test file has) would be one long
  // line to the parser, and its first `%` comment would swallow everything.
  const mended = mendExport(original.replace(/\r\n?/g, '\n'));
  const tex = protectTex(mended.text);
  const sized = withoutOversizedEntries(tex.text, failures, lineLocator(tex.text));
  // Prose, names and raw values set aside (the parser's time goes there); off only in the fast path's test.
  const fast = fastPath(sized, parseNames, options.fastPath !== false);
  const { input, library } = parseCarrying(fast.text, options.fastPath !== false);
  const lineOf = lineLocator(input);
  let searchFrom = 0;
  for (const error of library.errors) {
    const at = error.input ? input.indexOf(error.input.slice(0, 60), 0) : -1;
    const key = /@\w+\s*[{(]\s*([^,\s]*)/.exec(error.input ?? '')?.[1];
    if (!error.input?.trim()) continue; // a blanked-out oversized entry, already reported
    failures.push({
      line: at >= 0 ? lineOf(at) : null,
      message: fast.restoreRaw(
        `${key ? `entry "${key}": ` : ''}${error.error.replace(/ at line \d+, column \d+/, '')}`,
      ),
    });
  }
  const asText = (value: string) => tex.restore(fast.prose(withoutMarkup(value)));
  const entries: ParsedEntry[] = [];
  for (const entry of library.entries) {
    if (NOT_PAPERS.has(entry.type.toLowerCase()) || entry.input.trim() === '') continue;
    const at = input.indexOf(entry.input.slice(0, 80), searchFrom);
    if (at >= 0) searchFrom = at + 1;
    const line = at >= 0 ? lineOf(at) : null;
    const converted = toEntry(fast.entry(entry), fileName, line, failures, { asText, names: fast.names });
    const asWritten = renamedKey(entry.key, mended.renamedKeys);
    if (converted && asWritten !== null)
      failures.push({
        line,
        message: `entry "${asWritten}": a citation key cannot have characters like ${JSON.stringify(asWritten.replace(/[A-Za-z0-9_:.\-/+]/g, '').slice(0, 10))}; imported under a new key`,
      });
    if (converted) entries.push(asWritten === null ? converted : { ...converted, citationKey: null });
  }
  return { entries, failures: inFileOrder(failures) };
}

const PARSER_OPTIONS = {
  sentenceCase: false,
  caseProtection: false,
  unsupported: 'ignore',
  english: false,
  applyCrossRef: true,
} as const;

/**
 * The parse, with fields that hold one placeholder carried around the parser (bibtex-carried-fields), or
 * the text as it is when that could differ. Both texts have the same lines; `input` is the one parsed.
 */
function parseCarrying(text: string, carry: boolean): { input: string; library: Library } {
  const parseText = (bibtex: string) => parse(bibtex, PARSER_OPTIONS);
  if (carry) {
    const carried = carryFields(text, parseText);
    const library = carried.putBack(parseText(carried.text));
    if (library !== null) return { input: carried.text, library };
  }
  return { input: text, library: parseText(text) };
}

const parseNames: NameParser = (bibtex) => {
  const library = parse(bibtex, PARSER_OPTIONS);
  return {
    entries: library.entries.map((e) => ({ key: e.key, creators: e.fields.author ?? [] })),
    failed: library.errors.length > 0,
  };
};

/** Longest text a chain of `@string` macros may expand to. */
const MAX_MACRO_CHARS = 1_000_000;

/**
 * `@string{a = a # a}` repeated doubles `a` each time: 25 lines expand to 30 million characters and
 * hang any parser (the BibTeX "billion laughs"). Before parsing, add up how long each macro would get.
 */
function refuseExplodingMacros(input: string, fileName: string | null): void {
  const lengths = new Map<string, number>();
  // The value runs to the closing brace (one level of nested braces allowed), so macros on one line split.
  // The name is bounded, so text like `@string{@string{…` fails at once instead of being rescanned (quadratic).
  for (const match of input.matchAll(
    /@string\s*[{(]\s*([A-Za-z][\w:.+-]{0,100})\s*=\s*((?:[^{}()\n]|\{[^{}\n]*\}|"[^"\n]*")*)/gi,
  )) {
    const [, name = '', value = ''] = match;
    let length = 0;
    for (const part of value.split('#')) {
      const token = part.trim();
      length += /^["{]/.test(token) ? token.length : (lengths.get(token.toLowerCase()) ?? token.length);
    }
    lengths.set(name.toLowerCase(), length);
    if (length > MAX_MACRO_CHARS) {
      throw new LibraryError(
        'invalid-request',
        `${fileName ?? 'input'}, line ${lineAt(input, match.index)}: @string macro "${name}" expands to more than ${MAX_MACRO_CHARS.toLocaleString('en')} characters; nothing was imported`,
      );
    }
  }
}

/**
 * The parser's LaTeX processing grows faster than linearly with a field's length (a 500 KB abstract takes
 * ~25 s and then overflows the stack), so entries over 64 KB are reported and blanked out before parsing.
 * Newlines stay, so every other entry keeps its line number.
 */
export const MAX_ENTRY_CHARS = 64 * 1024;
const ENTRY_START = new LineStartPattern('[ \\t]*@');

function withoutOversizedEntries(input: string, failures: ImportFailure[], lineOf: (index: number) => number): string {
  if (input.length <= MAX_ENTRY_CHARS) return input;
  const starts = [...ENTRY_START.matchAll(input)].map((m) => m.index);
  let out = '';
  let last = 0;
  starts.push(input.length);
  for (let i = 0; i < starts.length - 1; i++) {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? input.length;
    if (end - start <= MAX_ENTRY_CHARS) continue;
    const key = /@\w+\s*[{(]\s*([^,\s]*)/.exec(input.slice(start, start + 200))?.[1];
    failures.push({
      line: lineOf(start),
      message: `entry${key ? ` "${key}"` : ''} is ${Math.round((end - start) / 1024)} KB, more than the ${MAX_ENTRY_CHARS / 1024} KB an entry may be; skipped`,
    });
    out += input.slice(last, start) + input.slice(start, end).replace(/[^\n]/g, ' ');
    last = end;
  }
  return out + input.slice(last);
}

/**
 * TeX's old OT1 fonts print `<` and `>` as ¡ and ¿, and the parser follows them. In a paper's text a
 * `<` means "less than": turn them back, unless the entry really contains ¡ or ¿.
 */
function angleFixer(raw: string, asText: (value: string) => string): (value: string | null) => string | null {
  const lt = raw.includes('<') && !raw.includes('¡');
  const gt = raw.includes('>') && !raw.includes('¿');
  return (value) =>
    value === null
      ? null
      : asText(value)
          .replace(/¡/g, (c) => (lt ? '<' : c))
          .replace(/¿/g, (c) => (gt ? '>' : c));
}

/** How a parsed value becomes the library's: `asText` (no HTML, math and prose put back), `names` (names put back). */
interface Restore {
  readonly asText: (value: string) => string;
  readonly names: (creators: readonly Creator[] | undefined) => readonly Creator[] | undefined;
}

function toEntry(
  entry: Entry,
  fileName: string | null,
  line: number | null,
  failures: ImportFailure[],
  restore: Restore,
): ParsedEntry | null {
  const angles = angleFixer(entry.input, restore.asText);
  const f = entry.fields;
  // biblatex's subtitle belongs to the title, joined as biblatex prints it (`Title: Subtitle`).
  const subtitle = angles(text(f.subtitle));
  const main = angles(text(f.title));
  const title = main && subtitle ? `${main}${/[.:?!]$/.test(main) ? '' : ':'} ${subtitle}` : main;
  if (!title) {
    failures.push({ line, message: `entry "${entry.key}" has no title; skipped` });
    return null;
  }
  const { url, dropped } = cleanUrl(f.url);
  if (dropped)
    failures.push({ line, message: `entry "${entry.key}": dropped a link that is not a web address (${dropped})` });
  const year = yearOf(f.year) ?? yearOf(f.date);
  const month = Number(f.month) || null;
  const isArxiv = /arxiv/i.test(`${f.archiveprefix ?? ''} ${f.eprinttype ?? ''}`);
  const arxivId =
    (isArxiv ? normalizeArxivId(f.eprint) : null) ??
    normalizeArxivId(/arxiv/i.test(`${f.journal ?? ''} ${f.url ?? ''}`) ? `${f.journal ?? ''} ${f.url ?? ''}` : null) ??
    normalizeArxivId(/10\.48550\/arxiv\./i.test(f.doi ?? '') ? f.doi?.replace(/^.*arxiv\./i, '') : null);
  return {
    ...blankEntry({ format: 'bibtex', fileName, digestDate: null }, line),
    title,
    authors: (restore.names(f.author) ?? []).map((c) => angles(creatorName(c)) ?? '').filter((n) => n !== ''),
    editors: (restore.names(f.editor) ?? []).map((c) => angles(creatorName(c)) ?? '').filter((n) => n !== ''),
    abstract: angles(text(f.abstract)),
    year,
    publishedAt: f.date && /^\d{4}(-\d{2}){0,2}$/.test(f.date.trim()) ? f.date.trim() : isoDate(year, month),
    arxivId,
    // Margin writes a DOI's braces and backslashes percent-encoded (they would end a verbatim field); read them back.
    doi: normalizeDoi(f.doi?.replace(/%7b/gi, '{').replace(/%7d/gi, '}').replace(/%5c/gi, '\\').replace(/%24/g, '$')),
    url,
    venue: angles(text(f.journal ?? f.journaltitle ?? f.booktitle ?? f.eventtitle)),
    tags: splitKeywords(f.keywords).map((k) => angles(k.replace(/^\{(.*)\}$/, '$1')) ?? k),
    citationKey: BIBTEX_KEY.test(entry.key) ? entry.key : null,
  };
}

/** `First Last` (or the literal name of an organisation). */
export function creatorName(creator: Creator): string {
  if (creator.name) return creator.name.trim();
  return [creator.firstName, creator.prefix, creator.lastName, creator.suffix]
    .filter((p) => p && p.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
