import { describe, expect, it } from 'vitest';
import { parseMath, splitMath } from '../../../shared/text/math.js';

describe('splitMath', () => {
  it('splits text from $…$ formulas, with offsets into the abstract', () => {
    expect(splitMath('We get $O(n^2)$ time.')).toEqual([
      { kind: 'text', text: 'We get ', start: 0, end: 7 },
      { kind: 'math', text: 'O(n^2)', start: 7, end: 15 },
      { kind: 'text', text: ' time.', start: 15, end: 21 },
    ]);
  });

  it('keeps an escaped or unclosed dollar, and a formula across a line break, as text', () => {
    for (const text of ['costs \\$5 and \\$6', 'an unclosed $x', 'across $a\nb$ lines'])
      expect(splitMath(text)).toEqual([{ kind: 'text', text, start: 0, end: text.length }]);
  });

  it('answers nothing for an empty abstract', () => {
    expect(splitMath('')).toEqual([]);
  });
});

describe('parseMath', () => {
  it('reads superscripts, subscripts and Greek letters into runs', () => {
    expect(parseMath('O(n^2)')).toEqual(['O(n', { kind: 'sup', children: ['2'] }, ')']);
    expect(parseMath('\\alpha_{t}')).toEqual(['α', { kind: 'sub', children: ['t'] }]);
  });

  it('keeps unknown commands as written, and never a prototype property', () => {
    expect(parseMath('\\frobnicate x').join('')).toContain('\\frobnicate');
    expect(parseMath('\\constructor').join('')).toContain('\\constructor');
  });
});
