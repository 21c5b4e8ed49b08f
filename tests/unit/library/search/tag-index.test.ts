import { describe, expect, it } from 'vitest';
import {
  patchTagIndex,
  tagIndexInTurns,
  tagIndexOf,
  type TagIndex,
} from '../../../../electron/library/search/tag-index.js';
import { paperRecord } from '../../../helpers/paper-record.js';

/** A small deterministic generator (mulberry32), so a failure names its seed and repeats. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = ['llm', 'LLM', 'vision', 'llm/sparse', 'Ünïcode', 'to-read', 'constructor', '__proto__'];

const plain = (index: TagIndex) => Object.fromEntries([...index].map(([tag, list]) => [tag, [...list]]));

describe('tag index', () => {
  it('is the same made in turns as at once', async () => {
    const records = Array.from({ length: 5000 }, (_, i) =>
      paperRecord(`p${String(i).padStart(7, '0')}`, { tags: [`t${i % 37}`, `G/${i % 5}`, ...(i % 3 ? [] : ['Odd'])] }),
    );
    expect(await tagIndexInTurns(records)).toEqual(tagIndexOf(records));
  });

  it('lists each tag once per paper, case folded, in order', () => {
    const records = [
      paperRecord('aaaaaaa1', { tags: ['LLM', 'llm', 'vision'] }),
      paperRecord('aaaaaaa2', { tags: [] }),
      paperRecord('aaaaaaa3', { tags: ['llm/sparse', 'Vision'] }),
    ];
    expect(plain(tagIndexOf(records))).toEqual({ llm: [0], vision: [0, 2], 'llm/sparse': [2] });
  });

  it.each([1, 2, 3, 4, 5])('patched after random tag edits, equals one made afresh (seed %i)', (seed) => {
    const next = random(seed);
    const pick = () => TAGS.filter(() => next() < 0.3);
    const records = Array.from({ length: 40 }, (_, i) =>
      paperRecord(`p${String(i).padStart(7, '0')}`, { tags: pick() }),
    );
    const index = tagIndexOf(records);
    for (let edit = 0; edit < 300; edit++) {
      const position = Math.floor(next() * records.length);
      const before = records[position];
      if (!before) throw new Error('no record');
      const after = { ...before, tags: pick() };
      records[position] = after;
      patchTagIndex(index, position, before.tags, after.tags);
      expect(plain(index)).toEqual(plain(tagIndexOf(records)));
    }
  });
});
