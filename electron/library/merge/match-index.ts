import { surnameKey, titleKey, type ArxivId, type Doi } from '../paper/identity.js';
import { turns } from '../storage/turns.js';

/**
 * What matching needs to know about a paper. Its ids are normalized already: a record's were when it was
 * made from an entry, and an entry's by its parser.
 */
export interface Identity {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly year: number | null;
}

interface TitleCandidate {
  readonly id: string;
  readonly surname: string | null;
  readonly arxivId: string | null;
  readonly doi: string | null;
  readonly year: number | null;
}

/** Years further apart than this are different papers (a preprint and its journal version are often a year apart). */
const YEAR_SLACK = 1;

/**
 * Finds the paper an incoming entry is the same as: arXiv id, then DOI, then title with first-author
 * surname. A title match is no match when the two name different DOIs or arXiv ids, or years clearly
 * apart: editorials, errata, book chapters and new editions share titles and authors but are other papers
 * (they come in as papers of their own, and Possible duplicates lets the user merge them).
 */
export class MatchIndex {
  private readonly byArxiv = new Map<string, string>();
  private readonly byDoi = new Map<string, string>();
  private readonly byTitle = new Map<string, TitleCandidate[]>();

  constructor(papers: Iterable<Identity> = []) {
    for (const paper of papers) this.add(paper);
  }

  /** The index of these papers, made in turns of the event loop (~300 ms at 100,000 papers at once). */
  static async inTurns(papers: readonly Identity[]): Promise<MatchIndex> {
    const index = new MatchIndex();
    const work = turns();
    for (const paper of papers) {
      index.add(paper);
      if (work.due()) await work.turn();
    }
    return index;
  }

  add(paper: Identity): void {
    const { arxivId: arxiv, doi } = paper;
    if (arxiv && !this.byArxiv.has(arxiv)) this.byArxiv.set(arxiv, paper.id);
    if (doi && !this.byDoi.has(doi)) this.byDoi.set(doi, paper.id);
    const key = titleKey(paper.title);
    if (key === '') return;
    const list = this.byTitle.get(key) ?? [];
    const candidate = { id: paper.id, surname: surnameKey(paper.authors[0]), arxivId: arxiv, doi, year: paper.year };
    const at = list.findIndex((e) => e.id === paper.id);
    if (at >= 0) list[at] = candidate;
    else list.push(candidate);
    this.byTitle.set(key, list);
  }

  find(
    entry: Omit<Identity, 'id' | 'arxivId' | 'doi'> & { arxivId: ArxivId | null; doi: Doi | null },
  ): string | undefined {
    const { arxivId: arxiv, doi } = entry;
    if (arxiv && this.byArxiv.has(arxiv)) return this.byArxiv.get(arxiv);
    if (doi && this.byDoi.has(doi)) return this.byDoi.get(doi);
    const candidates = this.byTitle.get(titleKey(entry.title));
    if (!candidates) return undefined;
    const surname = surnameKey(entry.authors[0]);
    // Same title and, when both sides name authors, the same first author; and nothing that says otherwise.
    return candidates.find(
      (c) =>
        (surname === null || c.surname === null || c.surname === surname) &&
        !conflicts(c, { arxivId: arxiv, doi, year: entry.year }),
    )?.id;
  }
}

/** Two identities that cannot be one paper: different DOIs, different arXiv ids, or years clearly apart. */
function conflicts(
  a: Pick<TitleCandidate, 'arxivId' | 'doi' | 'year'>,
  b: Pick<TitleCandidate, 'arxivId' | 'doi' | 'year'>,
): boolean {
  if (a.doi !== null && b.doi !== null && a.doi !== b.doi) return true;
  if (a.arxivId !== null && b.arxivId !== null && a.arxivId !== b.arxivId) return true;
  return a.year !== null && b.year !== null && Math.abs(a.year - b.year) > YEAR_SLACK;
}
