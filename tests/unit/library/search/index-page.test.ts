import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { queryList } from '../../../../electron/library/api/list-answers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import { INDEX_DIR, INDEX_FILE } from '../../../../electron/library/search/index/fts-index.js';
import { SearchEngine } from '../../../../electron/library/search/index/search-engine.js';
import { parseQuery } from '../../../../electron/library/search/query.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import type { View } from '../../../../shared/ipc/contract.js';
import type { PaperRecord } from '../../../../shared/models/paper.js';
import type { Sort } from '../../../../shared/models/views.js';
import { VOCABULARY, syntheticLibrary } from '../../../../scripts/bench/synthetic.js';
import { foldText } from '../../../../shared/text/fold.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** The built search worker (npm test builds first). */
const WORKER = path.resolve('out/workers/search-worker.js');

const sessions: Session[] = [];
const engines: SearchEngine[] = [];
afterEach(async () => {
  for (const engine of engines.splice(0)) engine.close();
  for (const session of sessions.splice(0)) await session.close();
});

/** Synthetic papers made awkward: many added at one time (then ordered by title), the Trash, no year, editors only. */
function awkwardPapers(count: number) {
  return syntheticLibrary(count).map((paper, i) => {
    const record: PaperRecord = {
      ...paper.record,
      addedAt: i % 3 === 0 ? '2026-01-01T00:00:00.000Z' : new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
      trashedAt: i % 17 === 0 ? '2026-02-01T00:00:00.000Z' : null,
      year: i % 11 === 0 ? null : paper.record.year,
      authors: i % 13 === 0 ? [] : paper.record.authors,
      editors: i % 13 === 0 ? paper.record.authors : [],
      tags: i % 7 === 0 ? [...paper.record.tags, 'Group/Sub'] : paper.record.tags,
    };
    return { ...paper, record };
  });
}

async function seed(dir: string, papers: ReturnType<typeof awkwardPapers>): Promise<void> {
  const store = await LibraryStore.open({ dir, mode: 'write', holder: 'seed', now: () => new Date() });
  await store.commit({
    records: papers.map((p) => p.record),
    contents: new Map(papers.map((p) => [p.record.id, p.content])),
  });
  await store.close();
}

async function builtEngine(dir: string): Promise<SearchEngine> {
  const engine = await SearchEngine.start(dir);
  engines.push(engine);
  await engine.whenBuilt();
  return engine;
}

/** An index built and closed as the app closes it: flushed, its columns saved for the next start. */
async function indexSavedAtClose(dir: string): Promise<void> {
  const engine = await SearchEngine.start(dir);
  await engine.whenBuilt();
  await engine.flush();
  engine.close();
}

/** A session that answers every list from the records (no worker, no snapshot): the reference. */
async function reference(dir: string): Promise<Session> {
  const session = await openSession({ dir, holder: 'test', listSnapshot: false });
  sessions.push(session);
  return session;
}

const VIEWS: View[] = [
  { kind: 'all' },
  { kind: 'status', status: 'inbox' },
  { kind: 'status', status: 'reading' },
  { kind: 'trash' },
  { kind: 'tag', tag: 'Group' },
];
const SORTS: Sort[] = ['relevance', 'added'];
const PAGES = [
  { offset: 0, limit: 20 },
  { offset: 20, limit: 20 },
  { offset: 0, limit: 1000 },
];

