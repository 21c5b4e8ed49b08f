/** Field clean-up shared by the structured parsers (BibTeX, RIS, CSL-JSON, arXiv, Hugging Face). */

/** 1-based line of a character offset. */
export function lineAt(text: string, index: number): number {
  return lineLocator(text)(index);
}

/**
 * The 1-based line of any offset in `text`, after one pass over it: a parser that asks for many lines
 * must not count newlines from the start each time (that made a 4,000-entry import quadratic).
 */
export function lineLocator(text: string): (index: number) => number {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (index) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/**
 * A URL worth keeping: http(s) only. Anything else (`javascript:`, `data:`, `file:`) is dropped and the
 * caller warns about it; imported links are data, never a way to run or read something.
 */
export function cleanUrl(raw: string | null | undefined): { url: string | null; dropped: string | null } {
  if (!raw) return { url: null, dropped: null };
  const trimmed = raw.trim();
  if (trimmed === '') return { url: null, dropped: null };
  try {
    const url = new URL(trimmed);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '' && !/[\s<>"]/.test(trimmed))
      return { url: url.toString(), dropped: null };
  } catch {
    // not a URL at all
  }
  return { url: null, dropped: trimmed.slice(0, 80) };
}

/** A year between 1000 and 2999 found in a date-ish string. */
export function yearOf(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined) return null;
  const match = /\b([12]\d{3})\b/.exec(String(raw));
  return match ? Number(match[1]) : null;
}

/** An ISO date (yyyy, yyyy-mm or yyyy-mm-dd) from parts, or null. */
export function isoDate(year: number | null, month?: number | null, day?: number | null): string | null {
  if (year === null) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (!month || month < 1 || month > 12) return String(year);
  if (!day || day < 1 || day > 31) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Collapse whitespace; null for empty. */
export function text(raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const value = String(raw).replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
}

/** Split `a, b; c` keyword lists into tags. */
export function splitKeywords(raw: string | readonly string[] | null | undefined): string[] {
  if (!raw) return [];
  const parts = typeof raw === 'string' ? raw.split(/[,;]/) : raw.flatMap((k) => k.split(/[,;]/));
  return parts.map((k) => k.replace(/\s+/g, ' ').trim()).filter((k) => k !== '' && k.length <= 200);
}
