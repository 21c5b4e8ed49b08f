import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleKey } from '../../../../electron/library/paper/identity.js';
import { random } from '../../../../scripts/bench/synthetic.js';

/** The key as it was defined before ASCII titles got their short cut: the fast path must give the same. */
const reference = (title: string): string =>
  title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const ROOT = path.resolve(import.meta.dirname, '../../../..');

describe('titleKey', () => {
  it('gives every ASCII string the key of the full Unicode rules', () => {
    const next = random(18);
    for (let i = 0; i < 20_000; i++) {
      const length = Math.floor(next() * 40);
      const title = Array.from({ length }, () => String.fromCharCode(Math.floor(next() * 128))).join('');
      expect(titleKey(title)).toBe(reference(title));
    }
  });

  it('gives the titles of a real digest, ASCII or not, the key of the full rules', () => {
    const lines = readFileSync(path.join(ROOT, 'tests/fixtures/daily-papers.txt'), 'utf8').split('\n');
    const extra = ['Ünïcode Ｆｕｌｌ-width № 1', 'Straße', 'ﬁne ligatures', 'Ⅻ roman', 'İstanbul', 'e\u0301'];
    for (const title of [...lines, ...extra]) expect(titleKey(title)).toBe(reference(title));
    expect(lines.length).toBeGreaterThan(100);
  });
});
