/**
 * What a PDF says about the paper it is: a title (its metadata's, when it looks like one, else the first line
 * of its first page), and the arXiv id and DOI printed on its first page. Enough to make a paper the user can
 * correct, or that an import merges with the one already in the library.
 */
import { ARXIV_ID, matchedArxivId, normalizeDoi } from '../paper/identity.js';
import { blankEntry, type ParsedEntry } from '../paper/entry.js';

const ARXIV_STAMP = new RegExp(String.raw`arXiv:\s*${ARXIV_ID}`, 'i');
/** Metadata titles that name the tool or the file, not the paper. */
const NOT_A_TITLE =
  /^(untitled|microsoft word|document\d*|paper|main|manuscript|arxiv|title)\b|\.(docx?|tex|pdf|dvi)$/i;

export function entryFromPdf(text: { pages: readonly string[]; title: string | null }, fileName: string): ParsedEntry {
  const first = text.pages[0] ?? '';
  const arxiv = ARXIV_STAMP.exec(first);
  const metadataTitle = text.title?.trim() ?? '';
  const firstLine =
    first
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length >= 8 && !/^arxiv:/i.test(l)) ?? '';
  const title =
    metadataTitle.length >= 8 && !NOT_A_TITLE.test(metadataTitle)
      ? metadataTitle
      : firstLine !== ''
        ? firstLine
        : fileName.replace(/\.pdf$/i, '');
  return {
    ...blankEntry({ format: 'pdf', fileName, digestDate: null }, null),
    title: title.slice(0, 500),
    arxivId: arxiv?.[1] ? matchedArxivId(arxiv[1]) : null,
    arxivVersion: arxiv?.[2] ? Number(arxiv[2]) : null,
    doi: normalizeDoi(first),
  };
}
