import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDigest } from '../../../../electron/library/import/digest/read-digest.js';
import { parsePageDate } from '../../../../electron/library/import/digest/page-date.js';
import { SAMPLE_DIGEST_PATH, samplePapers } from '../../../helpers/sample-digest.js';

const today = new Date('2026-11-27T12:00:00Z');
const parse = (text: string) => parseDigest(text, { fileName: 'digest.txt', today });

describe('parseDigest', () => {
  it('reads all 76 papers of the sample page and nothing else', () => {
    const { entries, failures } = parse(readFileSync(SAMPLE_DIGEST_PATH, 'utf8'));
    const expected = samplePapers();
    expect(expected).toHaveLength(76);
    expect(failures).toEqual([]);
    expect(entries.map((e) => ({ title: e.title, abstract: e.abstract }))).toEqual(expected);
    expect(entries.every((e) => e.source.digestDate === '2026-04-28' && e.source.fileName === 'digest.txt')).toBe(true);
  });

  it('handles CRLF, wrapped abstracts, boilerplate between papers, Unicode and a title without abstract', () => {
    const page = [
      'Home',
      '',
      'Daily Papers',
      '',
      'Subscribe',
      '',
      'Mar 3',
      '',
      'Schrödinger Bridges for Généralisation',
      '',
      'We study how bridges between distributions help models',
      'generalise. The method is simple, and it works on',
      'ImageNet with a 3% gain.',
      '',
      'Load more',
      '',
      'Upvote',
      '',
      '12',
      '',
      'A Title With No Abstract At All',
      '',
      '日本語のタイトル: Tokenizers Revisited',
      '',
      'Tokenizers matter. We show that the choice of tokenizer changes results by up to 4%.',
      '',
      '© 2026 Example Corp. All rights reserved.',
    ].join('\r\n');
    const { entries, failures } = parse(page);
    expect(failures).toEqual([]);
    expect(entries.map((e) => [e.title, e.abstract])).toEqual([
      [
        'Schrödinger Bridges for Généralisation',
        'We study how bridges between distributions help models generalise. The method is simple, and it works on ImageNet with a 3% gain.',
      ],
      ['A Title With No Abstract At All', null],
      [
        '日本語のタイトル: Tokenizers Revisited',
        'Tokenizers matter. We show that the choice of tokenizer changes results by up to 4%.',
      ],
    ]);
    expect(entries[0]?.source.digestDate).toBe('2026-03-03');
    expect(entries[0]?.line).toBe(9);
  });

  it('joins words hyphenated across a line break', () => {
    const { entries } = parse(
      'A Paper About Pruning\n\nWe de-\nsparsify pruned networks and show it helps a lot in practice today.',
    );
    expect(entries[0]?.abstract).toBe('We de-sparsify pruned networks and show it helps a lot in practice today.');
  });

  it('lists a paragraph of text with no title as skipped, with its line, and still reads the rest', () => {
    const { entries, failures, digest } = parse(
      'Intro text that runs on as a sentence with many words in it.\n\nReal Paper Title\n\nIts abstract is here and it is long enough to read as one.',
    );
    expect(failures).toEqual([]);
    expect(digest?.skipped).toEqual([
      { line: 1, text: 'Intro text that runs on as a sentence with many words in it.' },
    ]);
    expect(entries.map((e) => e.title)).toEqual(['Real Paper Title']);
  });

  it('reads nothing from an empty page or furniture only', () => {
    expect(parse('').entries).toEqual([]);
    expect(parse('Subscribe\n\nnew\n\nApr 28\n\n').entries).toEqual([]);
  });
});

describe('parsePageDate', () => {
  it('gives page dates the latest year that is not in the future', () => {
    expect(parsePageDate('Apr 28', today)).toBe('2026-04-28');
    expect(parsePageDate('Dec 30', today)).toBe('2025-12-30');
    expect(parsePageDate('April 28, 2024', today)).toBe('2024-04-28');
    expect(parsePageDate('28 April 2024', today)).toBe('2024-04-28');
    expect(parsePageDate('April showers bring flowers', today)).toBeNull();
  });
});

