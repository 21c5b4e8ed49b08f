/**
 * An arXiv listing page (`/list/<cat>/new`, `/recent`, `/pastweek`) as copied from a browser, in reader
 * mode or from a text browser. Each paper is
 *
 *   [12] arXiv:2411.01234 (cross-list from cs.CV) [pdf, html, other]
 *   Title: A title                           (the label is hidden by the site's CSS, so often absent)
 *   Authors: A, B, C                         (likewise)
 *   Comments: 12 pages
 *   Journal-ref: …
 *   Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI)
 *
 *   The abstract (on /new only), one paragraph.
 *
 * Section headings ("New submissions (showing …)", "Cross-lists", "Replacements", day headings on
 * /recent), "Total of N entries" and the footer become no paper.
 */
import { arxivRef, ARXIV_ID, doiIn } from './ids.js';
import { joinWrapped, SkippedLines, type Line } from './lines.js';
import { splitAuthors } from './people.js';
import { digestEntry, mostCommon, type DigestContext, type DigestRead, type DigestReader } from './reader.js';
import type { ListingKind, ParsedEntry } from '../../paper/entry.js';

/** `[12] arXiv:2411.01234 (replaced) [pdf, other]`; the `[12]` may stand on a line of its own. */
const HEADER = new RegExp(String.raw`^(?:\[\d+\]\s*)?arXiv:${ARXIV_ID}\b(.*)$`, 'i');
const NUMBER_ONLY = /^\[\d+\]$/;
const LABELED =
  /^(Title|Authors|Comments|Journal-ref|Subjects|Report-number|Report-no|MSC-class|ACM-class|DOI):\s*(.*)$/i;
/** Section headings of listing pages; they set what kind of entries follow. */
const SECTION =
  /^(new submissions|cross[- ]?(lists?|submissions)|replacements?|replacement submissions|total of \d+ entries|showing (first |up to )?\d+|(mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+\d{1,2}\s+[a-z]{3,9}\s+\d{4})\b/i;

export const arxivListingReader: DigestReader = {
  source: 'arxiv-listing',
  label: 'arXiv listing',
  score(lines) {
    let headers = 0;
    let subjects = 0;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]?.text ?? '';
      if (isHeaderAt(lines, i)) headers++;
      else if (/^Subjects:\s/.test(text) && categoriesIn(text).length > 0) subjects++;
    }
    return headers > 0 && subjects > 0 ? 10 + headers + subjects : 0;
  },
  read(lines, context) {
    return readListing(lines, context);
  },
};

