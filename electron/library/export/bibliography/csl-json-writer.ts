import type { Paper } from '../../../../shared/models/paper.js';

/** `First Last` → `{ given, family }`; a one-word name is a literal (an organisation). */
function cslName(name: string): Record<string, string> {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name.trim() };
  return { given: words.slice(0, -1).join(' '), family: words.at(-1) ?? '' };
}

/** One paper as a CSL-JSON item (what Zotero and Pandoc read). */
export function cslItem(paper: Paper, key: string): Record<string, unknown> {
  const [y, m, d] = (paper.publishedAt ?? '').split('-').map(Number);
  const dateParts =
    paper.year !== null ? [[paper.year, ...(y === paper.year && m ? [m, ...(d ? [d] : [])] : [])]] : undefined;
  return {
    id: key,
    'citation-key': key,
    type: paper.venue ? 'article-journal' : 'article',
    title: paper.title,
    ...(paper.authors.length > 0 ? { author: paper.authors.map(cslName) } : {}),
    ...(paper.editors.length > 0 ? { editor: paper.editors.map(cslName) } : {}),
    ...(dateParts ? { issued: { 'date-parts': dateParts } } : {}),
    ...(paper.venue ? { 'container-title': paper.venue } : {}),
    ...(paper.doi ? { DOI: paper.doi } : {}),
    ...(paper.url ? { URL: paper.url } : {}),
    ...(paper.arxivId ? { number: `arXiv:${paper.arxivId}` } : {}),
    ...(paper.tags.length > 0 ? { keyword: paper.tags.join(', ') } : {}),
    ...(paper.abstract ? { abstract: paper.abstract } : {}),
  };
}

export function cslJsonFile(papers: ReadonlyArray<{ paper: Paper; key: string }>): string {
  return `${JSON.stringify(
    papers.map(({ paper, key }) => cslItem(paper, key)),
    null,
    2,
  )}\n`;
}
