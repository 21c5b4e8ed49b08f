import { z } from 'zod';

/** The styles a citation can be copied in: three formatted by citeproc-js, then two data formats. */
export const CITATION_STYLES = ['apa', 'chicago', 'ieee', 'bibtex', 'csl-json'] as const;
export const CitationStyleSchema = z.enum(CITATION_STYLES);
export type CitationStyle = z.output<typeof CitationStyleSchema>;

/** Names people know the styles by, for menus and messages. */
export const CITATION_STYLE_LABELS: Readonly<Record<CitationStyle, string>> = {
  apa: 'APA',
  chicago: 'Chicago',
  ieee: 'IEEE',
  bibtex: 'BibTeX',
  'csl-json': 'CSL-JSON',
};

/** A versionless arXiv id, modern (`2411.01234`) or old style (`hep-th/9901001`). */
export const ArxivIdSchema = z
  .string()
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Za-z]{2})?\/\d{7})$/, 'not a versionless arXiv id');

/** A paper arXiv found for a title, offered to "Find on arXiv". */
export const ArxivCandidateSchema = z.object({
  arxivId: z.string(),
  title: z.string(),
  authors: z.array(z.string()),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  doi: z.string().nullable(),
});
export type ArxivCandidate = z.output<typeof ArxivCandidateSchema>;