function isHeaderAt(lines: readonly Line[], i: number): boolean {
  const text = lines[i]?.text ?? '';
  if (NUMBER_ONLY.test(text)) return HEADER.test(lines[nextNonEmpty(lines, i + 1)]?.text ?? '');
  return (
    HEADER.test(text) &&
    (/^\[\d+\]/.test(text) ||
      /\[(pdf|ps|html|other)/i.test(text) ||
      NUMBER_ONLY.test(previousNonEmpty(lines, i - 1)?.text ?? ''))
  );
}

/** Index of the next non-empty line within three, or -1. */
/** `Machine Learning (cs.LG); Artificial Intelligence (cs.AI)` → `['cs.LG', 'cs.AI']`. */
function categoriesIn(subjects: string): string[] {
  return [...subjects.matchAll(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

function nextNonEmpty(lines: readonly Line[], from: number): number {
  for (let i = from; i < lines.length && i < from + 3; i++) if (lines[i]?.text !== '') return i;
  return -1;
}

function previousNonEmpty(lines: readonly Line[], from: number): Line | undefined {
  for (let i = from; i >= 0 && i > from - 3; i--) if (lines[i]?.text !== '') return lines[i];
  return undefined;
}

function kindOfSection(text: string, current: ListingKind): ListingKind {
  if (/^new submissions/i.test(text)) return 'new';
  if (/^cross/i.test(text)) return 'cross-list';
  if (/^replacement/i.test(text)) return 'replaced';
  return current;
}

function readListing(lines: readonly Line[], context: DigestContext): DigestRead {
  const entries: ParsedEntry[] = [];
  const skipped = new SkippedLines();
  const categories = new Map<string, number>();
  let section: ListingKind = 'new';
  let sawNewSection = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    if (!isHeaderAt(lines, i)) {
      if (SECTION.test(line.text)) {
        section = kindOfSection(line.text, section);
        if (/^new submissions/i.test(line.text)) sawNewSection = true;
      } else skipped.add(line);
      i++;
      continue;
    }
    const start = line;
    if (NUMBER_ONLY.test(line.text)) i = nextNonEmpty(lines, i + 1);
    const header = HEADER.exec((lines[i] as Line).text);
    i++;
    if (!header?.[1]) continue;
    const ref = arxivRef(header[1], header[2]);
    const rest = header[3] ?? '';
    const kind: ListingKind = /\(replaced\)/i.test(rest)
      ? 'replaced'
      : /cross-list/i.test(rest)
        ? 'cross-list'
        : section;
    const entry = readEntryBody(lines, i);
    i = entry.next;
    for (const l of entry.leftOver) skipped.add(l);
    const cats = categoriesIn(entry.subjects);
    const primary = cats[0];
    if (primary && kind === 'new') categories.set(primary, (categories.get(primary) ?? 0) + 1);
    if (entry.title === '') {
      skipped.add(start);
      continue;
    }
    entries.push(
      digestEntry(context, start.number, {
        title: entry.title,
        authors: splitAuthors(entry.authors),
        abstract: entry.abstract,
        arxivId: ref.id,
        arxivVersion: ref.version,
        doi: doiIn(entry.doi),
        venue: entry.journal || null,
        categories: cats,
        kind,
      }),
    );
  }
  const category = mostCommon(categories);
  return {
    entries,
    skipped: skipped.result(),
    failures: [],
    detail: category && sawNewSection ? `${category} new` : category,
  };
}

interface ListingBody {
  title: string;
  authors: string;
  subjects: string;
  journal: string;
  doi: string;
  abstract: string | null;
  leftOver: Line[];
  next: number;
}

/** Read one entry's lines after its header, up to the next header or section heading. */
function readEntryBody(lines: readonly Line[], from: number): ListingBody {
  const body: ListingBody = {
    title: '',
    authors: '',
    subjects: '',
    journal: '',
    doi: '',
    abstract: null,
    leftOver: [],
    next: from,
  };
  const unlabeled: string[] = [];
  const fields = new Map<string, string[]>();
  let current: string[] | null = null;
  let afterSubjects = false;
  // Kept as the lines come, so a long wrapped subjects field is never rescanned.
  let subjectsDepth = 0;
  const abstract: Line[] = [];
  let abstractDone = false;
  let i = from;
  for (; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (isHeaderAt(lines, i) || SECTION.test(line.text)) break;
    if (afterSubjects) {
      if (line.text === '') {
        if (abstract.length > 0) abstractDone = true;
        continue;
      }
      if (abstractDone) body.leftOver.push(line);
      else abstract.push(line);
      continue;
    }
    const labeled = LABELED.exec(line.text);
    if (labeled?.[1] && labeled[2] !== undefined) {
      current = [labeled[2]];
      fields.set(labeled[1].toLowerCase(), current);
      if (labeled[1].toLowerCase() === 'subjects') {
        subjectsDepth = parenthesisDepth(labeled[2], 0);
        afterSubjects = !subjectsOpen(labeled[2], subjectsDepth);
      }
      continue;
    }
    if (line.text === '') {
      current = null;
      continue;
    }
    if (current && fields.get('subjects') === current) {
      current.push(line.text);
      subjectsDepth = parenthesisDepth(line.text, subjectsDepth);
      afterSubjects = !subjectsOpen(line.text, subjectsDepth);
    } else if (current && (fields.has('title') || fields.has('authors') || /^\s/.test(line.raw))) {
      current.push(line.text);
    } else {
      unlabeled.push(line.text);
    }
  }
  body.next = i;
  const field = (name: string): string => joinWrapped(fields.get(name) ?? []);
  if (fields.has('title')) {
    body.title = field('title');
    body.authors = field('authors') || unlabeled.join(', ');
  } else {
    // Labels hidden: the title is every line up to the authors, which are the last line before the labeled fields.
    body.title = joinWrapped(fields.has('authors') ? unlabeled : unlabeled.slice(0, Math.max(1, unlabeled.length - 1)));
    body.authors = field('authors') || (unlabeled.length > 1 ? (unlabeled.at(-1) ?? '') : '');
  }
  body.subjects = field('subjects');
  body.journal = field('journal-ref');
  body.doi = field('doi');
  // The paragraph after the fields is the abstract when it reads as prose; after the last entry it may be the footer.
  const paragraph = joinWrapped(abstract.map((l) => l.text));
  const words = paragraph === '' ? 0 : paragraph.split(' ').length;
  const prose =
    words >= 20 ||
    (words >= 3 && !paragraph.includes(' | ') && (/[.!?)]["'”]?$/.test(paragraph) || /\.\s+\p{Lu}/u.test(paragraph)));
  if (prose) body.abstract = paragraph;
  else body.leftOver.unshift(...abstract);
  return body;
}

function parenthesisDepth(text: string, depth: number): number {
  let d = depth;
  for (const ch of text) d += ch === '(' ? 1 : ch === ')' ? -1 : 0;
  return d;
}

/** A subjects field still wrapping: a parenthesis left open, or its last line ends with `;`. */
function subjectsOpen(lastLine: string, depth: number): boolean {
  return depth > 0 || lastLine.trimEnd().endsWith(';');
}
