import { describe, expect, it } from 'vitest';
import { journalOf, journalText } from '../../../../electron/library/storage/journal-file.js';
import { syntheticLibrary } from '../../../../scripts/bench/synthetic.js';

describe('journalText', () => {
  it('writes in turns exactly what JSON.stringify writes in one go', async () => {
    const papers = syntheticLibrary(300, 7);
    const journal = journalOf(
      papers.map((p) => p.record),
      new Map(papers.slice(0, 200).map((p) => [p.record.id, p.content])),
      ['gone-1', 'gone-2'],
    );
    expect(await journalText(journal)).toBe(JSON.stringify(journal));
    const empty = journalOf([], new Map(), []);
    expect(await journalText(empty)).toBe(JSON.stringify(empty));
  });
});
