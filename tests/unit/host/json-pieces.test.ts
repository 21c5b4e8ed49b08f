import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../electron/host/json-pieces.js';

describe('an answer written as JSON in pieces', () => {
  it('joins to the text JSON.stringify gives, long lists cut into slices', async () => {
    const entries = Array.from({ length: 2345 }, (_, i) => ({
      id: `p${i}`,
      title: i % 7 === 0 ? 'Łukasz "quoted" \\ \u2028' : `Paper ${i}`,
      tags: i % 2 === 0 ? [] : ['a', 'b'],
      note: i % 3 === 0 ? undefined : null,
    }));
    const values: unknown[] = [
      { ok: true, data: { added: 2345, ids: entries.map((e) => e.id), entries, failed: [], skipped: undefined } },
      { ok: false, error: { code: 'invalid-request', message: 'nope' } },
      { ok: true, data: [1, undefined, () => 1, 'x'] },
      { ok: true, data: Array.from({ length: 1500 }, (_, i) => (i % 5 === 0 ? undefined : i)) },
      { ok: true, data: { when: new Date(0), nested: { deep: { deeper: Array.from({ length: 1200 }, String) } } } },
      { ok: true, data: null },
      { ok: true, data: {} },
      { ok: true, data: [] },
    ];
    for (const value of values) expect((await jsonPieces(value)).join('')).toBe(JSON.stringify(value));
    expect((await jsonPieces(values[0])).length).toBeGreaterThan(5);
  });
});
