/**
 * Pasted or dropped HTML: its text, laid out in lines the way a browser copies it, and its links. A link
 * under a title (`/abs/ID`, `/papers/ID`, `doi.org/…`) gives the paper its id even when the text shows none.
 */
import { Parser } from 'htmlparser2';
import { titleKey, type Doi } from '../../paper/identity.js';
import type { ParsedEntry } from '../../paper/entry.js';
import { arxivRef, ARXIV_ID, doiIn, type ArxivRef } from './ids.js';

export interface HtmlLink {
  readonly text: string;
  readonly href: string;
}

export interface HtmlRead {
  readonly text: string;
  readonly links: readonly HtmlLink[];
}

/** Elements that start a new line when a browser copies them as text. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
/** Elements whose content is never text on the page. */
const HIDDEN = new Set(['head', 'noscript', 'script', 'style', 'svg', 'template', 'title']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'dl', 'ul', 'ol']);

export function readHtml(html: string): HtmlRead {
  const links: HtmlLink[] = [];
  const out: string[] = [];
  // htmlparser2 closes every element it opens (void and implied ones too), so a stack tracks what hides text.
  const stack: Array<{ hides: boolean; link: { href: string; text: string[] } | null }> = [];
  // Open links apart, so text is added to the few links around it, not checked against every open element.
  const openLinks: Array<{ href: string; text: string[] }> = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const hides =
          HIDDEN.has(name) || attributes.hidden !== undefined || /display\s*:\s*none/i.test(attributes.style ?? '');
        if (hides) hidden++;
        const link = name === 'a' && hidden === 0 ? { href: attributes.href ?? '', text: [] } : null;
        stack.push({ hides, link });
        if (link) openLinks.push(link);
        if (hidden === 0 && BLOCK.has(name)) out.push(PARAGRAPH.has(name) ? '\n\n' : '\n');
      },
      ontext(data) {
        if (hidden > 0) return;
        out.push(data);
        for (const link of openLinks) link.text.push(data);
      },
      onclosetag(name) {
        const open = stack.pop();
        if (open?.link) {
          openLinks.pop();
          links.push({ href: open.link.href, text: open.link.text.join('').replace(/\s+/g, ' ').trim() });
        }
        if (hidden === 0 && BLOCK.has(name) && name !== 'br') out.push(PARAGRAPH.has(name) ? '\n\n' : '\n');
        if (open?.hides) hidden--;
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  // Whitespace inside a line collapses as a browser renders it; the line breaks come from the elements.
  const text = out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, links };
}

const ARXIV_HREF = new RegExp(String.raw`(?:arxiv\.org/(?:abs|pdf)/|/papers/|^papers/)${ARXIV_ID}`, 'i');

/** The arXiv id or DOI a link points at, or null. */
export function idOfHref(href: string): { arxiv: ArxivRef | null; doi: Doi | null } | null {
  const arxiv = ARXIV_HREF.exec(href);
  if (arxiv?.[1]) return { arxiv: arxivRef(arxiv[1], arxiv[2]), doi: null };
  const doi = /doi\.org\//i.test(href) ? doiIn(decodedHref(href)) : null;
  return doi ? { arxiv: null, doi } : null;
}

/** A link with its percent-escapes decoded; one that is not valid percent-encoding is read as it is. */
function decodedHref(href: string): string {
  try {
    return decodeURIComponent(href);
  } catch {
    return href;
  }
}

/**
 * Give entries without an id the id of the link whose text is their title. Titles are compared as the
 * matcher compares them (case, accents and punctuation ignored).
 */
export function withLinkedIds(entries: readonly ParsedEntry[], links: readonly HtmlLink[]): ParsedEntry[] {
  const byTitle = new Map<string, { arxiv: ArxivRef | null; doi: Doi | null }>();
  for (const link of links) {
    const id = idOfHref(link.href);
    const key = titleKey(link.text);
    if (id && key !== '' && !byTitle.has(key)) byTitle.set(key, id);
  }
  return entries.map((entry) => {
    if (entry.arxivId !== null && entry.doi !== null) return entry;
    const id = byTitle.get(titleKey(entry.title));
    if (!id) return entry;
    const arxivId = entry.arxivId ?? id.arxiv?.id ?? null;
    return {
      ...entry,
      arxivId,
      arxivVersion: entry.arxivVersion ?? id.arxiv?.version ?? null,
      doi: entry.doi ?? id.doi,
      url: entry.url ?? (arxivId ? `https://arxiv.org/abs/${arxivId}` : id.doi ? `https://doi.org/${id.doi}` : null),
    };
  });
}
