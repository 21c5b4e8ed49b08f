import { describe, expect, it } from 'vitest';
import {
  cutAtLines,
  endAtLines,
  isBlank,
  leadingText,
  sameText,
  textLength,
  wholeText,
} from '../../../../electron/library/import/text-pieces.js';

describe('an import text in line pieces', () => {
  const lines = (n: number, eol: string) =>
    Array.from({ length: n }, (_, i) => `line ${i} ${'x'.repeat(i % 37)}`).join(eol);

  it('cuts after line breaks of every kind, never between \\r and \\n, and joins back to the text', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `${lines(500, eol)}${eol}`;
      for (const size of [20, 100, 1000]) {
        const pieces = cutAtLines(text, size);
        expect(pieces.join('')).toBe(text);
        expect(endAtLines(pieces)).toBe(true);
        for (const piece of pieces.slice(0, -1)) {
          expect(piece.length).toBeGreaterThan(size);
          expect(piece.endsWith('\r') && eol === '\r\n').toBe(false);
        }
      }
    }
  });

  it('cuts inside a line longer than three pieces, so no piece grows past four, and says so', () => {
    const text = `short\n${'y'.repeat(5000)}\nend\n`;
    const pieces = cutAtLines(text, 1000);
    expect(pieces.join('')).toBe(text);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThanOrEqual(4000);
    expect(endAtLines(pieces)).toBe(false);
  });

  it('keeps a short text whole, and an empty one as one empty piece', () => {
    expect(cutAtLines('a\nb', 100)).toEqual(['a\nb']);
    expect(cutAtLines('', 100)).toEqual(['']);
  });

  it('reads length, lead, blankness and sameness alike from a string and from its pieces', () => {
    const text = lines(300, '\n');
    const pieces = cutAtLines(text, 50);
    expect(textLength(pieces)).toBe(text.length);
    expect(leadingText(pieces, 777)).toBe(text.slice(0, 777));
    expect(wholeText(pieces)).toBe(text);
    expect(isBlank(cutAtLines(' \n\n \n\t\n', 1))).toBe(true);
    expect(isBlank(cutAtLines(' \n\nx\n', 1))).toBe(false);
    expect(sameText(pieces, cutAtLines(text, 50))).toBe(true);
    expect(sameText(pieces, cutAtLines(`${text}!`, 50))).toBe(false);
    expect(sameText(text, `${text}`)).toBe(true);
  });
});
