/** Keys that say two records are the same paper, in matching order: arXiv id, DOI, title (+ first author). */

declare const brand: unique symbol;
/** A versionless arXiv id as `normalizeArxivId` writes it; parsers give entries no other kind. */
export type ArxivId = string & { readonly [brand]: 'ArxivId' };
/** A DOI as `normalizeDoi` writes it (lower case, no prefix, no trailing punctuation). */
export type Doi = string & { readonly [brand]: 'Doi' };

const MODERN_ARXIV_ID = String.raw`\d{4}\.\d{4,5}`;
const OLD_ARXIV_ID = String.raw`[a-z-]+(?:\.[A-Za-z]{2})?/\d{7}`;
/** The one arXiv id pattern: modern (`2411.01234`) or old style (`hep-th/9901001`), the id in group 1, the version number in group 2. */
export const ARXIV_ID = String.raw`(${MODERN_ARXIV_ID}|${OLD_ARXIV_ID})(?:v(\d+))?`;
const MODERN = new RegExp(String.raw`(${MODERN_ARXIV_ID})(?:v\d+)?`);
const OLD = new RegExp(String.raw`(${OLD_ARXIV_ID})(?:v\d+)?`, 'i');

/** The id in group 1 of an ARXIV_ID match, written as `normalizeArxivId` writes it (old style lower-cased). */
export function matchedArxivId(group: string): ArxivId {
  return (group.includes('/') ? group.toLowerCase() : group) as ArxivId; // ARXIV_ID matched it
}

/** `arXiv:2406.11944v2`, `https://arxiv.org/abs/2406.11944v2`, `hep-th/9901001v1` → versionless id, or null. */
export function normalizeArxivId(raw: string | null | undefined): ArxivId | null {
  if (!raw) return null;
  const text = raw.trim().replace(/^arxiv:\s*/i, '');
  const found = MODERN.exec(text)?.[1] ?? OLD.exec(text)?.[1];
  return found ? matchedArxivId(found) : null;
}

/** `10.1000/xyz`, or a short DOI (`10/f8tz8t`, as Better BibTeX may write them). */
const DOI = /10\.\d{4,9}\/[^\s"]+|\b10\/[a-z0-9]+\b/i;

/**
 * DOIs compare case-insensitively and arrive as URLs, with a `doi:` prefix, or in prose: the first DOI in
 * the text, without the punctuation that ends a sentence or closes a bracket around it.
 */
export function normalizeDoi(raw: string | null | undefined): Doi | null {
  if (!raw) return null;
  const found = DOI.exec(raw.trim())?.[0];
  if (!found) return null;
  let doi: string = found;
  for (;;) {
    const trimmed: string = doi.replace(/[.,;]+$/, '');
    // A closing bracket is the DOI's own only when it closes one opened inside the DOI (SICI DOIs hold `(…)`
    // and `<…>`; prose and markup put DOIs inside brackets).
    const closes: boolean = /[)\]>]$/.test(trimmed) && count(trimmed, /[)\]>]/g) > count(trimmed, /[([<]/g);
    const next: string = closes ? trimmed.slice(0, -1) : trimmed;
    if (next === doi) break;
    doi = next;
  }
  // Nothing left after the prefix (`10.1234/` before a closing bracket) is no DOI.
  if (doi.endsWith('/')) return null;
  return doi.toLowerCase() as Doi; // the one place a DOI is branded
}

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

const ASCII = /^[\x00-\x7f]*$/;

/** Title with case, accents, braces, punctuation and spacing ignored. */
export function titleKey(title: string): string {
  // ASCII (most titles): decomposing and dropping marks change nothing, and letters and digits are [a-z0-9] once
  // lowercased; the same key at a fraction of the cost (an import computes thousands).
  if (ASCII.test(title))
    return title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Surname of an author written `First Last` or `Last, First`, compared like titles. */
export function surnameKey(author: string | undefined): string | null {
  if (!author) return null;
  const trimmed = author.trim();
  const surname = trimmed.includes(',') ? trimmed.split(',')[0] : trimmed.split(/\s+/).at(-1);
  const key = titleKey(surname ?? '');
  return key === '' ? null : key;
}

/** An imported entry's identity, for remembering "not the same paper" across imports. */
export function entryKey(entry: { title: string; arxivId: ArxivId | null; doi: Doi | null }): string {
  return `entry:${entry.arxivId ?? ''}|${entry.doi ?? ''}|${titleKey(entry.title)}`;
}

/** The title a paper imported from a bare arXiv id carries until its metadata arrives. */
export function arxivPlaceholderTitle(arxivId: string): string {
  return `arXiv:${arxivId}`;
}
