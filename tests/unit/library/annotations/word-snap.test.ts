import { describe, expect, it } from 'vitest';
import { snapToWords } from '../../../../electron/library/annotations/word-snap.js';

const text = 'Attention is all you need: naïve Łukasz-style models, 68% of the time.';
const quote = (range: { start: number; end: number }) => text.slice(range.start, range.end);

describe('highlights snap to whole words', () => {
  it('widens a drag that starts and ends inside words', () => {
    expect(quote(snapToWords(text, 1, 14))).toBe('Attention is all');
  });
  it('trims spaces around the selection and keeps whole words as they are', () => {
    expect(quote(snapToWords(text, 12, 17))).toBe('all');
    expect(quote(snapToWords(text, 13, 16))).toBe('all');
  });
  it('treats accented letters as letters and punctuation as a boundary', () => {
    const start = text.indexOf('aïve');
    expect(quote(snapToWords(text, start, start + 2))).toBe('naïve');
    const l = text.indexOf('ukasz');
    expect(quote(snapToWords(text, l, l + 2))).toBe('Łukasz');
    const pct = text.indexOf('8%');
    expect(quote(snapToWords(text, pct, pct + 2))).toBe('68%');
  });
  it('leaves a selection of only spaces as it was', () => {
    expect(snapToWords('a   b', 1, 3)).toEqual({ start: 1, end: 3 });
  });
});
