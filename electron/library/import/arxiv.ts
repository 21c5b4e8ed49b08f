import { XMLParser } from 'fast-xml-parser';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { LibraryError } from '../storage/errors.js';
import { ARXIV_ID, arxivPlaceholderTitle, matchedArxivId, normalizeArxivId, normalizeDoi } from '../paper/identity.js';
import { blankEntry, type ParseResult, type ParsedEntry } from '../paper/entry.js';
import { cleanUrl, lineLocator, text, yearOf } from './fields.js';
import { normalizeInputText } from '../../../shared/text/input.js';

/** One arXiv id or abs/pdf URL per line, old-style ids (`hep-th/9901001`) included. */
/** A line that is one arXiv id or link (`2406.11944v2`, `arXiv:hep-th/9901001`, `https://arxiv.org/pdf/….pdf`). */
export const ID_LINE = new RegExp(
  String.raw`^(?:arxiv:\s*|https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)?${ARXIV_ID}(?:\.pdf)?/?$`,
  'i',
);

/** Import arXiv: an Atom feed from the arXiv API, or a plain list of ids and links. */
export function parseArxiv(input: string, fileName: string | null): ParseResult {
  return /^\s*(<\?xml|<feed)/i.test(input.replace(/^\uFEFF/, ''))
    ? parseAtom(input, fileName)
    : parseIdList(input, fileName);
}

function parseIdList(input: string, fileName: string | null): ParseResult {
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  normalizeInputText(input)
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const match = ID_LINE.exec(line);
      const id = match?.[1] ? matchedArxivId(match[1]) : null;
      if (!id) {
        failures.push({ line: index + 1, message: `not an arXiv id or link: "${line.slice(0, 60)}"` });
        return;
      }
      // Title and abstract come later (from the arXiv API when online); until then the id stands in.
      entries.push({
        ...blankEntry({ format: 'arxiv', fileName, digestDate: null }, index + 1),
        title: arxivPlaceholderTitle(id),
        arxivId: id,
        url: `https://arxiv.org/abs/${id}`,
      });
    });
  return { entries, failures };
}

interface AtomEntry {
  id?: unknown;
  title?: unknown;
  summary?: unknown;
  published?: unknown;
  author?: unknown;
  link?: unknown;
  category?: unknown;
  'arxiv:doi'?: unknown;
  'arxiv:journal_ref'?: unknown;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
const textOf = (value: unknown): string | null =>
  text(typeof value === 'object' && value !== null && '#text' in value ? value['#text'] : value);

function parseAtom(input: string, fileName: string | null): ParseResult {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    processEntities: true,
    htmlEntities: false,
    parseTagValue: false,
    trimValues: true,
  });
  let doc: unknown;
  try {
    doc = parser.parse(input, true);
  } catch (error) {
    throw new LibraryError(
      'invalid-request',
      `${fileName ?? 'input'}: not a readable Atom feed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const feed = (doc as { feed?: { entry?: AtomEntry | AtomEntry[] } } | null)?.feed;
  if (!feed)
    throw new LibraryError(
      'invalid-request',
      `${fileName ?? 'input'}: XML without a <feed>; expected an arXiv API Atom feed`,
    );
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  // The parser gives no positions: the nth <entry> element starts at the nth `<entry` of the text.
  const lineOf = lineLocator(input);
  const entryLines = [...input.matchAll(/<entry[\s>]/g)].map((m) => lineOf(m.index));
  asArray(feed.entry).forEach((entry, index) => {
    const line = entryLines[index] ?? null;
    const title = textOf(entry.title);
    const arxivId = normalizeArxivId(textOf(entry.id));
    if (!title || !arxivId) {
      failures.push({ line, message: `feed entry ${index + 1}: ${title ? 'no arXiv id' : 'no title'}; skipped` });
      return;
    }
    const published = textOf(entry.published);
    entries.push({
      ...blankEntry({ format: 'arxiv', fileName, digestDate: null }, line),
      title,
      authors: asArray(entry.author as Array<{ name?: unknown }> | { name?: unknown } | undefined)
        .map((a) => textOf(a.name) ?? '')
        .filter((n) => n !== ''),
      abstract: textOf(entry.summary),
      year: yearOf(published),
      publishedAt: published?.slice(0, 10) ?? null,
      arxivId,
      doi: normalizeDoi(textOf(entry['arxiv:doi'])),
      url: cleanUrl(`https://arxiv.org/abs/${arxivId}`).url,
      venue: textOf(entry['arxiv:journal_ref']),
      tags: asArray(entry.category as Array<Record<string, unknown>> | Record<string, unknown> | undefined)
        .map((c) => c['@term'])
        .filter((t): t is string => typeof t === 'string' && /^[\w.-]{1,40}$/.test(t))
        .map((t) => `arxiv/${t}`),
    });
  });
  return { entries, failures };
}
