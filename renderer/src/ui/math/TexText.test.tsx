// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TexText } from './TexText.js';

afterEach(cleanup);

describe('TexText', () => {
  it('draws each formula as MathML, with no style attribute, and prose TeX as its characters', () => {
    const { container } = render(
      <TexText text={"We bound $\\sum_{i=1}^n x_i$ in 68\\% of caf\\'e runs, $$\\|x\\|_2$$."} />,
    );
    const maths = container.querySelectorAll('math');
    expect(maths).toHaveLength(2);
    expect(maths[0]?.querySelector('msubsup, munderover')).not.toBeNull();
    expect(maths[1]?.getAttribute('display')).toBe('block');
    expect(container.textContent).toContain('in 68% of café runs');
    expect(container.querySelector('[style]')).toBeNull();
    expect(container.innerHTML).not.toMatch(/<sub>|<sup>/);
  });

  it('shows the source when KaTeX refuses a formula, and never lets the source be HTML', () => {
    const { container } = render(
      <TexText text={'A $\\frac{1}{$ and $\\fcolorbox{red}{blue}{x}$ <img src=x onerror=alert(1)>'} />,
    );
    expect(container.querySelector('math')).toBeNull();
    expect(container.querySelectorAll('[data-rendered="source"]')).toHaveLength(2);
    expect(container.textContent).toContain('$\\fcolorbox{red}{blue}{x}$');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('refuses runaway macros and keeps sizes bounded', () => {
    const { container } = render(<TexText text={'$\\def\\a{\\a\\a}\\a$ and $\\rule{100000em}{1em}$'} />);
    const [loop, rule] = [...container.querySelectorAll('.math')];
    expect(loop?.getAttribute('data-rendered')).toBe('source');
    expect(rule?.querySelector('mspace')?.getAttribute('width')).toBe('20em');
  });

  it('renders \\pmb bold without the text shadow KaTeX would put in a style attribute', () => {
    const { container } = render(<TexText text={'$\\pmb{x}$'} />);
    expect(container.querySelector('math')).not.toBeNull();
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('puts TeX’s thin spaces around operator names, which Chromium leaves out', () => {
    const { container } = render(<TexText text={'$O(n \\log n)$ and $\\operatorname{rank}(A)$ and $\\min_x f$'} />);
    const [log, rank, min] = [...container.querySelectorAll('math')];
    expect(log?.querySelectorAll('mspace')).toHaveLength(2);
    expect(rank?.querySelectorAll('mspace')).toHaveLength(0);
    expect(min?.querySelectorAll('mspace')).toHaveLength(1);
    expect(min?.querySelector('msub + mspace')).not.toBeNull();
  });
});
