import { normalizeArxivId, normalizeDoi, surnameKey, titleKey } from './identity.js';

/** What matching needs to know about a paper. */
export interface Identity {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly arxivId: string | null;
  readonly doi: string | null;
}

/** Finds the paper an incoming entry is the same as: arXiv id, then DOI, then title with first-author surname. */
export class MatchIndex {
  private readonly byArxiv = new Map<string, string>();
  private readonly byDoi = new Map<string, string>();
  private readonly byTitle = new Map<string, Array<{ id: string; surname: string | null }>>();

  constructor(papers: Iterable<Identity> = []) {
    for (const paper of papers) this.add(paper);
  }

  add(paper: Identity): void {
    const arxiv = normalizeArxivId(paper.arxivId);
    if (arxiv && !this.byArxiv.has(arxiv)) this.byArxiv.set(arxiv, paper.id);
    const doi = normalizeDoi(paper.doi);
    if (doi && !this.byDoi.has(doi)) this.byDoi.set(doi, paper.id);
    const key = titleKey(paper.title);
    if (key === '') return;
    const list = this.byTitle.get(key) ?? [];
    if (!list.some((e) => e.id === paper.id)) list.push({ id: paper.id, surname: surnameKey(paper.authors[0]) });
    this.byTitle.set(key, list);
  }

  find(entry: Omit<Identity, 'id'>): string | undefined {
    const arxiv = normalizeArxivId(entry.arxivId);
    if (arxiv && this.byArxiv.has(arxiv)) return this.byArxiv.get(arxiv);
    const doi = normalizeDoi(entry.doi);
    if (doi && this.byDoi.has(doi)) return this.byDoi.get(doi);
    const candidates = this.byTitle.get(titleKey(entry.title));
    if (!candidates) return undefined;
    const surname = surnameKey(entry.authors[0]);
    // Same title and, when both sides name authors, the same first author.
    return candidates.find((c) => surname === null || c.surname === null || c.surname === surname)?.id;
  }
}
