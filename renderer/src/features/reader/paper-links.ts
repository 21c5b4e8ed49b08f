import type { Paper } from '../../../../shared/models/paper.js';

/** A link the reader offers: what it says, where it goes, and the identifier it stands for (its tooltip). */
export interface PaperLink {
  readonly label: string;
  readonly href: string;
  readonly title: string;
}

/**
 * Where a paper can be read: its arXiv page and PDF, its DOI, its own link. Clicking one opens the system
 * browser through main's check (`hardenContents` → `openIfSafe` → `isSafeExternalUrl`: http(s) only).
 */
export function paperLinks(paper: Paper): PaperLink[] {
  const out: PaperLink[] = [];
  if (paper.arxivId) {
    const id = `arXiv:${paper.arxivId}${paper.arxivVersion ? `v${paper.arxivVersion}` : ''}`;
    out.push({ label: 'Open on arXiv', href: `https://arxiv.org/abs/${paper.arxivId}`, title: id });
    out.push({ label: 'PDF', href: `https://arxiv.org/pdf/${paper.arxivId}`, title: `${id} as PDF` });
  }
  if (paper.doi)
    // A DOI may hold characters a URL may not (`<`, `#`, spaces): encoded, except its slashes.
    out.push({
      label: 'Open DOI',
      href: `https://doi.org/${encodeURIComponent(paper.doi).replace(/%2F/gi, '/')}`,
      title: `doi:${paper.doi}`,
    });
  // The paper's own link, unless it is one of the above again (a digest's link is usually its arXiv page).
  const own = paper.url;
  if (own && /^https?:\/\//i.test(own) && !out.some((link) => sameUrl(link.href, own))) {
    const host = hostOf(own);
    if (host) out.push({ label: host, href: own, title: own });
  }
  return out;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function sameUrl(a: string, b: string): boolean {
  return a.replace(/\/$/, '').replace(/^http:/, 'https:') === b.replace(/\/$/, '').replace(/^http:/, 'https:');
}
