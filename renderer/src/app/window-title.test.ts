import { describe, expect, it } from 'vitest';
import { windowTitle } from './window-title.js';

describe('window title', () => {
  it('names the open paper, then the app', () => {
    expect(windowTitle('Attention Is All You Need')).toBe('Attention Is All You Need — Margin');
    expect(windowTitle(null)).toBe('Margin');
    expect(windowTitle('   ')).toBe('Margin');
  });

  it('shows prose TeX as the characters it means, keeps formulas, and flattens whitespace and controls', () => {
    expect(windowTitle("Caf\\'e at 68\\% with $O(n^2)$")).toBe('Café at 68% with $O(n^2)$ — Margin');
    expect(windowTitle('Line one\nline\ttwo\u0000\u202e')).toBe('Line one line two — Margin');
  });

  it('shortens a long title', () => {
    const title = windowTitle('word '.repeat(100));
    expect(title.endsWith('… — Margin')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(120 + ' — Margin'.length);
  });
});
