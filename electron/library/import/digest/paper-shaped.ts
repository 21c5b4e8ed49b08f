import type { ParsedEntry } from '../../paper/entry.js';

/** Whether an entry reads like a paper: something names it (an id, a link, authors, a year, a venue) or its title reads like one. */
function paperShaped(entry: ParsedEntry): boolean {
  if (entry.arxivId || entry.doi || entry.url || entry.authors.length > 0 || entry.year !== null || entry.venue)
    return true;
  return readsLikeATitle(entry.title);
}

/** Titles capitalise their words ("Attention Is All You Need") or at least the first and have a few words. */
export function readsLikeATitle(title: string): boolean {
  const words = title.split(/\s+/).filter((w) => /\p{L}{4,}/u.test(w));
  if (words.length < 2) return false;
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  return capitalised / words.length >= 0.5;
}

/**
 * Why a page read by its structure alone holds no papers, or null when it does: a paste of notes or random
 * text must be refused with a reason, not imported as "papers" made of its sentences.
 */
export function notAPaperList(entries: readonly ParsedEntry[]): string | null {
  if (entries.length === 0 || entries.some(paperShaped)) return null;
  return (
    'this does not look like a list of papers: no entry has authors, a year, an arXiv id, a DOI or a link, ' +
    'and none reads like a title. Paste a digest (arXiv, Scholar, bioRxiv, Hugging Face), BibTeX, RIS, CSL-JSON or arXiv ids'
  );
}
