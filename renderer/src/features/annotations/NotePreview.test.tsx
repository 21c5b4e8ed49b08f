// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { withDollarMath } from './note-math.js';
import { NotePreview } from './NotePreview.js';

afterEach(cleanup);

describe('NotePreview', () => {
  it('draws $…$, $$…$$, \\(…\\) and \\[…\\] as MathML, as Obsidian does', () => {
    const note = [
      'Inline $\\sum_{i=1}^n x_i$ and \\(\\alpha\\).',
      '',
      '$$',
      '\\|x\\|_2 \\le 1',
      '$$',
      '',
      '\\[ \\frac{a}{b} \\]',
    ].join('\n');
    const { container } = render(<NotePreview text={note} />);
    const maths = [...container.querySelectorAll('math')];
    expect(maths.map((m) => m.getAttribute('display'))).toEqual([null, null, 'block', 'block']);
    expect(container.querySelector('pre, code')).toBeNull();
    expect(container.querySelector('[style]')).toBeNull();
  });

  it('keeps code, money and raw HTML as text', () => {
    const note = 'Costs $5 and $6. Code `\\(x\\)` stays.\n\n```\n$y$\n```\n\n<img src=x onerror=alert(1)>';
    const { container } = render(<NotePreview text={note} />);
    expect(container.querySelector('math')).toBeNull();
    expect(container.textContent).toContain('Costs $5 and $6.');
    expect(container.querySelector('code')?.textContent).toBe('\\(x\\)');
    expect(container.querySelector('pre')?.textContent).toBe('$y$\n');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('withDollarMath', () => {
  it('rewrites \\(…\\) and \\[…\\] outside code only', () => {
    expect(withDollarMath('a \\(x\\) b `\\(y\\)`\n```\n\\(z\\)\n```')).toBe('a $x$ b `\\(y\\)`\n```\n\\(z\\)\n```');
    expect(withDollarMath('see \\[x^2\\] here')).toBe('see \n$$\nx^2\n$$\n here');
  });
});