/** Words from common to rare, a prefix, a phrase from a title, exclusions and every filter. */
function queriesFor(papers: ReturnType<typeof awkwardPapers>): string[] {
  const [common = 'the', middling = 'model', rarer = 'sparse'] = [VOCABULARY[30], VOCABULARY[120], VOCABULARY[700]];
  const titleWords = foldText(papers[5]?.record.title ?? '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2);
  const surname = (papers[4]?.record.authors[0] ?? 'x').split(' ').pop() ?? 'x';
  return [
    common,
    middling,
    rarer,
    middling.slice(0, 3),
    `"${titleWords.slice(0, 2).join(' ')}"`,
    `${titleWords[0] ?? common} ${titleWords[2] ?? middling}`,
    `${common} -${middling}`,
    `-${middling}`,
    `status:reading ${common}`,
    `-status:inbox ${middling}`,
    `tag:group ${common}`,
    `-tag:group ${middling}`,
    `year:>=2010 ${common}`,
    `author:${surname} ${common}`,
    `has:note ${common}`,
    `-has:highlights ${middling}`,
    `status:done ${common}`,
  ];
}

async function expectSameAsRecords(engine: SearchEngine, session: Session, queries: readonly string[]): Promise<void> {
  for (const search of queries)
    for (const view of VIEWS)
      for (const sort of SORTS)
        for (const { offset, limit } of PAGES) {
          const expected = await queryList(session, { view, search, sort, offset, limit });
          const page = engine.page({ query: parseQuery(search), view, sort, offset, limit });
          const label = `${search} in ${JSON.stringify(view)} by ${sort} from ${offset}`;
          expect(page, label).not.toBeNull();
          expect(page?.total, label).toBe(expected.total);
          expect(page?.rows, label).toEqual(expected.rows);
        }
}

describe('a search page from the index alone (asked while the records are read at open)', () => {
  it('gives the rows, order and total the records give, for every view, sort, filter and page', async () => {
    const dir = await tempDir();
    const papers = awkwardPapers(240);
    await seed(dir, papers);
    const engine = await builtEngine(dir);
    const session = await reference(dir);
    const queries = queriesFor(papers);
    // The queries find something: the comparison is not of empty pages.
    expect(
      (
        await queryList(session, {
          view: { kind: 'all' },
          search: queries[0] ?? '',
          sort: 'added',
          offset: 0,
          limit: 1,
        })
      ).total,
    ).toBeGreaterThan(50);
    await expectSameAsRecords(engine, session, queries);
  });

  it('follows edits made behind its back (a status, a tag, the Trash), from its columns saved at close', async () => {
    const dir = await tempDir();
    const papers = awkwardPapers(160);
    await seed(dir, papers);
    await indexSavedAtClose(dir);

    const session = await reference(dir);
    const [a, b, c] = papers.map((p) => p.record.id).filter((_, i) => i % 17 !== 0);
    if (!a || !b || !c) throw new Error('no papers');
    await session.library.papers.setStatus(a, 'reading');
    await session.library.papers.addTags(b, ['group/new']);
    await session.library.papers.trash([c]);

    const again = await builtEngine(dir);
    expect(again.currentStatus()).toEqual({ mode: 'index' });
    await expectSameAsRecords(again, session, queriesFor(papers).slice(0, 12));
  });

  it('reads its columns again when their saved copy is damaged', async () => {
    const dir = await tempDir();
    const papers = awkwardPapers(120);
    await seed(dir, papers);
    await indexSavedAtClose(dir);
    const db = new Database(path.join(dir, INDEX_DIR, INDEX_FILE));
    db.prepare(`UPDATE column_cache SET data = ?`).run(Buffer.from('not the columns'));
    db.close();
    await expectSameAsRecords(await builtEngine(dir), await reference(dir), queriesFor(papers).slice(0, 6));
  });

  it('leaves to the records what it cannot answer as they would: the title and year sorts, a time not in ISO form', async () => {
    const dir = await tempDir();
    const papers = awkwardPapers(60);
    const odd = papers[1];
    if (!odd) throw new Error('no papers');
    papers[1] = { ...odd, record: { ...odd.record, addedAt: '2026-01-01' } };
    await seed(dir, papers);
    const engine = await builtEngine(dir);
    const ask = { view: { kind: 'all' } as const, offset: 0, limit: 50 };
    const word =
      foldText(odd.record.title)
        .split(/[^a-z0-9]+/)
        .find((w) => w.length > 3) ?? 'the';
    expect(engine.page({ ...ask, query: parseQuery(word), sort: 'relevance' })).toBeNull();
    expect(engine.page({ ...ask, query: parseQuery(`${VOCABULARY[30] ?? 'the'}`), sort: 'title' })).toBeNull();
    expect(engine.page({ ...ask, query: parseQuery(`${VOCABULARY[30] ?? 'the'}`), sort: 'year' })).toBeNull();
  });

  it('answers through the search worker, started at open for a library its snapshot says is large', async () => {
    const dir = await tempDir();
    const papers = awkwardPapers(200);
    await seed(dir, papers);
    await indexSavedAtClose(dir);
    // Written as the session closes: the snapshot the next open starts from.
    const once = await openSession({ dir, holder: 'test' });
    await once.close();

    const query = queriesFor(papers)[1] ?? 'model';
    const ask = { view: { kind: 'all' } as const, sort: 'relevance' as const, offset: 0, limit: 30 };
    const records = await reference(dir);
    const expected = await queryList(records, { ...ask, search: query });
    await records.close();
    sessions.splice(sessions.indexOf(records), 1);

    const session = await openSession({ dir, holder: 'test', searchWorker: WORKER, earlySearchFrom: 100 });
    sessions.push(session);
    const early = await session.search.page({ ...ask, query: parseQuery(query) });
    expect(early).toEqual({ total: expected.total, rows: expected.rows });
    expect(await queryList(session, { ...ask, search: query })).toMatchObject({
      total: expected.total,
      rows: expected.rows,
    });
  });
});
