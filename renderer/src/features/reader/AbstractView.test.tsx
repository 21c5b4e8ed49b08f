// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AbstractView } from './AbstractView.js';

afterEach(cleanup);

describe('AbstractView', () => {
  it('draws inline math legibly and keeps every other character as text', () => {
    render(<AbstractView abstract={'We get $O(n^2)$ time and $\\alpha_{t}$ decay. <img src=x onerror=alert(1)>'} />);
    const region = screen.getByRole('region', { name: 'Abstract' });
    expect(region.querySelector('sup')?.textContent).toBe('2');
    expect(region.querySelector('sub')?.textContent).toBe('t');
    expect(region.textContent).toContain('O(n2) time and αt decay.');
    expect(region.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(region.querySelector('img')).toBeNull();
  });

  it('says what to do when there is no abstract', () => {
    render(<AbstractView abstract={null} />);
    expect(screen.getByRole('region', { name: 'Abstract' }).textContent).toMatch(/no abstract yet/);
  });
});
