import { COLOR_MEANINGS, type Paper } from '../../../../shared/models/paper.js';
import { inTextOrder } from '../../../../shared/models/annotation-order.js';
import { escapeInline, escapeMarkdown, escapePaperText, linkDestination } from './escape.js';
import { highlightQuote } from './highlight-quote.js';
import { paperAsText } from '../paper-text.js';

/** The sections Margin owns in an exported file, in file order. */
export const SECTION_NAMES = ['header', 'abstract', 'highlights', 'note'] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** Front matter keys Margin owns, in the order it writes them. Other keys belong to the user. */
export const FRONT_MATTER_KEYS = [
  'title',
  'authors',
  'year',
  'arxiv',
  'doi',
  'url',
  'tags',
  'status',
  'added',
  'margin-id',
] as const;
export type FrontMatter = {
  readonly [K in (typeof FRONT_MATTER_KEYS)[number]]: string | number | readonly string[] | null;
};

export function frontMatterOf(paper: Paper): FrontMatter {
  return {
    title: paperAsText(paper).title,
    authors: paper.authors,
    year: paper.year,
    arxiv: paper.arxivId,
    doi: paper.doi,
    url: safeUrl(paper.url),
    tags: paper.tags,
    status: paper.status,
    added: paper.addedAt.slice(0, 10),
    'margin-id': paper.id,
  };
}

/** The Markdown of each section Margin owns, without its markers. */
export function renderSections(stored: Paper): Record<SectionName, string> {
  const paper = paperAsText(stored);
  return {
    header: renderHeader(paper),
    abstract: `## Abstract\n\n${paper.abstract?.trim() ? escapePaperText(paper.abstract.trim()) : '*No abstract.*'}`,
    highlights: renderHighlights(paper),
    note: `## Note\n\n${neutralizeMarkers(paper.note?.text.trim() ?? '')}`.trimEnd(),
  };
}

function renderHeader(paper: Paper): string {
  const facts: string[] = [];
  if (paper.authors.length > 0) facts.push(escapeInline(paper.authors.join(', ')));
  if (paper.year !== null) facts.push(String(paper.year));
  if (paper.venue) facts.push(`*${escapeInline(paper.venue)}*`);
  if (paper.arxivId)
    facts.push(`[arXiv:${escapeInline(paper.arxivId)}](${linkDestination(`https://arxiv.org/abs/${paper.arxivId}`)})`);
  if (paper.doi) facts.push(`[doi:${escapeInline(paper.doi)}](${linkDestination(`https://doi.org/${paper.doi}`)})`);
  const url = safeUrl(paper.url);
  if (url && !paper.arxivId && !paper.doi) facts.push(`<${url}>`);
  return [`# ${escapePaperText(paper.title, false)}`, ...(facts.length > 0 ? ['', facts.join(' · ')] : [])].join('\n');
}

function renderHighlights(paper: Paper): string {
  const parts = ['## Highlights'];
  const annotations = inTextOrder(paper.annotations);
  if (annotations.length === 0) parts.push('*No highlights yet.*');
  for (const a of annotations) {
    const label = `**${COLOR_MEANINGS[a.color]}**${a.state === 'orphaned' ? ' (its text is no longer in the abstract)' : ''}`;
    parts.push(highlightQuote(a), `^${a.id}`);
    parts.push(a.comment.trim() === '' ? label : `${label}: ${escapeMarkdown(a.comment.trim())}`);
  }
  return parts.join('\n\n');
}

/** A user's note is Markdown already; only lines that look like Margin's own markers are defused. */
function neutralizeMarkers(note: string): string {
  return note.replace(/^(\s*)<!--(\s*\/?margin:)/gm, '$1\\<!--$2');
}

/** Only web links go into an export. */
function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\/[^\s<>"]+$/i.test(url) ? url : null;
}
