import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';
import type { Sort } from '../../../../shared/models/views.js';
import { comparator, RecordCache, sortedOrdinals } from '../../../../electron/library/search/record-cache.js';
import { tagIndexOf } from '../../../../electron/library/search/tag-index.js';
import { sortInTurns } from '../../../../electron/library/storage/turns.js';
import { CountsTally, type LibraryCounts } from '../../../../electron/library/search/library-counts.js';
import { syntheticLibrary } from '../../../../scripts/bench/synthetic.js';

const rec = paperRecord;

const ids = (records: readonly PaperRecord[]): string[] => records.map((r) => r.id);

function sortedIds(records: readonly PaperRecord[], sort: Sort): string[] {
  return ids([...records].sort(comparator(sort)));
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(reason: unknown): void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined;
  let reject: (reason: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every promise callback queued so far run. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A store the cache reads from: `load` answers a copy of the current records (as the library does),
 * `getRecord` the current one; both count their calls.
 */
function fakeStore(initial: PaperRecord[]) {
  const current = new Map<string, PaperRecord>(initial.map((r) => [r.id, r]));
  const store = {
    loads: 0,
    gets: [] as string[],
    put(record: PaperRecord): void {
      current.set(record.id, record);
    },
    remove(id: string): void {
      current.delete(id);
    },
    load: async (): Promise<PaperRecord[]> => {
      store.loads++;
      return [...current.values()];
    },
    getRecord: async (id: string): Promise<PaperRecord | undefined> => {
      store.gets.push(id);
      return current.get(id);
    },
  };
  return store;
}

function cacheOver(store: ReturnType<typeof fakeStore>): RecordCache {
  return new RecordCache(store.load, store.getRecord);
}

describe('sortedOrdinals', () => {
  it.each([1, 2, 3])(
    'orders as the comparator does, dates shared, titles tied, and odd date shapes (seed %i)',
    async (seed) => {
      let state = seed;
      const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
      const titles = ['Alpha', 'alpha', 'Älpha', 'Paper 9', 'Paper 10', 'beta', 'Beta', '', 'Zeta 2'];
      const dates = [
        '2026-01-01T00:00:00.000Z',
        '2026-01-01T00:00:00.001Z',
        '2025-12-31T23:59:59.999Z',
        '2026-03-01T10:00:00.000Z',
      ];
      const records = Array.from({ length: 300 }, (_, i) =>
        paperRecord(`p${String(i).padStart(7, '0')}`, {
          title: titles[Math.floor(next() * titles.length)] ?? '',
          addedAt: dates[Math.floor(next() * dates.length)] ?? '',
          year: next() < 0.2 ? null : 2000 + Math.floor(next() * 5),
        }),
      );
      for (const sort of ['added', 'relevance', 'title', 'year'] as const) {
        const expected = [...records].sort(comparator(sort));
        expect((await sortedOrdinals(records, sort)).map((i) => records[i]?.id)).toEqual(expected.map((r) => r.id));
      }
      // One date in another shape (no milliseconds): string order, as the comparator has it.
      const odd = [...records, paperRecord('podd0001', { addedAt: '2026-01-01T00:00:00Z' })];
      expect((await sortedOrdinals(odd, 'added')).map((i) => odd[i]?.id)).toEqual(
        [...odd].sort(comparator('added')).map((r) => r.id),
      );
    },
  );
});

describe('sortInTurns', () => {
  it('sorts as the engine does, stably, at every size around its runs', async () => {
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    for (const size of [0, 1, 2, 2047, 2048, 2049, 4097, 9000]) {
      // Few distinct keys, so most items tie and stability shows.
      const items = Array.from({ length: size }, (_, i) => ({ key: Math.floor(next() * 50), i }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      expect(await sortInTurns(items, byKey)).toEqual([...items].sort(byKey));
      expect(items.map((x) => x.i)).toEqual(Array.from({ length: size }, (_, i) => i)); // left as it was
    }
  });

  it('lets the event loop run while it sorts', async () => {
    const items = Array.from({ length: 200_000 }, (_, i) => `k${(i * 7919) % 200_003}`);
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const collator = new Intl.Collator('en');
    const sorted = await sortInTurns(items, (a, b) => collator.compare(a, b));
    clearInterval(ticking);
    expect(sorted).toEqual([...items].sort((a, b) => collator.compare(a, b)));
    expect(turns).toBeGreaterThan(2);
  });
});

describe('comparator', () => {
  describe('added', () => {
    it('puts the newest first', () => {
      const records = [
        rec('aaaaaaa1', { addedAt: '2026-01-02T00:00:00.000Z' }),
        rec('aaaaaaa2', { addedAt: '2026-01-03T00:00:00.000Z' }),
        rec('aaaaaaa3', { addedAt: '2026-01-01T00:00:00.000Z' }),
      ];
      expect(sortedIds(records, 'added')).toEqual(['aaaaaaa2', 'aaaaaaa1', 'aaaaaaa3']);
    });

    it('orders papers added at the same moment by title', () => {
      const at = '2026-01-01T00:00:00.000Z';
      const records = [
        rec('aaaaaaa1', { addedAt: at, title: 'Gamma' }),
        rec('aaaaaaa2', { addedAt: at, title: 'alpha' }),
        rec('aaaaaaa3', { addedAt: at, title: 'Beta' }),
      ];
      expect(sortedIds(records, 'added')).toEqual(['aaaaaaa2', 'aaaaaaa3', 'aaaaaaa1']);
    });

    it('answers 0 for two papers with the same date and title, and is antisymmetric otherwise', () => {
      const compare = comparator('added');
      const a = rec('aaaaaaa1', { title: 'Same' });
      const b = rec('aaaaaaa2', { title: 'Same' });
      const newer = rec('aaaaaaa3', { addedAt: '2026-02-01T00:00:00.000Z' });
      expect(compare(a, b)).toBe(0);
      expect(compare(newer, a)).toBe(-1);
      expect(compare(a, newer)).toBe(1);
    });
  });

  describe('title', () => {
    it('ignores case and accents', () => {
      const compare = comparator('title');
      expect(compare(rec('aaaaaaa1', { title: 'Étude' }), rec('aaaaaaa2', { title: 'etude' }))).toBe(0);
      expect(compare(rec('aaaaaaa1', { title: 'apple' }), rec('aaaaaaa2', { title: 'Banana' }))).toBeLessThan(0);
    });

    it('sorts numbers in titles by value', () => {
      const records = [
        rec('aaaaaaa1', { title: 'Part 10' }),
        rec('aaaaaaa2', { title: 'Part 9' }),
        rec('aaaaaaa3', { title: 'Part 1' }),
      ];
      expect(sortedIds(records, 'title')).toEqual(['aaaaaaa3', 'aaaaaaa2', 'aaaaaaa1']);
    });

    it('does not look at the date added', () => {
      const records = [
        rec('aaaaaaa1', { title: 'B', addedAt: '2020-01-01T00:00:00.000Z' }),
        rec('aaaaaaa2', { title: 'A', addedAt: '2019-01-01T00:00:00.000Z' }),
      ];
      expect(sortedIds(records, 'title')).toEqual(['aaaaaaa2', 'aaaaaaa1']);
    });
  });

  describe('year', () => {
    it('puts the newest year first, papers without a year last, and ties by title', () => {
      const records = [
        rec('aaaaaaa1', { year: null, title: 'B' }),
        rec('aaaaaaa2', { year: 2019, title: 'Z' }),
        rec('aaaaaaa3', { year: 2024, title: 'M' }),
        rec('aaaaaaa4', { year: null, title: 'A' }),
        rec('aaaaaaa5', { year: 2024, title: 'c' }),
        rec('aaaaaaa6', { year: 0, title: 'Zero' }),
      ];
      expect(sortedIds(records, 'year')).toEqual([
        'aaaaaaa5',
        'aaaaaaa3',
        'aaaaaaa2',
        'aaaaaaa6',
        'aaaaaaa4',
        'aaaaaaa1',
      ]);
    });

    it('compares two papers without a year by title (not NaN)', () => {
      const compare = comparator('year');
      expect(compare(rec('aaaaaaa1', { year: null, title: 'B' }), rec('aaaaaaa2', { year: null, title: 'A' }))).toBe(1);
      expect(compare(rec('aaaaaaa1', { year: null, title: 'A' }), rec('aaaaaaa2', { year: null, title: 'a' }))).toBe(0);
    });
  });

  it('throws on a sort it does not know', () => {
    expect(() => comparator('newest' as unknown as Sort)).toThrow('unexpected value: newest');
  });
});

describe('RecordCache', () => {
  const a = rec('aaaaaaa1', { title: 'Charlie', year: 2020, addedAt: '2026-01-01T00:00:00.000Z' });
  const b = rec('aaaaaaa2', { title: 'alpha', year: 2024, addedAt: '2026-01-03T00:00:00.000Z' });
  const c = rec('aaaaaaa3', { title: 'Bravo', year: null, addedAt: '2026-01-02T00:00:00.000Z' });
  const library = () => [a, b, c];

  describe('records', () => {
    it('loads once and answers the same array afterwards', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const first = await cache.records();
      expect(ids(first)).toEqual(['aaaaaaa1', 'aaaaaaa2', 'aaaaaaa3']);
      expect(await cache.records()).toBe(first);
      expect(store.loads).toBe(1);
    });

    it('loads again after a failed load', async () => {
      let calls = 0;
      const cache = new RecordCache(
        async () => {
          calls++;
          if (calls === 1) throw new Error('disk unplugged');
          return library();
        },
        async () => undefined,
      );
      await expect(cache.records()).rejects.toThrow('disk unplugged');
      expect(ids(await cache.records())).toEqual(['aaaaaaa1', 'aaaaaaa2', 'aaaaaaa3']);
      expect(calls).toBe(2);
    });

    it('answers an empty library as an empty list, and keeps it', async () => {
      const store = fakeStore([]);
      const cache = cacheOver(store);
      expect(await cache.records()).toEqual([]);
      expect(await cache.sortedBy('title')).toEqual([]);
      expect(store.loads).toBe(1);
    });
  });

  describe('sortedBy', () => {
    it('sorts in each order without touching the order of records()', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      expect(ids(await cache.sortedBy('added'))).toEqual(['aaaaaaa2', 'aaaaaaa3', 'aaaaaaa1']);
      expect(ids(await cache.sortedBy('title'))).toEqual(['aaaaaaa2', 'aaaaaaa3', 'aaaaaaa1']);
      expect(ids(await cache.sortedBy('year'))).toEqual(['aaaaaaa2', 'aaaaaaa1', 'aaaaaaa3']);
      expect(ids(await cache.records())).toEqual(['aaaaaaa1', 'aaaaaaa2', 'aaaaaaa3']);
      expect(store.loads).toBe(1);
    });

    it('keeps each order: the same array until something changes', async () => {
      const cache = cacheOver(fakeStore(library()));
      const byTitle = await cache.sortedBy('title');
      expect(await cache.sortedBy('title')).toBe(byTitle);
      expect(await cache.sortedBy('year')).not.toBe(byTitle);
      expect(byTitle).not.toBe(await cache.records());
    });

    it('sorts once for queries that ask at the same time, and once for relevance and newest first', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const [first, second, byRelevance] = await Promise.all([
        cache.orderedBy('added'),
        cache.orderedBy('added'),
        cache.orderedBy('relevance'),
      ]);
      expect(second).toBe(first);
      expect(byRelevance).toBe(first);
      expect(store.loads).toBe(1);
    });

    it('keeps a tag index true through tag edits, without making it again', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const ordered = await cache.orderedBy('added');
      ordered.tagIndex = tagIndexOf(ordered.records);
      const index = ordered.tagIndex;
      const [, second] = ordered.records;
      if (!second) throw new Error('no second record');
      store.put({ ...second, tags: ['Fresh', 'fresh/sub'] });
      await cache.refresh([second.id]);
      const after = await cache.orderedBy('added');
      expect(after.tagIndex).toBe(index);
      expect([...(after.tagIndex?.get('fresh') ?? [])]).toEqual([1]);
      expect([...(after.tagIndex?.get('fresh/sub') ?? [])]).toEqual([1]);
    });

    it('fails like the load does, and sorts on the next call', async () => {
      let fail = true;
      const cache = new RecordCache(
        async () => {
          if (fail) throw new Error('unreadable');
          return library();
        },
        async () => undefined,
      );
      await expect(cache.sortedBy('added')).rejects.toThrow('unreadable');
      fail = false;
      expect(ids(await cache.sortedBy('added'))).toEqual(['aaaaaaa2', 'aaaaaaa3', 'aaaaaaa1']);
    });
  });

  describe('refresh: edits that keep every order are patched in place', () => {
    it('replaces a record whose tags, status and counts changed, in records() and every order', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const all = await cache.records();
      const byTitle = await cache.sortedBy('title');
      const byYear = await cache.sortedBy('year');
      const edited = { ...a, tags: ['llm'], status: 'read' as const, annotationCount: 3, hasNote: true };
      store.put(edited);

      await cache.refresh([a.id]);

      expect(store.gets).toEqual([a.id]);
      expect(store.loads).toBe(1);
      expect(await cache.records()).toBe(all);
      expect(all[0]).toBe(edited);
      expect(await cache.sortedBy('title')).toBe(byTitle);
      expect(byTitle[2]).toBe(edited);
      expect(await cache.sortedBy('year')).toBe(byYear);
      expect(byYear[1]).toBe(edited);
      expect(ids(byYear)).toEqual(['aaaaaaa2', 'aaaaaaa1', 'aaaaaaa3']);
    });

    it('patches several records in one refresh', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const byAdded = await cache.sortedBy('added');
      const editedA = { ...a, status: 'archived' as const };
      const editedC = { ...c, tags: ['x'] };
      store.put(editedA);
      store.put(editedC);

      await cache.refresh([c.id, a.id]);

      expect(store.gets).toEqual([c.id, a.id]);
      expect(byAdded).toEqual([b, editedC, editedA]);
      expect(await cache.records()).toEqual([editedA, b, editedC]);
      expect(store.loads).toBe(1);
    });

    it('builds an order asked for after a patch from the patched records', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      await cache.records();
      const edited = { ...b, tags: ['new'] };
      store.put(edited);
      await cache.refresh([b.id]);
      expect((await cache.sortedBy('title'))[0]).toBe(edited);
      expect(store.loads).toBe(1);
    });

    it('patches a record moved from one Trash date to another (still in the Trash)', async () => {
      const trashed = { ...a, trashedAt: '2026-02-01T00:00:00.000Z' };
      const store = fakeStore([trashed, b]);
      const cache = cacheOver(store);
      const all = await cache.records();
      const again = { ...trashed, trashedAt: '2026-03-01T00:00:00.000Z' };
      store.put(again);
      await cache.refresh([a.id]);
      expect(await cache.records()).toBe(all);
      expect(all[0]).toBe(again);
      expect(store.loads).toBe(1);
    });

    it('does nothing visible for an empty list of ids', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const all = await cache.records();
      await cache.refresh([]);
      expect(await cache.records()).toBe(all);
      expect(store.gets).toEqual([]);
      expect(store.loads).toBe(1);
    });
  });

  describe('refresh: anything else starts afresh', () => {
    it.each([
      ['title', { title: 'Zulu' }],
      ['date added', { addedAt: '2027-01-01T00:00:00.000Z' }],
      ['year', { year: 1999 }],
      ['year (to none)', { year: null }],
      ['Trash (moved in)', { trashedAt: '2026-02-01T00:00:00.000Z' }],
    ] as const)('reloads when the %s changed', async (_what, change) => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const all = await cache.records();
      const byTitle = await cache.sortedBy('title');
      const edited = { ...a, ...change };
      store.put(edited);

      await cache.refresh([a.id]);

      const fresh = await cache.records();
      expect(store.loads).toBe(2);
      expect(fresh).not.toBe(all);
      expect(fresh).toContain(edited);
      expect(await cache.sortedBy('title')).not.toBe(byTitle);
      expect(ids(await cache.sortedBy('title'))).toEqual(sortedIds([edited, b, c], 'title'));
    });

    it('reloads when a paper leaves the Trash', async () => {
      const trashed = { ...a, trashedAt: '2026-02-01T00:00:00.000Z' };
      const store = fakeStore([trashed, b]);
      const cache = cacheOver(store);
      await cache.records();
      store.put({ ...trashed, trashedAt: null });
      await cache.refresh([a.id]);
      expect((await cache.records()).map((r) => r.trashedAt)).toEqual([null, null]);
      expect(store.loads).toBe(2);
    });

    it('reloads for a paper it has not seen (an import)', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      await cache.sortedBy('added');
      const added = rec('aaaaaaa4', { addedAt: '2026-05-01T00:00:00.000Z' });
      store.put(added);
      await cache.refresh([added.id]);
      expect(ids(await cache.sortedBy('added'))).toEqual(['aaaaaaa4', 'aaaaaaa2', 'aaaaaaa3', 'aaaaaaa1']);
      expect(store.loads).toBe(2);
    });

    it('reloads for a paper that is gone (deleted for good), and stops asking for the rest', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      await cache.records();
      store.remove(b.id);
      await cache.refresh([b.id, a.id]);
      expect(store.gets).toEqual([b.id]);
      expect(ids(await cache.records())).toEqual(['aaaaaaa1', 'aaaaaaa3']);
      expect(store.loads).toBe(2);
    });

    it('reloads when one of several papers moved, even if the others only had their tags changed', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      await cache.sortedBy('title');
      store.put({ ...a, tags: ['t'] });
      store.put({ ...b, title: 'Zulu' });
      await cache.refresh([a.id, b.id]);
      expect(ids(await cache.sortedBy('title'))).toEqual(['aaaaaaa3', 'aaaaaaa1', 'aaaaaaa2']);
      expect((await cache.records()).find((r) => r.id === a.id)?.tags).toEqual(['t']);
      expect(store.loads).toBe(2);
    });

    it('reloads, and still resolves, when reading a changed paper fails', async () => {
      const store = fakeStore(library());
      let fail = true;
      const cache = new RecordCache(store.load, async (id) => {
        if (fail) throw new Error('shard unreadable');
        return store.getRecord(id);
      });
      await cache.records();
      store.put({ ...a, title: 'Changed' });
      await expect(cache.refresh([a.id])).resolves.toBeUndefined();
      expect((await cache.records()).find((r) => r.id === a.id)?.title).toBe('Changed');
      expect(store.loads).toBe(2);
      // A failed refresh does not break the next one.
      fail = false;
      store.put({ ...a, title: 'Changed', tags: ['ok'] });
      await cache.refresh([a.id]);
      expect((await cache.records()).find((r) => r.id === a.id)?.tags).toEqual(['ok']);
      expect(store.loads).toBe(2);
    });

    it('starts afresh on a refresh before anything was loaded, without reading the papers', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      await cache.refresh([a.id]);
      expect(store.gets).toEqual([]);
      expect(store.loads).toBe(0);
      expect(ids(await cache.records())).toEqual(['aaaaaaa1', 'aaaaaaa2', 'aaaaaaa3']);
      expect(store.loads).toBe(1);
    });
  });

  describe('invalidate', () => {
    it('drops the records and every order', async () => {
      const store = fakeStore(library());
      const cache = cacheOver(store);
      const all = await cache.records();
      const byYear = await cache.sortedBy('year');
      store.put({ ...c, year: 2030 });
      cache.invalidate();
      expect(await cache.records()).not.toBe(all);
      expect(ids(await cache.sortedBy('year'))).toEqual(['aaaaaaa3', 'aaaaaaa2', 'aaaaaaa1']);
      expect(await cache.sortedBy('year')).not.toBe(byYear);
      expect(store.loads).toBe(2);
    });

    it('keeps a load that was under way when it was called from being kept', async () => {
      const store = fakeStore(library());
      const gate = deferred<void>();
      const cache = new RecordCache(async () => {
        const loaded = await store.load();
        await gate.promise;
        return loaded;
      }, store.getRecord);
      const reading = cache.records();
      await settle();
      cache.invalidate();
      gate.resolve();
      expect(ids(await reading)).toEqual(['aaaaaaa1', 'aaaaaaa2', 'aaaaaaa3']);
      await cache.records();
      expect(store.loads).toBe(2);
    });
  });

  describe('reads wait for a refresh under way', () => {
    it('answers records() only after the patch, with the edited record', async () => {
      const store = fakeStore(library());
      const gate = deferred<void>();
      const cache = new RecordCache(store.load, async (id) => {
        await gate.promise;
        return store.getRecord(id);
      });
      await cache.records();
      const edited = { ...a, status: 'reading' as const };
      store.put(edited);
      const refreshing = cache.refresh([a.id]);
      let answered: PaperRecord[] | null = null;
      const reading = cache.records().then((records) => {
        answered = records;
      });
      const sorting = cache.sortedBy('title');
      await settle();
      expect(answered).toBeNull();
      gate.resolve();
      await Promise.all([refreshing, reading]);
      expect(answered).not.toBeNull();
      expect((await sorting)[2]).toBe(edited);
      expect((await cache.records())[0]).toBe(edited);
      expect(store.loads).toBe(1);
    });

    it('runs refreshes one after another, in the order asked', async () => {
      const store = fakeStore(library());
      const gates = new Map<string, Deferred<void>>([
        [a.id, deferred<void>()],
        [b.id, deferred<void>()],
      ]);
      const started: string[] = [];
      const cache = new RecordCache(store.load, async (id) => {
        started.push(id);
        await gates.get(id)?.promise;
        return store.getRecord(id);
      });
      await cache.records();
      const first = cache.refresh([a.id]);
      const second = cache.refresh([b.id]);
      await settle();
      expect(started).toEqual([a.id]);
      gates.get(a.id)?.resolve();
      await first;
      await settle();
      expect(started).toEqual([a.id, b.id]);
      gates.get(b.id)?.resolve();
      await second;
      expect(store.loads).toBe(1);
    });

    it('does not keep a load that a refresh overtook: the next read loads the edit', async () => {
      const store = fakeStore(library());
      const gate = deferred<void>();
      let stale: PaperRecord[] | null = null;
      const cache = new RecordCache(async () => {
        const loaded = await store.load();
        if (store.loads === 1) {
          stale = loaded;
          await gate.promise;
        }
        return loaded;
      }, store.getRecord);
      const reading = cache.records();
      await settle();
      const edited = { ...a, title: 'Renamed' };
      store.put(edited);
      await cache.refresh([a.id]);
      gate.resolve();
      expect(await reading).toBe(stale);
      const fresh = await cache.records();
      expect(fresh).toContain(edited);
      expect(fresh).not.toBe(stale);
      expect(store.loads).toBe(2);
    });

    it('keeps every edit patched while a large order is made in turns', async () => {
      const many = Array.from({ length: 150_000 }, (_, i) =>
        rec(`p${String(i).padStart(8, '0')}`, { title: `Paper ${(i * 7919) % 150_000}` }),
      );
      const store = fakeStore(many);
      const cache = cacheOver(store);
      await cache.records();
      let done = false;
      const sorting = cache.sortedBy('title').finally(() => (done = true));
      let edits = 0;
      while (!done) {
        const target = many[(edits * 4099) % many.length] as PaperRecord;
        store.put({ ...target, tags: [`edit-${edits}`] });
        await cache.refresh([target.id]);
        edits++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      const ordered = await sorting;
      expect(edits).toBeGreaterThan(1);
      const current = new Map((await cache.records()).map((r) => [r.id, r]));
      expect(ordered.every((r) => current.get(r.id) === r)).toBe(true);
      expect(ids(ordered)).toEqual(sortedIds(many, 'title'));
    });

    it('does not keep an order sorted from records loaded before a refresh', async () => {
      const store = fakeStore(library());
      const gate = deferred<void>();
      const cache = new RecordCache(async () => {
        const loaded = await store.load();
        if (store.loads === 1) await gate.promise;
        return loaded;
      }, store.getRecord);
      const sorting = cache.sortedBy('title');
      await settle();
      store.put({ ...c, title: 'Zulu' });
      await cache.refresh([c.id]);
      gate.resolve();
      expect(ids(await sorting)).toEqual(['aaaaaaa2', 'aaaaaaa3', 'aaaaaaa1']);
      expect(ids(await cache.sortedBy('title'))).toEqual(['aaaaaaa2', 'aaaaaaa1', 'aaaaaaa3']);
    });
  });
});

