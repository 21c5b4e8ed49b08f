// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AbstractView, type TextRange } from './AbstractView.js';

afterEach(cleanup);

describe('AbstractView', () => {
  it('draws formulas as MathML and TeX markup as its characters, keeping every other character as text', () => {
    render(
      <AbstractView
        abstract={'We get $O(n^2)$ time, 68\\% na\\"ive, and $\\alpha_{t}$ decay. <img src=x onerror=alert(1)>'}
      />,
    );
    const region = screen.getByRole('region', { name: 'Abstract' });
    expect(region.querySelectorAll('math')).toHaveLength(2);
    expect(region.querySelector('msup')?.textContent).toBe('n2');
    expect(region.textContent).toContain('time, 68% naïve, and');
    expect(region.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(region.querySelector('img')).toBeNull();
    expect(region.querySelector('[style]')).toBeNull();
  });

  it('maps a selection over shown text back to offsets in the stored text', () => {
    const abstract = "A caf\\'e and $x_i$ here.";
    const ranges: Array<TextRange | null> = [];
    render(<AbstractView abstract={abstract} onSelectText={(range) => ranges.push(range)} />);
    const region = screen.getByRole('region', { name: 'Abstract' });
    const here = [...region.querySelectorAll('[data-start]')].find((el) => el.textContent === ' and ');
    const accent = region.querySelector('[data-atomic="true"]');
    const math = region.querySelector('[data-math="true"] mi');
    if (!here?.firstChild || !accent?.firstChild || !math?.firstChild) throw new Error('pieces missing');
    const range = document.createRange();
    // jsdom lays nothing out; the view asks where the selection is to place its Highlight button.
    range.getBoundingClientRect = () => region.getBoundingClientRect();
    // From inside the é (a piece of markup, taken whole) to inside the formula (taken whole).
    range.setStart(accent.firstChild, 1);
    range.setEnd(math.firstChild, 1);
    document.getSelection()?.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    expect(ranges.at(-1)).toEqual({ start: 5, end: abstract.indexOf(' here') });
    expect(abstract.slice(5, abstract.indexOf(' here'))).toBe("\\'e and $x_i$");
  });

  it('says what to do when there is no abstract', () => {
    render(<AbstractView abstract={null} />);
    expect(screen.getByRole('region', { name: 'Abstract' }).textContent).toMatch(/no abstract yet/);
  });
});
