import { describe, expect, it } from 'vitest';
import { formatCitations } from '../../../../electron/library/citations/format-citations.js';
import type { Paper } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';

/** Real papers as Margin stores them (no volume or pages: the model keeps none). */
const deepLearning: Paper = {
  ...paperRecord('deeplearning15', {
    title: 'Deep learning',
    authors: ['Yann LeCun', 'Yoshua Bengio', 'Geoffrey Hinton'],
    year: 2015,
    publishedAt: '2015-05-27',
    venue: 'Nature',
    doi: '10.1038/nature14539',
    tags: ['to-review'],
    citationKey: 'lecun2015deep',
  }),
  abstract: 'Deep learning allows computational models that are composed of multiple processing layers…',
  note: null,
  annotations: [],
};
const attention: Paper = {
  ...paperRecord('attention2017', {
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
    year: 2017,
    publishedAt: '2017-06-12',
    arxivId: '1706.03762',
    arxivVersion: 7,
    url: 'https://arxiv.org/abs/1706.03762',
    citationKey: 'vaswani2017attention',
  }),
  abstract: 'The dominant sequence transduction models are based on complex recurrent or convolutional networks.',
  note: null,
  annotations: [],
};

describe('formatting citations through citeproc-js', () => {
  it('writes APA 7: authors initialled with an ampersand, the year, the venue and the DOI as a link; a preprint with its arXiv number and arXiv as publisher', async () => {
    expect(await formatCitations([deepLearning, attention], 'apa')).toBe(
      'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature. https://doi.org/10.1038/nature14539\n' +
        'Vaswani, A., Shazeer, N., & Parmar, N. (2017). Attention Is All You Need (arXiv:1706.03762). arXiv. https://arxiv.org/abs/1706.03762\n',
    );
  });

  it('writes Chicago author-date: full names, the year after them, the title in title case and quotes, no "ahead of print"', async () => {
    expect(await formatCitations([deepLearning, attention], 'chicago')).toBe(
      'LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. 2015. “Deep Learning.” Nature. https://doi.org/10.1038/nature14539.\n' +
        'Vaswani, Ashish, Noam Shazeer, and Niki Parmar. 2017. “Attention Is All You Need.” arXiv:1706.03762. Preprint, arXiv, June 12. https://arxiv.org/abs/1706.03762.\n',
    );
  });

  it('writes IEEE: numbered in the order given, initials first, the DOI as doi:, a preprint as arXiv: id', async () => {
    expect(await formatCitations([deepLearning, attention], 'ieee')).toBe(
      '[1] Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, 2015, doi: 10.1038/nature14539.\n' +
        '[2] A. Vaswani, N. Shazeer, and N. Parmar, “Attention Is All You Need,” Jun. 12, 2017, arXiv: 1706.03762. [Online]. Available: https://arxiv.org/abs/1706.03762\n',
    );
    // The order is the caller's: the selection's order, not the alphabet's.
    expect(await formatCitations([attention, deepLearning], 'ieee')).toMatch(/^\[1\] A\. Vaswani.*\n\[2\] Y\. LeCun/s);
  });

  it('writes BibTeX and CSL-JSON with the stored keys, and leaves the abstract and the user’s tags out', async () => {
    const bibtex = await formatCitations([deepLearning, attention], 'bibtex');
    expect(bibtex).toContain('@article{lecun2015deep,\n  title = {{Deep learning}},\n');
    expect(bibtex).toContain('  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},\n');
    expect(bibtex).toContain('@misc{vaswani2017attention,');
    expect(bibtex).toContain('  eprint = {1706.03762},\n  archiveprefix = {arXiv},');
    expect(bibtex).not.toMatch(/abstract|keywords|to-review/);

    const items: unknown = JSON.parse(await formatCitations([deepLearning], 'csl-json'));
    expect(items).toEqual([
      {
        id: 'lecun2015deep',
        'citation-key': 'lecun2015deep',
        type: 'article-journal',
        title: 'Deep learning',
        author: [
          { given: 'Yann', family: 'LeCun' },
          { given: 'Yoshua', family: 'Bengio' },
          { given: 'Geoffrey', family: 'Hinton' },
        ],
        issued: { 'date-parts': [[2015, 5, 27]] },
        'container-title': 'Nature',
        DOI: '10.1038/nature14539',
      },
    ]);
  });

  it('writes plain text, never HTML, whatever the title holds', async () => {
    const paper: Paper = { ...attention, title: 'When <b>A</b> & B < C: "quotes" and $x_i^2$', authors: ['Ann Lee'] };
    for (const style of ['apa', 'chicago', 'ieee'] as const) {
      const text = await formatCitations([paper], style);
      // citeproc reads <b> as its own rich-text markup: the words stay, the tag does not.
      expect(text).toContain('When A & B < C:');
      expect(text).not.toContain('<b>');
      expect(text).toContain('$x_i^2$');
      expect(text).not.toMatch(/&amp;|&lt;|&#/);
    }
  });

  it('cites a paper with no authors, no year and no ids by its title', async () => {
    const bare: Paper = { ...deepLearning, authors: [], year: null, publishedAt: null, doi: null, venue: null };
    expect(await formatCitations([bare], 'apa')).toBe('Deep learning. (n.d.).\n');
  });
});
