import { describe, expect, it } from 'vitest';
import {
  applyAnswers,
  conflictCount,
  mergeLines,
  type MergeAnswer,
} from '../../../../electron/library/export/merge/three-way.js';

const BASE = ['## Highlights', '', '> first quote', '', '**Important**', '', '> second quote', '', '**Method**'].join(
  '\n',
);

/** A small deterministic generator, so property checks are repeatable. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Text edited at random: lines dropped, replaced and inserted. */
function edit(text: string, next: () => number, tag: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const roll = next();
    if (roll < 0.15) continue;
    if (roll < 0.3) out.push(`${tag} ${line}`);
    else out.push(line);
    if (next() < 0.15) out.push(`${tag} added ${Math.floor(next() * 1000)}`);
  }
  return out.join('\n');
}

describe('three-way merge of a note section', () => {
  it('takes changes to different lines from both sides without asking', () => {
    const mine = BASE.replace('**Important**', '**Important**: I disagree');
    const margin = `${BASE}\n\n> a new highlight\n\n**Key result**`;
    const chunks = mergeLines(BASE, mine, margin);
    expect(conflictCount(chunks)).toBe(0);
    expect(applyAnswers(chunks, [])).toBe(`${mine}\n\n> a new highlight\n\n**Key result**`);
  });

  it('asks only where both changed the same lines, and applies each answer', () => {
    const mine = BASE.replace('**Method**', '**Method**: mine');
    const margin = BASE.replace('**Method**', '**Method**: a comment in Margin').replace('first quote', 'first, fixed');
    const chunks = mergeLines(BASE, mine, margin);
    expect(conflictCount(chunks)).toBe(1);
    expect(chunks.find((c) => c.kind === 'conflict')).toEqual({
      kind: 'conflict',
      mine: ['**Method**: mine'],
      margin: ['**Method**: a comment in Margin'],
    });
    expect(applyAnswers(chunks, ['mine'])).toBe(mine.replace('first quote', 'first, fixed'));
    expect(applyAnswers(chunks, ['margin'])).toBe(margin);
    expect(applyAnswers(chunks, ['both'])).toBe(
      margin.replace('**Method**: a comment in Margin', '**Method**: mine\n**Method**: a comment in Margin'),
    );
    expect(applyAnswers(chunks, [])).toBeNull();
    expect(applyAnswers(chunks, ['mine', 'mine'])).toBeNull();
  });

  it('does not ask when changes only touch: the user edits a last line and Margin adds one after it', () => {
    const mine = BASE.replace('**Method**', '**Method**: mine');
    const margin = `${BASE}\n\n> third`;
    const chunks = mergeLines(BASE, mine, margin);
    expect(conflictCount(chunks)).toBe(0);
    expect(applyAnswers(chunks, [])).toBe(`${mine}\n\n> third`);
  });

  it('asks when both insert different lines at the same place', () => {
    const chunks = mergeLines('a\nb', 'a\nmine\nb', 'a\nmargin\nb');
    expect(chunks).toEqual([
      { kind: 'same', lines: ['a'] },
      { kind: 'conflict', mine: ['mine'], margin: ['margin'] },
      { kind: 'same', lines: ['b'] },
    ]);
  });

  it('without a base asks about every difference', () => {
    const mine = BASE.replace('first quote', 'first (mine)');
    const margin = BASE.replace('**Method**', '**Method**: new');
    const chunks = mergeLines(null, mine, margin);
    expect(conflictCount(chunks)).toBe(2);
    expect(applyAnswers(chunks, ['mine', 'margin'])).toBe(
      BASE.replace('first quote', 'first (mine)').replace('**Method**', '**Method**: new'),
    );
  });

  it('property: merging with a side that did not change gives the other side', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const changed = edit(BASE, next, 'x');
      expect(applyAnswers(mergeLines(BASE, BASE, changed), [])).toBe(changed);
      expect(applyAnswers(mergeLines(BASE, changed, BASE), [])).toBe(changed);
      expect(applyAnswers(mergeLines(BASE, changed, changed), [])).toBe(changed);
    }
  });

  it('property: every line only the user added survives a merge, whatever the answers (unless they pick Margin for it)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const mine = edit(BASE, next, 'mine');
      const margin = edit(BASE, next, 'margin');
      const chunks = mergeLines(BASE, mine, margin);
      const keepMine: MergeAnswer[] = Array.from({ length: conflictCount(chunks) }, () => 'mine');
      const both: MergeAnswer[] = keepMine.map(() => 'both');
      const added = mine.split('\n').filter((l) => l.startsWith('mine'));
      for (const answers of [keepMine, both]) {
        const merged = applyAnswers(chunks, answers)?.split('\n') ?? [];
        for (const line of added) expect(merged).toContain(line);
      }
      const marginAdded = margin.split('\n').filter((l) => l.startsWith('margin'));
      const takeMargin =
        applyAnswers(
          chunks,
          keepMine.map(() => 'margin'),
        )?.split('\n') ?? [];
      for (const line of marginAdded) expect(takeMargin).toContain(line);
    }
  });
});
