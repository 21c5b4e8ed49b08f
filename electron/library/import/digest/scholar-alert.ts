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
import { joinWrapped, paragraphsOf, SkippedLines, type Line } from './lines.js';
import { digestEntry, type DigestContext, type DigestRead, type DigestReader } from './reader.js';
import type { ParsedEntry } from '../../paper/entry.js';

const PREFIX = /^\[(PDF|HTML|BOOK|B|CITATION|C|DOC|PS|DOCX|XML)\]\s*/i;
const CITES = /^[•·*]?\s*(Cites|Cited by)\s*:/u;
/** One name of a Scholar byline: `AN Gomez`, `J van der Berg`, `M. & Brutten`, or one cut short with `…`. */
const SCHOLAR_NAME = /^\p{L}[\p{L}\p{M}'’.&-]*(\s[\p{L}\p{M}'’.&-]+){0,4}…?$/u;

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

/** `A Author, B Author… - Venue, 2024` (the venue or year may be missing: `A Author - 2024`, `A Author - arxiv.org`). */
export function parseByline(text: string): Byline | null {
  const dash = text.indexOf(' - ');
  if (dash <= 0 || text.length > 400) return null;
  const left = text.slice(0, dash).trim();
  const right = text.slice(dash + 3).trim();
  const names = splitNames(left);
  if (names.length === 0 || !names.every((n) => SCHOLAR_NAME.test(n))) return null;
  // One name alone must look like `J Smith` (initials first), or the line is likely a title with a dash.
  if (names.length === 1 && !/^\p{Lu}{1,4}\s\S/u.test(names[0] as string)) return null;
  const yearMatch = /(?:^|,\s*|\s)((?:19|20)\d{2})\s*$/.exec(right);
  return {
    authors: names.map((n) => n.replace(/\s*…$/u, '')).filter((n) => n !== ''),
    venue: right.replace(/,?\s*(?:19|20)\d{2}\s*$/, '').trim(),
    year: yearMatch?.[1] ? Number(yearMatch[1]) : null,
  };
}

/** Scholar separates names with commas only (`M. & Brutten` is one name as shown). */
function splitNames(text: string): string[] {
  return text
    .split(/\s*,\s*/)
    .map((n) => n.trim())
    .filter((n) => n !== '' && n !== '…');
}

/**
 * Entries are paragraphs: the title (a `[PDF]`-style tag first, perhaps), the byline, the snippet. A
 * paragraph is an entry when it has a byline, or starts with a tag (a byline Scholar left out, such as
 * an organisation's name alone). Anything else (the alert's header and footer) is skipped.
 */
function readScholar(lines: readonly Line[], context: DigestContext): DigestRead {
  const entries: ParsedEntry[] = [];
  const skipped = new SkippedLines();
  for (const paragraph of paragraphsOf(lines)) {
    const bylineAt = paragraph.slice(0, 5).findIndex((l, i) => i > 0 && parseByline(l.text) !== null);
    const tagged = PREFIX.test((paragraph[0] as Line).text);
    if (bylineAt < 0 && !(tagged && paragraph.length >= 2)) {
      skipped.addAll(paragraph);
      continue;
    }
    // Without a byline, the line after the title names the authors (or the publisher) alone.
    const titleEnd = bylineAt > 0 ? bylineAt : 1;
    // Two alerts pasted together: the first one's footer may sit right above the next title. A title
    // starts at its tag, or after the last line that ends a sentence.
    let titleStart = 0;
    for (let t = 0; t < titleEnd - 1; t++)
      if (/[.!?]$/.test((paragraph[t] as Line).text) || PREFIX.test((paragraph[t + 1] as Line).text))
        titleStart = t + 1;
    if (titleStart > 0) skipped.addAll(paragraph.slice(0, titleStart));
    const byline =
      bylineAt > 0
        ? (parseByline((paragraph[bylineAt] as Line).text) as Byline)
        : { authors: splitNames((paragraph[1] as Line).text), venue: '', year: null };
    const title = joinWrapped(paragraph.slice(titleStart, titleEnd).map((l) => l.text)).replace(PREFIX, '');
    // Citation alerts add a `• Cites: …` line under the snippet: what it cites, not what it says.
    const body = paragraph.slice(titleEnd + 1);
    const cites = body.findIndex((l) => CITES.test(l.text));
    const snippet = joinWrapped((cites < 0 ? body : body.slice(0, cites)).map((l) => l.text));
    if (cites >= 0) skipped.addAll(body.slice(cites));
    const ref = arxivRefIn(byline.venue) ?? arxivRefIn(title);
    entries.push(
      digestEntry(context, (paragraph[titleStart] as Line).number, {
        title,
        authors: byline.authors,
        abstract: snippet || null,
        arxivId: ref?.id ?? null,
        arxivVersion: ref?.version ?? null,
        doi: doiIn(byline.venue),
        venue: byline.venue.replace(/^arXiv preprint arXiv:\S+$/i, 'arXiv') || null,
        year: byline.year,
      }),
    );
  }
  // `Attention - new results`: checked by its ending first, then cut, so no lazy pattern scans a long line.
  const query = lines
    .slice(0, 30)
    .map((l) => {
      const ending = /\s[-–]\s+new (?:results|articles|citations|related research)$/i.exec(l.text);
      return ending
        ? l.text
            .slice(0, ending.index)
            .replace(/^scholar alert:?\s*/i, '')
            .trim()
        : undefined;
    })
    .find((q) => q);
  const following = lines
    .map((l) => {
      const at = l.text.search(/because you(?:'|’)re following /i);
      return at >= 0
        ? l.text
            .slice(at)
            .replace(/^because you(?:'|’)re following /i, '')
            .replace(/\.$/, '')
        : undefined;
    })
    .find((q) => q);
  return { entries, skipped: skipped.result(), failures: [], detail: query ?? following ?? '' };
}
