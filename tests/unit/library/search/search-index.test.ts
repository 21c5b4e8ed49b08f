import { readFile, rm, writeFile } from 'node:fs/promises';
import type { PaperRecord } from '../../../../shared/models/paper.js';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FtsIndex, INDEX_DIR, INDEX_FILE } from '../../../../electron/library/search/index/fts-index.js';
import {
  addedKey,
  decodeColumns,
  encodeColumns,
  parseNumberList,
  parseRowList,
} from '../../../../electron/library/search/index/index-columns.js';
import { SearchEngine } from '../../../../electron/library/search/index/search-engine.js';
import { indexPage } from '../../../../electron/library/search/index/index-page.js';
import { parseQuery } from '../../../../electron/library/search/query.js';
import { relevance } from '../../../../electron/library/search/relevance.js';
import {
  SearchCorpus,
  recordParts,
  recordText,
  contentText,
} from '../../../../electron/library/search/search-corpus.js';
import type { IndexedRecord, SearchEngineStatus } from '../../../../electron/library/search/worker-protocol.js';
import type { RecordParts } from '../../../../electron/library/search/search-corpus.js';
import { paperFacts } from '../../../../electron/library/search/paper-facts.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import { DEFAULT_SHARD_COUNT, shardOf } from '../../../../electron/library/storage/layout.js';
import { allShardStamps } from '../../../../electron/library/search/index/shard-texts.js';
import { containsTerm } from '../../../../electron/library/search/query.js';
import { syntheticLibrary } from '../../../../scripts/bench/synthetic.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** An edit's record as the engine takes it: these fields, with some paper's list facts. */
function indexed(parts: RecordParts): IndexedRecord {
  const [paper] = syntheticLibrary(1);
  if (!paper) throw new Error('no synthetic paper');
  return { parts, facts: paperFacts(paper.record) };
}

const engines: SearchEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.close();
});

async function start(dir: string, openIndex?: (dir: string) => FtsIndex) {
  const statuses: SearchEngineStatus[] = [];
  const engine = await SearchEngine.start(dir, {
    onStatus: (s) => statuses.push(s),
    ...(openIndex ? { openIndex } : {}),
  });
  engines.push(engine);
  return { engine, statuses };
}

/** What the scan answers over the same papers: the reference the index must agree with. */
function scanOf(count: number): SearchCorpus {
  const corpus = new SearchCorpus();
  for (const p of syntheticLibrary(count)) {
    corpus.setRecord(p.record.id, recordText(p.record));
    corpus.setContent(p.record.id, contentText(p.content));
  }
  return corpus;
}

const QUERIES = [
  'sparse',
  'attention transformer',
  'quantiz',
  'distil -vision',
  '"state space"',
  '"state-space"',
  'lukasz',
  'Łukasz kaiser',
  'jürgen',
  'JURGEN schmid',
  'l',
  'zz',
  '-model',
  '-"neural network" learning',
  'llm/sparse',
  'kaiser -hinton -lecun',
  'nothingmatchesthisword',
];

