import type { ImportFormat } from '../../../shared/models/paper.js';
import { assertNever } from '../../../shared/assert-never.js';
import { LibraryError } from '../storage/errors.js';
import { parseArxiv } from './arxiv.js';
import { detectFormat } from './detect-format.js';
import { parseBibtex } from './bibtex.js';
import { parseCslJson } from './csl-json.js';
import { parseDigest } from './digest/read-digest.js';
import { notAPaperList } from './digest/paper-shaped.js';
import { readHtml, withLinkedIds } from './digest/html.js';
import { withoutMarkup } from '../../../shared/text/without-markup.js';
import { parseHfJson } from './hf-json.js';
import { parseRis } from './ris.js';
import type { ParseResult, ParsedEntry } from '../paper/entry.js';
import { MAX_IMPORT_BYTES } from '../../../shared/limits.js';

/** Largest import accepted in one go; bigger inputs are almost certainly not a paper list. */

export { detectFormat };

export interface ParseOptions {
  readonly fileName: string | null;
  readonly today: Date;
  /** The same paste as HTML, when the clipboard or a dropped file had it: its links give papers their ids. */
  readonly html?: string | null;
  /** The number of the text's first item when it is a part of a CSL-JSON file (json-split.ts). */
  readonly firstItem?: number;
}

/** Parse an import in the given format (`auto` detects it). */
export function parseImport(
  plainText: string,
  format: ImportFormat | 'auto',
  options: ParseOptions,
): ParseResult & { format: ImportFormat } {
  // The HTML is read when it is all there is, or when the text is a digest whose titles its links can name.
  const needsHtml =
    !!options.html &&
    (plainText.trim() === '' || (format === 'auto' ? detectFormat(plainText, options.fileName) : format) === 'digest');
  const html = needsHtml && options.html ? readHtml(options.html) : null;
  const text = plainText.trim() === '' && html ? html.text : plainText;
  if (text.length > MAX_IMPORT_BYTES) {
    throw new LibraryError(
      'invalid-request',
      `${options.fileName ?? 'input'}: ${Math.round(text.length / 1048576)} MB is more than the ${MAX_IMPORT_BYTES / 1048576} MB an import may be`,
    );
  }
  const where = options.fileName ?? 'input';
  if (text.trim() === '') throw new LibraryError('invalid-request', `${where} is empty: nothing to import`);
  const controls = (text.slice(0, 65536).match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g) ?? []).length;
  if (controls > Math.min(text.length, 65536) * 0.02)
    throw new LibraryError(
      'invalid-request',
      `${where} does not look like text (it has binary bytes); nothing was imported`,
    );
  const chosen = format === 'auto' ? detectFormat(text, options.fileName) : format;
  try {
    const result = parseAs(chosen, text, options);
    // Only the structural fallback can mistake prose for papers; named sources and formats have their own checks.
    const refused = result.digest?.source === 'page' ? notAPaperList(result.entries) : null;
    if (refused) throw new LibraryError('invalid-request', `${where}: ${refused}; nothing was imported`);
    const entries = result.entries.map(composedUnicode);
    return { ...result, entries: html && chosen === 'digest' ? withLinkedIds(entries, html.links) : entries };
  } catch (error) {
    if (error instanceof LibraryError) throw error;
    // A parser that gives up on hostile input (too deep, too odd) is a bad file, not a crash.
    throw new LibraryError(
      'invalid-request',
      `${where} could not be read as ${chosen}: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`,
    );
  }
}

function parseAs(chosen: ImportFormat, text: string, options: ParseOptions): ParseResult & { format: ImportFormat } {
  switch (chosen) {
    case 'digest':
      return { ...parseDigest(text, options), format: chosen };
    case 'bibtex':
      return { ...parseBibtex(text, options.fileName), format: chosen };
    case 'ris':
      return { ...parseRis(text, options.fileName), format: chosen };
    case 'csl-json':
      return { ...parseCslJson(text, options.fileName, options.firstItem), format: chosen };
    case 'arxiv':
      return { ...parseArxiv(text, options.fileName), format: chosen };
    case 'hf-json':
      return { ...parseHfJson(text, options.fileName), format: chosen };
    default:
      return assertNever(chosen);
  }
}

/** Every text field as text (no HTML) in composed form (NFC): `ö` is one character whatever the parser produced, so matching and search agree. */
function composedUnicode(entry: ParsedEntry): ParsedEntry {
  return {
    ...entry,
    // Every format may carry rich text (Zotero and IEEE keep `<i>` and `<sub>` in titles); the library keeps text.
    title: composed(withoutMarkup(entry.title)),
    authors: entry.authors.map(composed),
    editors: entry.editors.map(composed),
    abstract: entry.abstract === null ? null : composed(withoutMarkup(entry.abstract)),
    venue: entry.venue === null ? null : composed(withoutMarkup(entry.venue)),
    tags: entry.tags.map(composed),
  };
}

/** NFC, after turning LaTeX's accented dotless i and j (`{\'\i}`) back into plain letters so they compose (í). */
function composed(text: string): string {
  return text
    .replace(/ı(?=\p{M})/gu, 'i')
    .replace(/ȷ(?=\p{M})/gu, 'j')
    .normalize('NFC');
}
