import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../../electron/library/import/parse-import.js';
import { readsLikeATitle } from '../../../../electron/library/import/digest/paper-shaped.js';

const OPTIONS = { fileName: null, today: new Date('2026-11-27T09:00:00Z') };

describe('a paste with nothing paper-shaped is refused with a reason', () => {
  it.each([
    ['notes', 'hello world\n\nthis is not a paper at all, just me typing\n\nlorem ipsum dolor sit amet'],
    ['keyboard mash', 'asdf qwer zxcv\nuiop'],
  ])('refuses %s', (_name, text) => {
    expect(() => parseImport(text, 'auto', OPTIONS)).toThrow(
      /input: this does not look like a list of papers.*nothing was imported/,
    );
  });

  it('still reads a title with authors, and a bare list of titles', () => {
    const one = parseImport(
      'Attention Is All You Need\nAshish Vaswani, Noam Shazeer\n\nThe dominant sequence transduction models are based on recurrent networks.',
      'auto',
      OPTIONS,
    );
    expect(one.entries.map((e) => e.title)).toEqual(['Attention Is All You Need']);
    const titles = parseImport(
      'Deep Residual Learning for Image Recognition\n\nLanguage Models are Few-Shot Learners\n',
      'auto',
      OPTIONS,
    );
    expect(titles.entries.length).toBeGreaterThan(0);
  });

  it('tells titles from sentences', () => {
    expect(readsLikeATitle('Scaling Laws for Neural Language Models')).toBe(true);
    expect(readsLikeATitle('lorem ipsum dolor sit amet')).toBe(false);
    expect(readsLikeATitle('Hi')).toBe(false);
  });
});