describe('the full-text index', () => {
  it('answers every kind of query exactly as the scan does, and ranks as the records say', async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 400);
    const { engine } = await start(dir);
    await engine.whenBuilt();
    expect(engine.currentStatus()).toEqual({ mode: 'index' });
    const scan = scanOf(400);
    const records = new Map<string, PaperRecord>(syntheticLibrary(400).map((p) => [p.record.id, p.record]));
    for (const query of QUERIES) {
      const q = parseQuery(query);
      const hits = engine.search(q);
      expect([...hits.ids].sort(), query).toEqual(scan.match(q).sort());
      expect(hits.scores, query).not.toBeNull();
      // Every paper with a term in its record's fields has the score the records give; the rest score the base.
      const scores = new Map(hits.scores);
      for (const id of hits.ids) {
        const record = records.get(id);
        if (!record) throw new Error(id);
        const parts = recordParts(record);
        const expected = relevance(q, (term, field) => containsTerm(parts[field], term));
        expect(scores.get(id) ?? q.words.length + q.phrases.length, `${query} ${id}`).toBe(expected);
      }
    }
  });

  it('is kept on disk: a second start answers from it at once, without rebuilding', async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 200);
    const first = await start(dir);
    expect(first.statuses[0]).toMatchObject({ mode: 'building' });
    await first.engine.whenBuilt();
    first.engine.close();
    const second = await start(dir);
    expect(second.statuses).toEqual([{ mode: 'index' }]);
    expect(second.engine.search(parseQuery('kaiser')).ids.length).toBeGreaterThan(0);
  });

  it('is rebuilt when deleted or damaged, and the scan answers correctly meanwhile', async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 300);
    const first = await start(dir);
    await first.engine.whenBuilt();
    const expected = first.engine.search(parseQuery('attention -vision')).ids.sort();
    first.engine.close();

    for (const damage of ['delete', 'garbage'] as const) {
      const file = path.join(dir, INDEX_DIR, INDEX_FILE);
      if (damage === 'delete') await rm(path.join(dir, INDEX_DIR), { recursive: true, force: true });
      else await writeFile(file, 'this is not a database'.repeat(100));
      const { engine, statuses } = await start(dir);
      expect(statuses[0], damage).toMatchObject({ mode: 'building', done: 0 });
      const meanwhile = engine.search(parseQuery('attention -vision'));
      expect(meanwhile.scores).toBeNull(); // the scan answered
      expect(meanwhile.ids.sort()).toEqual(expected);
      await engine.whenBuilt();
      expect(statuses.at(-1)).toEqual({ mode: 'index' });
      expect(engine.search(parseQuery('attention -vision')).ids.sort()).toEqual(expected);
      engine.close();
    }
    expect((await readFile(path.join(dir, INDEX_DIR, INDEX_FILE))).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('takes edits in order, and finds edits made behind its back at the next start', async () => {
    const dir = await tempDir();
    const ids = await seedSyntheticLibrary(dir, 100);
    const { engine } = await start(dir);
    await engine.whenBuilt();
    const [a = '', b = ''] = ids;
    engine.update([[a, indexed({ title: 'zyxwv bayesian', people: '', tags: '' }), 'quux content']]);
    expect(engine.search(parseQuery('zyxwv')).ids).toEqual([a]);
    expect(engine.search(parseQuery('quux')).ids).toEqual([a]);
    // A record-only edit keeps the content part.
    engine.update([[a, indexed({ title: 'renamed', people: '', tags: 'llm/zyx' })]]);
    expect(engine.search(parseQuery('zyxwv')).ids).toEqual([]);
    expect(engine.search(parseQuery('quux zyx')).ids).toEqual([a]);
    engine.update([[a, null]]);
    expect(engine.search(parseQuery('quux')).ids).toEqual([]);
    // Edits that come close together are written in one batch, in the order they came.
    engine.update([[a, indexed({ title: 'back again', people: '', tags: '' }), 'wombat text']]);
    engine.update([[a, null]]);
    engine.update([[a, indexed({ title: 'back once more', people: '', tags: '' }), 'numbat text']]);
    engine.update([[a, indexed({ title: 'back for good', people: '', tags: '' })]]);
    expect(engine.search(parseQuery('numbat good')).ids).toEqual([a]);
    expect(engine.search(parseQuery('wombat')).ids).toEqual([]);
    engine.close();

    // The CLI edits a paper while the app is closed: the next start reads that shard again.
    const store = await LibraryStore.open({ dir, mode: 'write', holder: 'cli', now: () => new Date() });
    const record = await store.getRecord(b);
    if (!record) throw new Error('seeded paper missing');
    await store.commit({ records: [{ ...record, title: 'Qwertyuiop Revisited' }], contents: new Map() });
    await store.close();
    const again = await start(dir);
    expect(again.statuses).toEqual([{ mode: 'index' }]);
    expect(again.engine.search(parseQuery('qwertyuiop')).ids).toEqual([b]);
  });

  it("never undoes an edit still in the store's edit log when it compares shards with their files", async () => {
    const dir = await tempDir();
    const ids = await seedSyntheticLibrary(dir, 100);
    const { engine } = await start(dir);
    await engine.whenBuilt();
    const b = ids[1] ?? '';
    const store = await LibraryStore.open({ dir, mode: 'write', holder: 'app', now: () => new Date() });
    const record = await store.getRecord(b);
    if (!record) throw new Error('seeded paper missing');
    await store.putRecord({ ...record, title: 'Xylophonic Edits' });
    engine.update([[b, indexed({ title: 'xylophonic edits', people: '', tags: '' })]]);
    // Compared while the edit is only in the log (its shard file still has the old title)…
    await engine.flush();
    expect(engine.search(parseQuery('xylophonic')).ids).toEqual([b]);
    // …and again once it is in the file: the stamp the index keeps is then the file's.
    await store.exclusive((writer) => writer.writeLogged());
    await engine.flush();
    expect(engine.search(parseQuery('xylophonic')).ids).toEqual([b]);
    engine.close();
    await store.close();
    const shard = shardOf(b, DEFAULT_SHARD_COUNT);
    const index = FtsIndex.open(dir);
    expect(index.stamps().get(shard)).toEqual(allShardStamps(dir, DEFAULT_SHARD_COUNT)[shard]);
    index.close();
  });

  it('writes edits without merging segments, and merges them later with the answers unchanged', async () => {
    const dir = await tempDir();
    const ids = await seedSyntheticLibrary(dir, 60);
    const index = FtsIndex.open(dir);
    const { engine } = await start(dir, () => index);
    await engine.whenBuilt();
    while (index.mergeSome()) {
      // The build's own segments, merged first so what follows is the edits' alone.
    }
    for (const [i, id] of ids.slice(0, 40).entries()) {
      engine.update([[id, indexed({ title: `edited ${i} zorblat`, people: '', tags: '' }), `body ${i}`]]);
      engine.applyPending(); // one transaction each, as edits a moment apart are written
    }
    const before = engine.search(parseQuery('zorblat')).ids;
    expect(before).toHaveLength(40);
    // Forty one-edit transactions left segments to merge; merging changes nothing a search sees.
    expect(index.mergeSome()).toBe(true);
    while (index.mergeSome()) {
      // until nothing is left
    }
    expect(engine.search(parseQuery('zorblat')).ids).toEqual(before);
    expect(engine.search(parseQuery('"edited 7 zorblat"')).ids).toEqual([ids[7]]);
  });

  it("writes only the list facts of an edit that leaves a paper's text as it was (a status change)", async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 60);
    const papers = syntheticLibrary(60);
    const index = FtsIndex.open(dir);
    const { engine } = await start(dir, () => index);
    await engine.whenBuilt();
    while (index.mergeSome()) {
      // The build's own segments, merged first so what follows is the edits' alone.
    }
    const edited = papers.slice(0, 20).map((p) => ({ ...p.record, status: 'read' as const }));
    for (const record of edited) {
      engine.update([[record.id, { parts: recordParts(record), facts: paperFacts(record) }]]);
      engine.applyPending();
    }
    // No text was rewritten: the full-text tables got no new segment to merge…
    expect(index.mergeSome()).toBe(false);
    // …and the facts and status columns say what the edits did.
    const read = indexPage(index, {
      query: parseQuery(''),
      view: { kind: 'status', status: 'read' },
      sort: 'added',
      offset: 0,
      limit: 100,
    });
    expect(read?.rows.map((r) => r.id)).toEqual(expect.arrayContaining(edited.map((r) => r.id)));
    expect(read?.rows.every((r) => r.status === 'read')).toBe(true);
    // A changed tag is text: it is written (a segment per edit, merged once there are a few), and found.
    const tagged = edited.slice(0, 5).map((r) => ({ ...r, tags: [...r.tags, 'zorblattag'] }));
    for (const record of tagged) {
      engine.update([[record.id, { parts: recordParts(record), facts: paperFacts(record) }]]);
      engine.applyPending();
    }
    expect(engine.search(parseQuery('zorblattag')).ids.sort()).toEqual(tagged.map((r) => r.id).sort());
    expect(index.mergeSome()).toBe(true);
  });

  it('falls back to the scan, and says why, when no index can be opened', async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 50);
    const { engine, statuses } = await start(dir, () => {
      throw new Error('better-sqlite3 was built for another Node');
    });
    expect(statuses).toEqual([
      { mode: 'scan', reason: 'the search index cannot be opened here (better-sqlite3 was built for another Node)' },
    ]);
    expect(engine.search(parseQuery('kaiser')).ids.sort()).toEqual(scanOf(50).match(parseQuery('kaiser')).sort());
  });
});

