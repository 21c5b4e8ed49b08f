import type { Paper } from '../../../../shared/models/paper.js';
import { bibtexFile } from './bibtex-writer.js';
import { CitationKeys } from '../../paper/citation-keys.js';
import { cslJsonFile } from './csl-json-writer.js';
import { paperAsText } from '../paper-text.js';

export type BibliographyFormat = 'bibtex' | 'csl-json';

/**
 * Papers as a BibTeX or CSL-JSON file, each under its stored citation key. (Papers imported before keys
 * existed get one computed the same way; the next import or edit stores it.)
 */
export function bibliography(papers: readonly Paper[], format: BibliographyFormat): string {
  // Citation keys from the stored paper; the text written is the paper's text with legacy markup taken out.
  const keyed = keyedPapers(papers).map(({ paper, key }) => ({ paper: paperAsText(paper), key }));
  return format === 'bibtex' ? bibtexFile(keyed) : cslJsonFile(keyed);
}

/** Each paper with its citation key: its stored one, or one computed as an import would store it. */
export function keyedPapers<P extends Paper>(papers: readonly P[]): Array<{ paper: P; key: string }> {
  const keys = new CitationKeys(papers);
  return papers.map((paper) => ({ paper, key: keys.assign(paper).citationKey ?? paper.id }));
}
