import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../shared/models/paper.js';
import { highlightPieces, type Piece } from './highlight-pieces.js';

function highlight(id: string, start: number, end: number, createdAt = '2026-01-01T00:00:00.000Z'): Annotation {
  return {
    id,
    start,
    end,
    quote: '',
    prefix: '',
    suffix: '',
    abstractHash: '',
    color: 'yellow',
    comment: '',
    state: 'anchored',
    pdf: null,
    createdAt,
    updatedAt: createdAt,
  };
}

const shown = (p: Piece) => (p.kind === 'text' ? p.text : p.kind === 'math' ? p.tex : p.shown);
const pieces = (abstract: string, annotations: Annotation[]) =>
  highlightPieces(abstract, annotations).map((p) => [shown(p), p.kind !== 'text', p.annotations.map((a) => a.id)]);

describe('highlightPieces', () => {
  it('cuts the text where highlights begin and end, overlaps included, oldest first', () => {
    const older = highlight('h1', 0, 9, '2026-01-01T00:00:00.000Z');
    const newer = highlight('h2', 4, 14, '2026-01-02T00:00:00.000Z');
    expect(pieces('Sparse autoencoders work.', [newer, older])).toEqual([
      ['Spar', false, ['h1']],
      ['se au', false, ['h1', 'h2']],
      ['toenc', false, ['h2']],
      ['oders work.', false, []],
    ]);
  });

  it('never cuts a formula: a highlight touching one covers it whole', () => {
    const abstract = 'We get $O(n^2)$ time.';
    expect(pieces(abstract, [highlight('h1', 3, 10)])).toEqual([
      ['We ', false, []],
      ['get ', false, ['h1']],
      ['O(n^2)', true, ['h1']],
      [' time.', false, []],
    ]);
  });

  it('finds $$…$$ and \\(…\\) formulas and keeps text-mode TeX whole, offsets those of the stored text', () => {
    const abstract = "A caf\\'e, \\(x_i\\) and $$y$$.";
    const result = highlightPieces(abstract, [highlight('h1', 5, 7)]);
    expect(result.map((p) => [p.kind, shown(p), p.start, p.end, p.annotations.length])).toEqual([
      ['text', 'A caf', 0, 5, 0],
      ['markup', 'é', 5, 8, 1],
      ['text', ', ', 8, 10, 0],
      ['math', 'x_i', 10, 17, 0],
      ['text', ' and ', 17, 22, 0],
      ['math', 'y', 22, 27, 0],
      ['text', '.', 27, 28, 0],
    ]);
  });

  it('leaves out orphaned highlights and ranges past the end, and gives the text back whole without any', () => {
    const orphan: Annotation = { ...highlight('h1', 0, 4), state: 'orphaned' };
    expect(pieces('Short.', [orphan, highlight('h2', 2, 40)])).toEqual([['Short.', false, []]]);
    expect(highlightPieces('', [])).toEqual([]);
  });
});
