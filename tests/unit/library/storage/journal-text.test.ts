import { describe, expect, it } from 'vitest';
import { journalOf, journalChunks } from '../../../../electron/library/storage/journal-file.js';
import { recordLine, stableStringify } from '../../../../electron/library/storage/stable-json.js';
import { syntheticLibrary } from '../../../../scripts/bench/synthetic.js';

/** The reference: JSON.stringify with a replacer that sorts every object's keys. */
function sortedReference(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

describe('journalChunks', () => {
  it('writes in turns the journal JSON.parse reads back, each paper as its shard will write it', async () => {
    const papers = syntheticLibrary(300, 7);
    const journal = journalOf(
      papers.map((p) => p.record),
      new Map(papers.slice(0, 200).map((p) => [p.record.id, p.content])),
      ['gone-1', 'gone-2'],
    );
    const text = (await journalChunks(journal)).join('');
    expect(JSON.parse(text)).toEqual(journal);
    for (const { record } of papers.slice(0, 20)) expect(text).toContain(`:${sortedReference(record)}`);
    const empty = journalOf([], new Map(), []);
    expect(JSON.parse((await journalChunks(empty)).join(''))).toEqual(empty);
  });

  it('comes in pieces of about a megabyte that join into the whole journal', async () => {
    const papers = syntheticLibrary(2000, 11);
    const journal = journalOf(
      papers.map((p) => p.record),
      new Map(papers.map((p) => [p.record.id, p.content])),
      [],
    );
    const chunks = await journalChunks(journal);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(1 << 20);
    expect(JSON.parse(chunks.join(''))).toEqual(journal);
  });
});

describe('stable JSON', () => {
  it("reuses a journal's line for a paper in a shard, and remembers nothing new from a shard write", () => {
    const [a, b] = syntheticLibrary(2, 5).map((p) => p.record);
    if (!a || !b) throw new Error('two papers expected');
    const cache = new WeakMap<object, string>();
    const fromJournal = recordLine(a);
    cache.set(a, fromJournal);
    const shard = { version: 1, papers: { [a.id]: a, [b.id]: b } };
    const text = stableStringify(shard, 2, cache);
    expect(text).toContain(fromJournal);
    expect(text).toContain(sortedReference(b));
    expect(cache.has(b)).toBe(false);
    expect(JSON.parse(text)).toEqual(shard);
  });

  it('writes each record as JSON.stringify with sorted keys does, on real-looking and awkward values', () => {
    const awkward = {
      z: 1,
      a: [3, undefined, { y: 'é\u2028"\\', b: null }, () => 1],
      m: undefined,
      n: { '10': 'ten', '2': 'two', b: [], a: {}, '4294967295': 'not an index', '07': 'nor this' },
      s: '\ud83d\ude00 \u0000',
      f: -0,
      big: 1e21,
      nan: Number.NaN,
    };
    const ownProto = JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": [{"__proto__": 2}]}') as object;
    const bare = Object.assign(Object.create(null) as object, { b: 1, a: { d: 2, c: [{ f: 1, e: 2 }, 3] } });
    const mixed = {
      list: [
        { b: 1, a: 2 },
        { c: 3, a: { z: 1, y: [{ x: 0, w: undefined }] } },
      ],
      map: new Map([[1, 2]]),
    };
    for (const value of [
      awkward,
      ownProto,
      bare,
      mixed,
      ...syntheticLibrary(200, 3).flatMap((p) => [p.record, p.content]),
    ])
      expect(recordLine(value)).toBe(sortedReference(value));
  });

  it('puts one record per line in a shard, and keeps the bytes the same however the keys were added', () => {
    const [one, two] = syntheticLibrary(2, 5);
    if (!one || !two) throw new Error('no papers');
    const reversed = Object.fromEntries(Object.entries(one.record).reverse());
    const shard = (record: object) => stableStringify({ version: 1, papers: { [one.record.id]: record } }, 2);
    expect(shard(reversed)).toBe(shard({ ...one.record }));
    expect(shard(one.record).split('\n')).toHaveLength(7); // 6 lines and the last newline
    expect(JSON.parse(shard(one.record))).toEqual({ version: 1, papers: { [one.record.id]: one.record } });
  });
});