describe('parseRowList', () => {
  it("reads SQLite's joined rowids back as numbers", () => {
    expect([...parseRowList('')]).toEqual([]);
    expect([...parseRowList('7')]).toEqual([7]);
    expect([...parseRowList('1,20,300,4000000,2147483647')]).toEqual([1, 20, 300, 4000000, 2147483647]);
  });
});

describe('the list columns as the index keeps them', () => {
  it('reads joined numbers with signs and gaps, and keys times added as their strings order', () => {
    expect([...parseNumberList('3,5,-1742,9,n,0')]).toEqual([3, 5, -1742, 9, Number.NaN, 0]);
    expect([...parseNumberList('')]).toEqual([]);
    const times = ['1969-07-20T20:17:40.000Z', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.001Z'];
    const keys = times.map(addedKey);
    expect(keys.every((k) => k !== null)).toBe(true);
    expect([...keys].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(keys);
    // Not canonical: the string and time orders may differ, so no key.
    expect(addedKey('2026-01-01')).toBeNull();
    expect(addedKey('2026-01-01T00:00:00Z')).toBeNull();
  });

  it('saves them as a blob read back the same, and refuses a blob of another size or with values out of range', () => {
    const columns = {
      status: Uint8Array.from([0, 1, 5, 3]),
      trashed: Uint8Array.from([0, 0, 1, 0]),
      added: Float64Array.from([Number.NaN, 1e12, -5, 1.7e12]),
    };
    const blob = encodeColumns(columns);
    expect(decodeColumns(blob, 4)).toEqual(columns);
    expect(decodeColumns(blob, 5)).toBeNull();
    const bad = Buffer.from(blob);
    bad[1] = 99;
    expect(decodeColumns(bad, 4)).toBeNull();
  });
});
