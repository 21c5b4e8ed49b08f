import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../../shared/security/csp.js';
import type { Paper } from '../../../../shared/models/paper.js';
import { paperLinks } from './paper-links.js';
import { paperRecord } from '../../../../tests/helpers/paper-record.js';

/** A whole paper: the shared test record, an empty content, these parts. */
const paper = (parts: Partial<Paper>): Paper => ({
  ...paperRecord('p000000001', { title: 'Attention Is All You Need', year: 2017 }),
  abstract: null,
  note: null,
  annotations: [],
  ...parts,
});

describe('the reader’s links', () => {
  it('offers the arXiv page, the arXiv PDF and the DOI, each by what it does, its identifier as the tooltip', () => {
    const links = paperLinks(
      paper({
        arxivId: '1706.03762',
        arxivVersion: 7,
        doi: '10.48550/arXiv.1706.03762',
        url: 'https://arxiv.org/abs/1706.03762',
      }),
    );
    expect(links).toEqual([
      { label: 'Open on arXiv', href: 'https://arxiv.org/abs/1706.03762', title: 'arXiv:1706.03762v7' },
      { label: 'PDF', href: 'https://arxiv.org/pdf/1706.03762', title: 'arXiv:1706.03762v7 as PDF' },
      { label: 'Open DOI', href: 'https://doi.org/10.48550/arXiv.1706.03762', title: 'doi:10.48550/arXiv.1706.03762' },
    ]);
  });

  it('gives only links main will open: odd DOIs are encoded, links that are not http(s) are left out', () => {
    const links = paperLinks(
      paper({
        doi: '10.1002/(SICI)1097-4636<25::AID>3.0.CO;2-#',
        url: 'javascript:alert(1)',
        arxivId: 'hep-th/9901001',
      }),
    );
    expect(links.map((l) => l.label)).toEqual(['Open on arXiv', 'PDF', 'Open DOI']);
    for (const link of links) expect(isSafeExternalUrl(link.href)).toBe(true);
    expect(links[2]?.href).toBe('https://doi.org/10.1002/(SICI)1097-4636%3C25%3A%3AAID%3E3.0.CO%3B2-%23');
  });

  it('keeps the paper’s own link, named by its host', () => {
    expect(paperLinks(paper({ url: 'https://openreview.net/forum?id=abc' }))).toEqual([
      {
        label: 'openreview.net',
        href: 'https://openreview.net/forum?id=abc',
        title: 'https://openreview.net/forum?id=abc',
      },
    ]);
  });
});
