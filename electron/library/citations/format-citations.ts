import type { Paper } from '../../../shared/models/paper.js';
import { assertNever } from '../../../shared/assert-never.js';
import { bibtexEntry } from '../export/bibliography/bibtex-writer.js';
import { cslItem } from '../export/bibliography/csl-json-writer.js';
import { keyedPapers } from '../export/bibliography/export-bibliography.js';
import type { CitationStyle } from '../../../shared/models/citations.js';
import { CITATION_LOCALE, citationEngine, type FormattedStyle } from './citation-styles.js';

/**
 * Papers as citations to paste, in the order given: BibTeX entries, a CSL-JSON list, or references formatted
 * by citeproc-js (through citation-js) in APA, Chicago or IEEE, one a line. Always plain text, never HTML.
 */
export async function formatCitations(papers: readonly Paper[], style: CitationStyle): Promise<string> {
  // A citation carries the reference only: the abstract and the user's own tags stay in the library.
  const keyed = keyedPapers(papers.map(citable));
  switch (style) {
    case 'bibtex':
      return keyed.map(({ paper, key }) => bibtexEntry(paper, key)).join('\n');
    case 'csl-json':
      return `${JSON.stringify(
        keyed.map(({ paper, key }) => cslItem(paper, key)),
        null,
        2,
      )}\n`;
    case 'apa':
    case 'chicago':
    case 'ieee': {
      const items = keyed.map(({ paper, key }) => referenceItem(paper, key, style));
      const { Cite, templateFor } = await citationEngine();
      const text = new Cite(items, { forceType: '@csl/list+object' }).format('bibliography', {
        template: templateFor(style),
        lang: CITATION_LOCALE,
        format: 'text',
      });
      return `${text.trim()}\n`;
    }
    default:
      return assertNever(style);
  }
}

function citable(paper: Paper): Paper {
  return { ...paper, abstract: null, tags: [] };
}

/**
 * The CSL-JSON item, adjusted as reference managers describe papers. A published paper is cited by its
 * venue and year (its arXiv number would read as an article number, and the stored day is usually the
 * preprint's, not the issue's); a preprint by arXiv as its publisher and its arXiv number (IEEE puts the
 * two together as `arXiv: 1706.03762`).
 */
function referenceItem(paper: Paper, key: string, style: FormattedStyle): Record<string, unknown> {
  const { number: _arxivNumber, issued, ...item } = cslItem(paper, key);
  if (paper.venue) return paper.year === null ? item : { ...item, issued: { 'date-parts': [[paper.year]] } };
  if (!paper.arxivId) return { ...item, ...(issued ? { issued } : {}) };
  const number = style === 'ieee' ? paper.arxivId : `arXiv:${paper.arxivId}`;
  return { ...item, ...(issued ? { issued } : {}), number, publisher: 'arXiv' };
}
