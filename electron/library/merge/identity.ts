/** Keys that say two records are the same paper, in matching order: arXiv id, DOI, title (+ first author). */

/** `arXiv:2406.11944v2`, `https://arxiv.org/abs/2406.11944v2`, `hep-th/9901001v1` → versionless id, or null. */
export function normalizeArxivId(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.trim().replace(/^arxiv:\s*/i, '');
  const modern = /(\d{4}\.\d{4,5})(v\d+)?/.exec(text);
  if (modern?.[1]) return modern[1];
  const old = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/i.exec(text);
  return old?.[1] ? old[1].toLowerCase() : null;
}

/** DOIs compare case-insensitively and arrive as URLs or with a `doi:` prefix. */
export function normalizeDoi(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // `10.1000/xyz`, or a short DOI (`10/f8tz8t`, as Better BibTeX may write them).
  const match = /10\.\d{4,9}\/\S+|\b10\/[a-z0-9]+\b/i.exec(raw.trim());
  return match ? match[0].replace(/[.,;]+$/, '').toLowerCase() : null;
}

/** Title with case, accents, braces, punctuation and spacing ignored. */
export function titleKey(title: string): string {
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
export function entryKey(entry: { title: string; arxivId: string | null; doi: string | null }): string {
  return `entry:${normalizeArxivId(entry.arxivId) ?? ''}|${normalizeDoi(entry.doi) ?? ''}|${titleKey(entry.title)}`;
}