describe('counts (the overview)', () => {
  /** The counts made afresh, a paper at a time: what the kept counts must equal. */
  const countedAfresh = (records: readonly PaperRecord[]): Promise<LibraryCounts> => {
    const tally = new CountsTally();
    for (const record of records) tally.add(record);
    return tally.result();
  };
  const library = syntheticLibrary(20_000, 7).map((p) => p.record);

  it('takes back exactly what it added: removing papers gives the counts of the rest', async () => {
    const tally = new CountsTally();
    for (const record of library) tally.add(record);
    for (const record of library.slice(0, 15_000)) tally.remove(record);
    expect(await tally.result()).toEqual(await countedAfresh(library.slice(15_000)));
    // A tag no paper has any more is gone, and so is a spelling no paper writes.
    const spelled = [rec('aaaaaaa1', { tags: ['ML/rl'] }), rec('aaaaaaa2', { tags: ['ml'] })];
    const two = new CountsTally();
    spelled.forEach((r) => two.add(r));
    two.remove(spelled[0] as PaperRecord);
    expect((await two.result()).tags).toEqual([{ tag: 'ml', count: 1 }]);
  });

  it('counts once per load, and keeps the counts true through edits without counting again', async () => {
    const store = fakeStore(library);
    const cache = cacheOver(store);
    expect(await cache.counts()).toEqual(await countedAfresh(library));
    const [first, second, third] = library;
    if (!first || !second || !third) throw new Error('a library of papers');
    const edited = [
      { ...first, tags: ['Fresh/Tag', ...first.tags] },
      { ...second, status: 'read' as const, tags: [] },
      { ...third, tags: [...third.tags, 'fresh'] },
    ];
    edited.forEach((r) => store.put(r));
    await cache.refresh(edited.map((r) => r.id));
    const now = await store.load();
    expect(await cache.counts()).toEqual(await countedAfresh(now));
    expect(store.loads).toBe(2); // once by the cache, once above: the edits were patched, not loaded again
  });

  it('counts an edit made while it counts exactly once, whether it was reached yet or not', async () => {
    const store = fakeStore(library);
    const cache = cacheOver(store);
    await cache.records();
    const counting = cache.counts();
    // Edits to papers early and late in the records, patched while the counting goes on in turns.
    const early = { ...(library[1] as PaperRecord), tags: ['while/counting'], status: 'reading' as const };
    const late = { ...(library[19_990] as PaperRecord), tags: ['while/counting'], status: 'read' as const };
    store.put(early);
    store.put(late);
    await Promise.all([cache.refresh([early.id]), cache.refresh([late.id])]);
    const now = await store.load();
    expect(await counting).toEqual(await countedAfresh(now));
    expect(await cache.counts()).toEqual(await countedAfresh(now));
  });

  it('counts afresh after anything that starts afresh (an import)', async () => {
    const store = fakeStore(library.slice(0, 100));
    const cache = cacheOver(store);
    expect((await cache.counts()).total).toBe(100);
    const imported = library[100] as PaperRecord;
    store.put(imported);
    await cache.refresh([imported.id]);
    expect(await cache.counts()).toEqual(await countedAfresh(library.slice(0, 101)));
  });

  it('keeps its tags in order through edits that move counts, and through those that add, drop or respell a tag', async () => {
    const now = library.slice(0, 3000);
    const tally = new CountsTally();
    now.forEach((r) => tally.add(r));
    expect(await tally.result()).toEqual(await countedAfresh(now));
    const edit = async (at: number, change: (r: PaperRecord) => Partial<PaperRecord>) => {
      const old = now[at] as PaperRecord;
      const next = { ...old, ...change(old) };
      tally.remove(old);
      tally.add(next);
      now[at] = next;
      expect(await tally.result()).toEqual(await countedAfresh(now));
    };
    await edit(0, () => ({ status: 'read' })); // counts move, no tag comes or goes
    await edit(1, (r) => ({ tags: [...r.tags, 'Aardvark/new'] })); // two new tags, first in the order
    await edit(2, (r) => ({ tags: [...r.tags, 'zebra'] })); // a new tag, last
    await edit(1, (r) => ({ tags: r.tags.filter((t) => t !== 'Aardvark/new') })); // both gone again
    await edit(3, (r) => ({ tags: [...r.tags, 'ZEBRA'] })); // another spelling, as common
    await edit(4, (r) => ({ tags: [...r.tags, 'ZEBRA'] })); // now the commonest
    await edit(5, () => ({ trashedAt: '2026-11-28T12:00:00.000Z' })); // to the Trash: its tags count no more
    // `fi` sorts before the ligature `ﬁ` (a tag of its own), `FI` after it: a new spelling can move a tag.
    await edit(6, (r) => ({ tags: [...r.tags, 'fi'] }));
    await edit(7, (r) => ({ tags: [...r.tags, '\uFB01'] }));
    await edit(8, (r) => ({ tags: [...r.tags, 'fi'] }));
    await edit(9, (r) => ({ tags: [...r.tags, 'FI'] })); // a second spelling, less common
    await edit(10, (r) => ({ tags: [...r.tags, 'FI'] })); // as common, and first in code-unit order: shown
    await edit(11, (r) => ({ tags: [...r.tags, 'fl'] }));
    await edit(12, (r) => ({ tags: [...r.tags, '\uFB02'] }));
    await edit(13, (r) => ({ tags: [...r.tags, 'FL'] })); // a second spelling, at once as common as the first: shown
  });

  it("lists every tag in the collator's order, however many there are", async () => {
    // More tags than one sorted run of sortInTurns, in an order far from the collator's (case, accents, digits).
    const starts = ['alpha', 'Beta', 'élan', 'zeta', 'Ωmega', 'Élan', '10x'];
    const tally = new CountsTally();
    for (let i = 0; i < 6000; i++)
      tally.add(rec(`t${String(i).padStart(7, '0')}`, { tags: [`${starts[i % starts.length]}-${(i * 7919) % 6000}`] }));
    const tags = (await tally.result()).tags.map((t) => t.tag);
    expect(tags).toHaveLength(6000);
    expect(tags).toEqual([...tags].sort((a, b) => a.localeCompare(b)));
  });
});
