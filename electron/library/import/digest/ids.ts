/** arXiv ids, DOIs and dates as digests print them. */
import { MONTHS } from './page-date.js';

import { ARXIV_ID, matchedArxivId, normalizeDoi, type ArxivId, type Doi } from '../../paper/identity.js';

export { ARXIV_ID };

export interface ArxivRef {
  readonly id: ArxivId;
  readonly version: number | null;
}

const ARXIV_IN_TEXT = new RegExp(String.raw`(?:arxiv[:\s]\s*|arxiv\.org/(?:abs|pdf)/)${ARXIV_ID}`, 'i');

/** The first arXiv id written `arXiv:ID` or as an arxiv.org link in the text, or null. */
export function arxivRefIn(text: string): ArxivRef | null {
  const match = ARXIV_IN_TEXT.exec(text);
  return match?.[1] ? arxivRef(match[1], match[2]) : null;
}

/** An id the ARXIV_ID pattern matched (group 1), and its version (group 2). */
export function arxivRef(id: string, version: string | undefined): ArxivRef {
  return { id: matchedArxivId(id), version: version ? Number(version) : null };
}

/** The year a modern arXiv id was first submitted (`2411.…` → 2024; old style `…/99…` → 1999). */
export function yearOfArxivId(id: string): number | null {
  const modern = /^(\d{2})\d{2}\./.exec(id);
  if (modern?.[1]) return 2000 + Number(modern[1]);
  const old = /\/(\d{2})\d{5}$/.exec(id);
  if (old?.[1]) return (Number(old[1]) >= 91 ? 1900 : 2000) + Number(old[1]);
  return null;
}

/** The first DOI in the text, without trailing punctuation, or null. */
export function doiIn(text: string): Doi | null {
  return normalizeDoi(text);
}

/** `Fri, 25 Oct 2024 08:31:28 GMT`, `25 Oct 2024`, `October 25, 2024`, `2024-10-25` → `2024-10-25`; null otherwise. */
export function isoDayIn(text: string): string | null {
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dayMonth = /\b(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})\b/.exec(text);
  const monthDay = dayMonth ? null : /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  const [day, month, year] = dayMonth
    ? [dayMonth[1], dayMonth[2], dayMonth[3]]
    : monthDay
      ? [monthDay[2], monthDay[1], monthDay[3]]
      : [];
  if (!day || !month || !year) return null;
  const m = MONTHS.indexOf(month.toLowerCase());
  if (m < 0) return null;
  return `${year}-${String(m + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
}
