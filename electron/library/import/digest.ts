import type { ImportFailure } from '../../../shared/models/import-report.js';
import { blankEntry, type ParseResult, type ParsedEntry } from './entry.js';
import { normalizeInputText, paragraphs, type Paragraph } from './text.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** `Apr 28`, `April 28, 2024`, `Mon, Apr 28`, `28 April 2024`. */
const MONTH_DAY = new RegExp(`^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?$`, 'i');
const DAY_MONTH = new RegExp(`^(\\d{1,2})\\s+${MONTH}\\.?(?:,?\\s+(\\d{4}))?$`, 'i');
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Page furniture seen on digest pages (Hugging Face daily papers, newsletters, arXiv listings). */
const BOILERPLATE = [
  /^new$/i,
  /^subscribe\b/i,
  /^unsubscribe\b/i,
  /^get trending papers\b/i,
  /^by\s*\S.*\b(community|team|editors?)\b/i,
  /^(daily|trending|top)\s+papers\b/i,
  /^(home|models|datasets|spaces|posts|docs|pricing|search|menu|papers|collections|enterprise|community)$/i,
  /^(log ?in|sign ?in|sign ?up|log ?out)$/i,
  /^(previous|next|load more|show more|view all|see all|read more|back to top)\b/i,
  /^(submitted|published|posted) (by|on)\b/i,
  /^upvotes?\b/i,
  /^\d+\s*(upvotes?|comments?|likes?)?$/i,
  /^(©|\(c\)|copyright)\s/i,
  /^https?:\/\/\S+$/i,
  /^\S+@\S+\.\S+$/,
  /^(today|yesterday|this week|this month)$/i,
];

export interface DigestOptions {
  readonly fileName: string | null;
  /** Today, to give a year to page dates like `Apr 28` (the latest such day not after today). */
  readonly today: Date;
}

/**
 * Read a pasted or saved digest page: boilerplate anywhere, then title paragraphs each followed by
 * their abstract paragraph. A title with no abstract is kept; page furniture never becomes a paper.
 */
export function parseDigest(input: string, options: DigestOptions): ParseResult {
  const entries: ParsedEntry[] = [];
  const failures: ImportFailure[] = [];
  let digestDate: string | null = null;
  let pendingTitle: Paragraph | null = null;

  const emit = (title: Paragraph, abstract: string | null): void => {
    const source = { format: 'digest' as const, fileName: options.fileName, digestDate };
    entries.push({ ...blankEntry(source, title.line), title: title.text, abstract });
  };

  for (const paragraph of paragraphs(normalizeInputText(input))) {
    const date = parsePageDate(paragraph.text, options.today);
    if (date !== null) {
      if (pendingTitle) emit(pendingTitle, null);
      pendingTitle = null;
      digestDate = date;
      continue;
    }
    if (isBoilerplate(paragraph.text)) {
      if (pendingTitle) emit(pendingTitle, null);
      pendingTitle = null;
      continue;
    }
    if (isAbstractLike(paragraph.text) || (pendingTitle !== null && endsLikeASentence(paragraph.text))) {
      if (pendingTitle) emit(pendingTitle, paragraph.text);
      else failures.push({ line: paragraph.line, message: 'a paragraph of text with no title before it; skipped' });
      pendingTitle = null;
      continue;
    }
    if (pendingTitle) emit(pendingTitle, null);
    pendingTitle = isTitleLike(paragraph.text) ? paragraph : null;
  }
  if (pendingTitle) emit(pendingTitle, null);
  return { entries, failures };
}

function isBoilerplate(text: string): boolean {
  return BOILERPLATE.some((pattern) => pattern.test(text));
}

/** Abstracts are long or read as sentences; titles are short and do not end with a full stop. */
function isAbstractLike(text: string): boolean {
  if (text.length > 320) return true;
  return endsLikeASentence(text) && text.split(/\s+/).length >= 6;
}

function endsLikeASentence(text: string): boolean {
  return /[.!。]["'”)\]]?$/.test(text);
}

function isTitleLike(text: string): boolean {
  const words = text.split(/\s+/).length;
  const startsLikeATitle = /^[\p{Lu}\p{N}"'“‘(\[$\\]/u.test(text);
  return text.length <= 320 && words >= 2 && (startsLikeATitle || words >= 3);
}

/** A paragraph that is only a date, as ISO yyyy-mm-dd; null otherwise. */
export function parsePageDate(text: string, today: Date): string | null {
  const iso = ISO_DATE.exec(text);
  if (iso) return text;
  const md = MONTH_DAY.exec(text);
  const dm = md ? null : DAY_MONTH.exec(text);
  const monthName = md?.[1] ?? dm?.[2];
  const day = Number(md?.[2] ?? dm?.[1]);
  const yearText = md?.[3] ?? dm?.[3];
  if (monthName === undefined || !(day >= 1 && day <= 31)) return null;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  let year = yearText ? Number(yearText) : today.getUTCFullYear();
  if (!yearText && Date.UTC(year, month, day) > today.getTime()) year -= 1;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
