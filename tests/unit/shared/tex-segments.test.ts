import { describe, expect, it } from 'vitest';
import { hasMath, texSegments, type TexSegment } from '../../../shared/text/tex-segments.js';

const kinds = (text: string) => texSegments(text).map((s) => [s.kind, s.source]);
const formulas = (text: string) =>
  texSegments(text).flatMap((s: TexSegment) => (s.kind === 'math' ? [[s.tex, s.display]] : []));

describe('texSegments', () => {
  it('splits prose from $…$ with offsets into the stored text', () => {
    const text = 'We bound $\\sum_{i=1}^n x_i$ here.';
    expect(texSegments(text)).toEqual([
      { kind: 'text', start: 0, end: 9, source: 'We bound ' },
      { kind: 'math', start: 9, end: 27, source: '$\\sum_{i=1}^n x_i$', tex: '\\sum_{i=1}^n x_i', display: false },
      { kind: 'text', start: 27, end: 33, source: ' here.' },
    ]);
  });

  it('finds $$…$$, \\(…\\) and \\[…\\], display or inline', () => {
    expect(formulas('a $$x^2$$ b \\(y_1\\) c \\[\\frac{1}{2}\\] d')).toEqual([
      ['x^2', true],
      ['y_1', false],
      ['\\frac{1}{2}', true],
    ]);
  });

  it('keeps money, escaped dollars and unclosed dollars as prose', () => {
    for (const text of [
      'costs $5 and $6 a year',
      'from $5-$10',
      'a salary of $70,000 a year$',
      'escaped \\$x\\$ dollars',
      'an unclosed $x',
      '$ x$ has a space inside',
      'a blank line $x\n\ny$ between',
      '',
    ])
      expect(formulas(text), text).toEqual([]);
  });

  it('takes a formula followed by a digit when it holds no amount, as real titles write it', () => {
    expect(formulas('$\\pm$0.1\\% and $-$50 dB')).toEqual([
      ['\\pm', false],
      ['-', false],
    ]);
  });

  it('does not close a formula on an escaped dollar inside it', () => {
    expect(formulas('$a\\$b$ c')).toEqual([['a\\$b', false]]);
  });

  it('covers every character once, in order', () => {
    const text = 'x $a$ \\(b\\) $$c$$ \\$ $5 \\[d\\] $e';
    const segments = texSegments(text);
    expect(segments.map((s) => s.source).join('')).toBe(text);
    segments.forEach((s, i) => expect(s.start).toBe(i === 0 ? 0 : segments[i - 1]?.end));
  });

  it('tells text with math from text without', () => {
    expect(hasMath('H$_2$O')).toBe(true);
    expect(hasMath('Costs $5 and $6')).toBe(false);
    expect(kinds('plain')).toEqual([['text', 'plain']]);
  });
});
