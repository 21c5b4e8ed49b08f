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
  const keys = new CitationKeys(papers);
  const keyed = papers.map((paper) => ({ paper: paperAsText(paper), key: keys.assign(paper).citationKey ?? paper.id }));
  return format === 'bibtex' ? bibtexFile(keyed) : cslJsonFile(keyed);
}
