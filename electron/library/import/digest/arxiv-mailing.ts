/**
 * arXiv's daily mailing-list email. Each paper is
 *
 *   \\
 *   arXiv:2411.00008                      (or `arXiv:2410.1234 (*cross-listing*)`)
 *   Date: Fri, 25 Oct 2024 08:31:28 GMT   (1145kb)      (or `replaced with revised version … (500kb,v3)`)
 *
 *   Title: A title that may wrap
 *     onto indented continuation lines
 *   Authors: A, B and C
 *   Categories: cs.LG cs.AI
 *   Comments: 15 pages
 *   \\
 *     The abstract, hard-wrapped …
 *   \\ ( https://arxiv.org/abs/2411.00008 ,  1145kb)
 *
 * Replacements have no abstract. Mail headers, section banners and the footer become no paper.
 */
import { arxivRef, ARXIV_ID, doiIn, isoDayIn } from './ids.js';
import { joinWrapped, SkippedLines, type Line } from './lines.js';
import { splitAuthors } from './people.js';
import { digestEntry, mostCommon, type DigestContext, type DigestRead, type DigestReader } from './reader.js';
import type { ListingKind, ParsedEntry } from '../../paper/entry.js';

const ID_LINE = new RegExp(String.raw`^arXiv:${ARXIV_ID}(\s+\(\*cross-listing\*\))?\s*$`, 'i');
/** An entry's id line starts at the margin; an indented `arXiv:…` continues a field (a comment naming another paper). */
const idLine = (line: Line | undefined): RegExpExecArray | null =>
  line && !/^\s/.test(line.raw) ? ID_LINE.exec(line.text) : null;
const END_LINE = /^\\\\\s*\(\s*(\S+)\s*,/;
const FIELD = /^([A-Z][A-Za-z-]*):\s?(.*)$/;
const SEPARATOR = /^(\\\\|-{10,}|%{3}[-%]*|={10,})$/;
/** Mail furniture that is expected, so not worth listing as skipped text. */
const BANNER = /^(-{10,}|%{3}[-%]*|={10,})$/;

export const arxivMailingReader: DigestReader = {
  source: 'arxiv-mailing',
  label: 'arXiv mailing',
  score(lines) {
    let ids = 0;
    let ends = 0;
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]?.text ?? '';
      if (END_LINE.test(text) && /arxiv\.org\/abs\//i.test(text)) ends++;
      if (idLine(lines[i]) && lines[i - 1]?.text === '\\\\') ids++;
    }
    return ids > 0 && ends > 0 ? 10 + ids + ends : 0;
  },
  read(lines, context) {
    return readMailing(lines, context);
  },
};

function readMailing(lines: readonly Line[], context: DigestContext): DigestRead {
  const entries: ParsedEntry[] = [];
  const skipped = new SkippedLines();
  const categories = new Map<string, number>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const id = idLine(line);
    if (!id?.[1]) {
      if (!SEPARATOR.test(line.text) && !BANNER.test(line.text)) skipped.add(line);
      i++;
      continue;
    }
    const start = line;
    const ref = arxivRef(id[1], id[2]);
    let kind: ListingKind = id[3] ? 'cross-list' : 'new';
    let version = ref.version;
    const fields = new Map<string, string[]>();
    let current: string[] | null = null;
    let dateText = '';
    i++;
    // Header fields, until the `\\` before the abstract or the `\\ ( url , size)` that ends a replacement.
    for (; i < lines.length; i++) {
      const l = lines[i] as Line;
      if (l.text === '\\\\' || END_LINE.test(l.text) || idLine(l)) break;
      const replaced = /^replaced with revised version\s+(.*)$/i.exec(l.text);
      if (replaced?.[1]) {
        kind = 'replaced';
        dateText = replaced[1];
        const v = /\bv(\d+)\)\s*$/.exec(l.text);
        if (v?.[1]) version = Number(v[1]);
        current = null;
        continue;
      }
      const field = /^\s/.test(l.raw) ? null : FIELD.exec(l.text);
      if (field?.[1] !== undefined && field[2] !== undefined) {
        current = [field[2]];
        fields.set(field[1].toLowerCase(), current);
      } else if (l.text !== '' && current) {
        current.push(l.text);
      } else if (l.text === '') {
        current = null;
      }
    }
    let abstract: string | null = null;
    if (lines[i]?.text === '\\\\') {
      const parts: string[] = [];
      for (i++; i < lines.length; i++) {
        const l = lines[i] as Line;
        if (END_LINE.test(l.text) || idLine(l)) break;
        parts.push(l.text);
      }
      abstract = joinWrapped(parts, { wordsBreak: false }) || null;
    }
    if (END_LINE.test(lines[i]?.text ?? '')) i++;
    const field = (name: string): string => joinWrapped(fields.get(name) ?? [], { wordsBreak: false });
    const cats = field('categories')
      .split(/\s+/)
      .filter((c) => c !== '');
    if (kind === 'new' && cats[0]) categories.set(cats[0], (categories.get(cats[0]) ?? 0) + 1);
    if (!dateText) dateText = field('date');
    const title = field('title');
    if (title === '') {
      skipped.add(start);
      continue;
    }
    entries.push(
      digestEntry(context, start.number, {
        title,
        authors: splitAuthors(field('authors')),
        abstract,
        arxivId: ref.id,
        arxivVersion: version,
        doi: doiIn(field('doi')),
        venue: field('journal-ref') || null,
        publishedAt: kind === 'new' ? isoDayIn(dateText) : null,
        categories: cats,
        kind,
      }),
    );
  }
  return { entries, skipped: skipped.result(), failures: [], detail: mostCommon(categories) };
}
