import { describe, expect, it } from 'vitest';
import { texTextRuns, texToText, withProseAsText } from '../../../shared/text/tex-text.js';

describe('texToText', () => {
  it('shows escapes, accents and font markup as the characters they mean', () => {
    expect(texToText('68\\% of caf\\\'e and na\\"{\\i}ve {\\em robust} \\emph{fast} \\textbf{bold}')).toBe(
      '68% of café and naïve robust fast bold',
    );
    expect(texToText("``quoted'' --- and 1--2, \\ss{} \\o{} \\c{c} {\\'a} \\v c, \\|x\\|, A \\& B")).toBe(
      '“quoted” — and 1–2, ß ø ç á č, ‖x‖, A & B',
    );
  });

  it('keeps plain text, unknown commands and unmatched braces as they are', () => {
    for (const text of ['the set {1,2,3} of C++ code', 'an \\unknown command', '~10% off'])
      expect(texToText(text)).toBe(text);
  });

  it('shows HTML that older imports stored as the text it wraps, and other angle brackets as they are', () => {
    expect(texToText('CO<sub>2</sub> in <i>vivo</i>, <span class="nocase">BERT</span><br/>a <unk> token, x < y')).toBe(
      'CO2 in vivo, BERT a <unk> token, x < y',
    );
  });

  it('never takes a prototype property for a command', () => {
    expect(texToText('\\constructor \\toString \\hasOwnProperty')).toBe('\\constructor \\toString \\hasOwnProperty');
  });
});

describe('texTextRuns', () => {
  it('maps each piece of markup to its offsets in the stored text, with literal text between', () => {
    expect(texTextRuns("caf\\'e {\\em x}", 10)).toEqual([
      { start: 10, end: 13, shown: 'caf', literal: true },
      { start: 13, end: 16, shown: 'é', literal: false },
      { start: 16, end: 17, shown: ' ', literal: true },
      { start: 17, end: 18, shown: '', literal: false },
      { start: 18, end: 22, shown: '', literal: false },
      { start: 22, end: 23, shown: 'x', literal: true },
      { start: 23, end: 24, shown: '', literal: false },
    ]);
  });

  it('answers one literal run for text with no markup', () => {
    expect(texTextRuns('plain words')).toEqual([{ start: 0, end: 11, shown: 'plain words', literal: true }]);
  });
});

describe('withProseAsText', () => {
  it('resolves the prose and leaves each formula as its TeX', () => {
    expect(withProseAsText("68\\% of {\\em caf\\'e} runs, $\\sum_i x_i$ and \\(a\\_b\\)")).toBe(
      '68% of café runs, $\\sum_i x_i$ and \\(a\\_b\\)',
    );
  });
});