describe('the structural reader', () => {
  const abstract = (topic: string) =>
    `We study ${topic} and it works well on many benchmarks. It also works in other settings, which we show in experiments with many models and datasets of various kinds.`;

  it('takes a byline between a title and its abstract for the authors, not for a paper or the title', () => {
    const page = [
      'Intro',
      '',
      'First Real Paper Title Here',
      '',
      'Alice Smith and Bob Jones',
      '',
      abstract('one thing'),
      '',
      'Second Real Paper Title Here',
      '',
      'Carol King and Dan Brown',
      '',
      abstract('another thing'),
    ].join('\n');
    const { entries } = parse(page);
    expect(entries.map((e) => [e.title, e.authors])).toEqual([
      ['First Real Paper Title Here', ['Alice Smith', 'Bob Jones']],
      ['Second Real Paper Title Here', ['Carol King', 'Dan Brown']],
    ]);
  });

  it('keeps an abstract that ends with a URL, code or a formula, and titles that ask a question', () => {
    const page = [
      'Is This the Subspace You Are Looking for? An Interpretability Illusion',
      '',
      `${abstract('subspaces')} Code: https://github.com/example/repo`,
      '',
      'Sparse Attention in Linear Time',
      '',
      `${abstract('attention')} The bound is $O(n \\log n)$`,
    ].join('\n');
    const { entries } = parse(page);
    expect(entries.map((e) => e.title)).toEqual([
      'Is This the Subspace You Are Looking for? An Interpretability Illusion',
      'Sparse Attention in Linear Time',
    ]);
    expect(entries[0]?.abstract?.endsWith('Code: https://github.com/example/repo')).toBe(true);
    expect(entries[1]?.abstract?.endsWith('The bound is $O(n \\log n)$')).toBe(true);
  });

  it('treats short lines that repeat between entries as furniture, not papers, but keeps titles that share first words', () => {
    const page = [
      'Towards Efficient Sparse Models',
      'Submitted by alice',
      '12',
      abstract('sparsity'),
      'Towards Efficient Dense Models',
      'Submitted by bob',
      '7',
      abstract('density'),
      'Towards Efficient Mixed Models',
      'Submitted by carol',
      '3',
      abstract('mixtures'),
    ].join('\n');
    const { entries, digest } = parse(page);
    expect(entries.map((e) => e.title)).toEqual([
      'Towards Efficient Sparse Models',
      'Towards Efficient Dense Models',
      'Towards Efficient Mixed Models',
    ]);
    expect(digest?.skipped).toEqual([]);
  });
});

describe('an arXiv /new listing (hand-written to the page’s shape: no real /new page was found to copy)', () => {
  const page = [
    'Machine Learning',
    'Showing new listings for Friday, 22 November 2024',
    'Total of 3 entries',
    'New submissions (showing 1 of 1 entries)',
    '[1] arXiv:2411.14419 [pdf, html, other]',
    'Sparse Attention Across Very Long Documents',
    'Ada Lovelace, Alan Turing',
    'Comments: 12 pages',
    'Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI)',
    '',
    'We make attention sparse and show that it scales to $10^6$ tokens. Code: https://example.org/code',
    '',
    'Cross submissions (showing 1 of 1 entries)',
    '[2] arXiv:2411.14420 (cross-list from cs.CV) [pdf, other]',
    'Seeing in the Dark',
    'Grace Hopper',
    'Subjects: Computer Vision and Pattern Recognition (cs.CV); Machine Learning (cs.LG)',
    '',
    'We see in the dark.',
    '',
    'Replacement submissions (showing 1 of 1 entries)',
    '[3] arXiv:2301.00001 (replaced) [pdf, other]',
    'An Old Paper, Revised',
    'Edsger Dijkstra',
    'Journal-ref: J. Algorithms 1 (2024) 1-10',
    'Subjects: Machine Learning (cs.LG)',
    '',
    'Which authors of this paper are endorsers? | Disable MathJax',
  ].join('\n');

  it('reads titles, authors, abstracts, kinds and categories, and skips headings and the footer', () => {
    const { entries, digest } = parse(page);
    expect(digest?.source).toBe('arxiv-listing');
    expect(digest?.detail).toBe('cs.LG new');
    expect(entries.map((e) => [e.arxivId, e.kind, e.title, e.authors, e.abstract, e.categories, e.venue])).toEqual([
      [
        '2411.14419',
        'new',
        'Sparse Attention Across Very Long Documents',
        ['Ada Lovelace', 'Alan Turing'],
        'We make attention sparse and show that it scales to $10^6$ tokens. Code: https://example.org/code',
        ['cs.LG', 'cs.AI'],
        null,
      ],
      [
        '2411.14420',
        'cross-list',
        'Seeing in the Dark',
        ['Grace Hopper'],
        'We see in the dark.',
        ['cs.CV', 'cs.LG'],
        null,
      ],
      [
        '2301.00001',
        'replaced',
        'An Old Paper, Revised',
        ['Edsger Dijkstra'],
        null,
        ['cs.LG'],
        'J. Algorithms 1 (2024) 1-10',
      ],
    ]);
    expect(digest?.skipped.map((s) => s.text)).toEqual([
      'Machine Learning Showing new listings for Friday, 22 November 2024',
      'Which authors of this paper are endorsers? | Disable MathJax',
    ]);
  });
});

describe('two Scholar alerts pasted together', () => {
  it('keeps the first alert’s footer out of the next alert’s first title', () => {
    const dir = path.resolve(import.meta.dirname, '../../../fixtures/digests/scholar-alert');
    const both = ['bzz-allamanis-related-2019-12-10.txt', 'bzz-uri-alon-citations-2019-12-10.txt']
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const { entries, digest } = parse(both);
    expect(entries.map((e) => e.title)).toEqual([
      'Using Sequence-to-Sequence Learning for Repairing C Vulnerabilities',
      'Marking Mechanism in Sequence-to-sequence Model for Mapping Language to Logical Form',
      'Personalized Code Recommendation',
      'Establishing Benchmarks For Learning Program Representations',
      'Automatic Unit Test Amplification For DevOps',
      'Code Generation from Supervised Code Embeddings',
    ]);
    expect(digest?.skipped.some((s) => s.text.includes('This alert is sent by Google Scholar'))).toBe(true);
  });
});
