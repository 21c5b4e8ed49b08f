/**
 * A bioRxiv or medRxiv alert email. Each paper is
 *
 *   A title
 *   First Author, Second Author, and Third Author
 *   bioRxiv posted 22 January 2026 doi:10.1101/2026.01.20.700468
 *   [Abstract] [PDF]
 *
 * with or without blank lines between (mail clients differ). The `posted … doi:` line anchors each entry;
 * the authors are the line above it and the title the lines above those. Collection headings, the
 * greeting and the footer are skipped.
 */
import { doiIn, isoDayIn } from './ids.js';
import { joinWrapped, SkippedLines, type Line } from './lines.js';
import { splitAuthors } from './people.js';
import { digestEntry, type DigestContext, type DigestRead, type DigestReader } from './reader.js';
import type { ParsedEntry } from '../../paper/entry.js';

const POSTED_AT = /^(?:(bioRxiv|medRxiv)\s+)?posted\s/i;

/** `bioRxiv posted 22 January 2026 doi:10.1101/…` → server, date text and DOI; split at ` doi:` rather than by a lazy regex. */
function postedLine(text: string): [string, string | undefined, string, string] | null {
  const start = POSTED_AT.exec(text);
  const doiAt = text.toLowerCase().lastIndexOf(' doi:');
  if (!start || doiAt < start[0].length) return null;
  const doi = text.slice(doiAt + 5).trim();
  if (!/^10\.\S+$/.test(doi)) return null;
  return [
    text,
    start[1],
    text
      .slice(start[0].length, doiAt)
      .replace(/[,;]\s*$/, '')
      .trim(),
    doi,
  ];
}
const LINKS = /^(\[(abstract|full text|pdf)\]\s*)+$/i;
const RULE = /^[-=_*]{3,}$/;

export const biorxivAlertReader: DigestReader = {
  source: 'biorxiv-alert',
  label: 'bioRxiv alert',
  score(lines) {
    let posted = 0;
    for (const line of lines) if (postedLine(line.text)) posted++;
    return posted > 0 ? 10 + posted : 0;
  },
  read: (lines, context) => readAlert(lines, context),
};

function readAlert(lines: readonly Line[], context: DigestContext): DigestRead {
  const entries: ParsedEntry[] = [];
  const used = new Array<boolean>(lines.length).fill(false);
  let server = '';
  let lowerBound = 0;
  for (let i = 0; i < lines.length; i++) {
    const posted = postedLine((lines[i] as Line).text);
    if (!posted) continue;
    server ||= posted[1] ?? '';
    const blocks = blocksAbove(lines, i, lowerBound);
    const near = blocks[0] ?? [];
    // Authors and title in one block (no blank line between), or each in its own.
    const [titleLines, authorLine] = near.length >= 2 ? [near.slice(0, -1), near.at(-1)] : [blocks[1] ?? [], near[0]];
    if (!authorLine || titleLines.length === 0) continue;
    for (const l of [...titleLines, authorLine, lines[i] as Line]) used[l.number - 1] = true;
    let end = i + 1;
    while (end < lines.length && ((lines[end] as Line).text === '' || LINKS.test((lines[end] as Line).text))) {
      used[end] = true;
      end++;
    }
    lowerBound = end;
    entries.push(
      digestEntry(context, (titleLines[0] as Line).number, {
        title: joinWrapped(titleLines.map((l) => l.text)),
        authors: splitAuthors(authorLine.text),
        doi: doiIn(posted[3] ?? ''),
        publishedAt: isoDayIn(posted[2] ?? ''),
        venue: posted[1] ?? null,
      }),
    );
  }
  const skipped = new SkippedLines();
  lines.forEach((line, i) => {
    if (!used[i] && !RULE.test(line.text)) skipped.add(line);
  });
  const collections = lines.findIndex((l) => /requested alerts for the following/i.test(l.text));
  const detail = collections >= 0 ? (lines.slice(collections + 1).find((l) => l.text !== '')?.text ?? '') : '';
  return { entries, skipped: skipped.result(), failures: [], detail: detail || server };
}

/** Up to two blank-separated blocks of text above line `i`, nearest first, not reaching `lowerBound` or a rule. */
function blocksAbove(lines: readonly Line[], i: number, lowerBound: number): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (let j = i - 1; j >= lowerBound && blocks.length < 2; j--) {
    const line = lines[j] as Line;
    if (RULE.test(line.text) || LINKS.test(line.text)) break;
    if (line.text === '') {
      if (current.length > 0) blocks.push(current.reverse());
      current = [];
      continue;
    }
    current.push(line);
    if (current.length > 4) break;
  }
  if (current.length > 0 && blocks.length < 2) blocks.push(current.reverse());
  return blocks;
}
