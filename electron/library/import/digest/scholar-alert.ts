/**
 * A Google Scholar alert email. Each paper is
 *
 *   [PDF] A title, which a plain-text mail may wrap
 *   A Vaswani, N Shazeer, N Parmar… - arXiv preprint arXiv:1706.03762, 2017
 *   A snippet of the text, often cut short with …
 *   Save Twitter LinkedIn Facebook
 *
 * The byline (`authors - venue, year`) anchors each entry: the title is the text just above it and the
 * snippet the text below, up to the next title. Repeated buttons, the alert's header and its footer are
 * furniture.
 */
import { arxivRefIn, doiIn } from './ids.js';
import { joinWrapped, SkippedLines, type Line } from './lines.js';
import { furnitureOf, type Furniture } from './furniture.js';
import { splitAuthors } from './people.js';
import { digestEntry, type DigestContext, type DigestRead, type DigestReader } from './reader.js';
import type { ParsedEntry } from '../entry.js';

const PREFIX = /^\[(PDF|HTML|BOOK|B|CITATION|C|DOC|PS|DOCX|XML)\]\s*/i;
/** A Scholar author: initials then a surname (`AN Gomez`, `J van der Berg`), or a name cut short with `…`. */
const SCHOLAR_NAME = /^(\p{Lu}{1,4}\s)?[\p{L}'’.-]+(\s[\p{L}'’.-]+){0,3}…?$/u;

export const scholarAlertReader: DigestReader = {
  source: 'scholar-alert',
  label: 'Google Scholar alert',
  score(lines) {
    let bylines = 0;
    let marks = 0;
    for (const line of lines) {
      if (parseByline(line.text)) bylines++;
      if (PREFIX.test(line.text) || /google scholar|scholaralerts/i.test(line.text)) marks++;
    }
    return bylines > 0 && marks > 0 ? 8 + bylines + marks : 0;
  },
  read: (lines, context) => readScholar(lines, context),
};

interface Byline {
  readonly authors: string[];
  readonly venue: string;
  readonly year: number | null;
}

/** `A Author, B Author… - Venue, 2024` (the venue and year may be missing: `A Author - 2024`, `A Author - arxiv.org`). */
export function parseByline(text: string): Byline | null {
  const dash = text.indexOf(' - ');
  if (dash <= 0 || text.length > 400) return null;
  const left = text.slice(0, dash).trim();
  const right = text.slice(dash + 3).trim();
  const names = left.split(/\s*,\s*/).filter((n) => n !== '');
  if (names.length === 0 || !names.every((n) => SCHOLAR_NAME.test(n))) return null;
  // One name alone must look like `J Smith` (initials), or the line is likely a title with a dash.
  if (names.length === 1 && !/^\p{Lu}{1,4}\s\S/u.test(names[0] as string)) return null;
  const yearMatch = /(?:^|,\s*|\s)((?:19|20)\d{2})\s*$/.exec(right);
  return { authors: splitAuthors(left), venue: right.replace(/,?\s*(?:19|20)\d{2}\s*$/, '').trim(), year: yearMatch?.[1] ? Number(yearMatch[1]) : null };
}

function readScholar(lines: readonly Line[], context: DigestContext): DigestRead {
  const bylineAt: number[] = [];
  lines.forEach((line, i) => {
    if (parseByline(line.text)) bylineAt.push(i);
  });
  const repeated = furnitureOf(lines, bylineAt.length);
  const entries: ParsedEntry[] = [];
  const skipped = new SkippedLines();
  const used = new Array<boolean>(lines.length).fill(false);
  let previousEnd = 0;
  bylineAt.forEach((b, k) => {
    // The title: the lines just above the byline, in the same paragraph, that are not furniture or a snippet's end.
    let t = b;
    while (t - 1 >= previousEnd && b - (t - 1) <= 3) {
      const above = lines[t - 1] as Line;
      if (above.text === '' || repeated.has(above.text) || /…$/.test(above.text)) break;
      t--;
      if (PREFIX.test(above.text)) break;
    }
    if (t === b) return;
    const titleLines = lines.slice(t, b);
    const title = joinWrapped(titleLines.map((l) => l.text)).replace(PREFIX, '');
    // The snippet: below the byline, up to the next entry's title, leaving out furniture.
    const nextB = bylineAt[k + 1] ?? lines.length;
    const snippet: Line[] = [];
    let end = b + 1;
    for (; end < nextB; end++) {
      const l = lines[end] as Line;
      if (l.text === '') {
        if (snippet.length > 0) break;
        continue;
      }
      if (repeated.has(l.text) || (end + 1 < nextB && nextTitleStarts(lines, end, nextB, repeated))) break;
      snippet.push(l);
    }
    const byline = parseByline((lines[b] as Line).text) as Byline;
    const ref = arxivRefIn(byline.venue) ?? arxivRefIn(title);
    for (let i = t; i <= b; i++) used[i] = true;
    for (const l of snippet) used[l.number - 1] = true;
    previousEnd = Math.max(b + 1, snippet.length > 0 ? (snippet.at(-1) as Line).number : b + 1);
    entries.push(
      digestEntry(context, (lines[t] as Line).number, {
        title,
        authors: byline.authors,
        abstract: joinWrapped(snippet.map((l) => l.text)) || null,
        arxivId: ref?.id ?? null,
        arxivVersion: ref?.version ?? null,
        doi: doiIn(byline.venue),
        venue: byline.venue.replace(/^arXiv preprint arXiv:\S+$/i, 'arXiv') || null,
        year: byline.year,
      }),
    );
  });
  lines.forEach((line, i) => {
    if (!used[i] && !repeated.has(line.text)) skipped.add(line);
  });
  const query = lines.slice(0, 30).map((l) => /^(?:scholar alert:?\s*)?(.*?)\s*[-–]\s*new (?:results|articles|citations)$/i.exec(l.text)?.[1] ?? /new results for\s+(.+)$/i.exec(l.text)?.[1]).find((q) => q);
  return { entries, skipped: skipped.result(), failures: [], detail: query ?? '' };
}

/** Whether the line at `i` begins the next entry's title: it is in the paragraph that ends at the next byline. */
function nextTitleStarts(lines: readonly Line[], i: number, nextByline: number, repeated: Furniture): boolean {
  if (nextByline - i > 3 || PREFIX.test((lines[i] as Line).text)) return PREFIX.test((lines[i] as Line).text) || false;
  for (let j = i; j < nextByline; j++) {
    const l = lines[j] as Line;
    if (l.text === '' || repeated.has(l.text)) return false;
  }
  return !/…$/.test((lines[i] as Line).text);
}
