import { describe, expect, it } from 'vitest';
import { keywordRanges, watchReasons } from '../../../shared/triage/watch-match.js';

const watch = { keywords: ['sparsity', 'naive'], authors: ['Nanda', 'Łukasz'], quickTags: [] };

describe('watched keywords and authors', () => {
  it('says which keywords and authors a paper matches, ignoring case and accents, at word starts', () => {
    const item = {
      title: 'Activation Sparsity in Naïve Models',
      abstract: 'We study it.',
      authors: ['Neel Nanda', 'Lukasz Kaiser'],
    };
    expect(watchReasons(item, watch)).toEqual(['sparsity', 'naive', 'Nanda', 'Łukasz']);
    expect(watchReasons({ title: 'Antisparsity', abstract: null, authors: ['Ananda Rao'] }, watch)).toEqual([]);
  });

  it('finds where keywords occur, whole words, for marking the abstract', () => {
    const text = 'Sparsity helps. Naïve sparsification does not; unsparsity neither.';
    expect(keywordRanges(text, ['sparsi', 'naive']).map(([a, b]) => text.slice(a, b))).toEqual([
      'Sparsity',
      'Naïve',
      'sparsification',
    ]);
  });
});
