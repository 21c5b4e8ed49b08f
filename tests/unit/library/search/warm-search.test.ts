import { describe, expect, it } from 'vitest';
import type { SearchQuery } from '../../../../electron/library/search/query.js';
import { RecordCache } from '../../../../electron/library/search/record-cache.js';
import type { OrdinalHits, TextSearch } from '../../../../electron/library/search/text-search.js';
import { warmSearch } from '../../../../electron/library/search/warm-search.js';
import type { SearchEngineStatus } from '../../../../electron/library/search/worker-protocol.js';
import { paperRecord } from '../../../helpers/paper-record.js';

/** A text search that finds every paper and notes what it was asked. */
function everyPaper(mode: SearchEngineStatus['mode']): TextSearch & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    matching: async () => ({ ids: [], scores: null }),
    matchingOrdinals: async (query: SearchQuery, order: readonly string[]): Promise<OrdinalHits> => {
      asked.push([...query.words].join(' '));
      return {
        ordinals: Int32Array.from(order.keys()),
        scored: { ordinals: new Int32Array(0), scores: new Float64Array(0) },
      };
    },
    page: async () => null,
    invalidate: () => undefined,
    status: () =>
      mode === 'scan' ? { mode, reason: 'test' } : mode === 'building' ? { mode, done: 0, total: 1 } : { mode },
    close: async () => undefined,
  };
}

const records = [paperRecord('aaaaaaa1', { tags: ['llm'] }), paperRecord('aaaaaaa2', { tags: ['Vision'] })];

describe('warmSearch', () => {
  it('makes the newest-first order, runs one search through the index, and makes the tag index', async () => {
    const cache = new RecordCache(
      async () => [...records],
      async () => undefined,
    );
    const search = everyPaper('index');
    await warmSearch(cache, search, () => true);
    expect(search.asked).toEqual(['margin', 'e']);
    const ordered = await cache.orderedBy('added');
    expect([...(ordered.tagIndex?.keys() ?? [])].sort()).toEqual(['llm', 'vision']);
  });

  it('runs no search over a scan while the index is built', async () => {
    const cache = new RecordCache(
      async () => [...records],
      async () => undefined,
    );
    const search = everyPaper('building');
    await warmSearch(cache, search, () => true);
    expect(search.asked).toEqual(['margin']);
  });

  it('stops once the library is closed', async () => {
    const cache = new RecordCache(
      async () => [...records],
      async () => undefined,
    );
    const search = everyPaper('index');
    await warmSearch(cache, search, () => false);
    expect(search.asked).toEqual([]);
    expect((await cache.orderedBy('added')).tagIndex).toBeNull();
  });
});
