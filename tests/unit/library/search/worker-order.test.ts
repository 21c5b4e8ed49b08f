import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import { WorkerTextSearch } from '../../../../electron/library/search/worker-text-search.js';
import { InProcessTextSearch } from '../../../../electron/library/search/text-search.js';
import { parseQuery } from '../../../../electron/library/search/query.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** The built search worker (npm test builds first). */
const WORKER = path.resolve('out/workers/search-worker.js');

let open: { session: Session; search: WorkerTextSearch } | null = null;
afterEach(async () => {
  await open?.search.close();
  await open?.session.close();
  open = null;
});

describe("the search worker's order of papers, sent in parts", () => {
  it('numbers papers as the order given, however many parts it came in and however often it changes', async () => {
    const dir = await tempDir();
    const session = await openSession({ dir, holder: 'test', deps: fixedDeps() });
    const csl = Array.from({ length: 23 }, (_, i) => ({
      id: `p${i}`,
      type: 'article-journal',
      title: `${i % 3 === 0 ? 'Sparse attention' : 'Dense layers'} number ${i}`,
      issued: { 'date-parts': [[2000 + i]] },
    }));
    await createHandlers(session)['import:run']({
      text: JSON.stringify(csl),
      format: 'csl-json',
      fileName: 'p.json',
      tags: [],
    });
    const source = session.library.textSource();
    // Parts of five ids: 23 papers make five parts.
    const search = new WorkerTextSearch(WORKER, dir, source, 5);
    open = { session, search };
    const truth = new InProcessTextSearch(source);
    const ids = (await source.allRecords()).map((r) => r.id);
    expect(ids).toHaveLength(23);
    const query = parseQuery('sparse');
    // Searches asked at once, with orders that differ: none is answered in another's numbering.
    const orders = [ids, [...ids].reverse(), ids.slice(7).concat(ids.slice(0, 7)), ids];
    const answers = await Promise.all(orders.map((order) => search.matchingOrdinals(query, order)));
    for (const [i, order] of orders.entries()) {
      const expected = await truth.matchingOrdinals(query, order);
      expect([...answers[i]!.ordinals].sort((a, b) => a - b)).toEqual([...expected.ordinals].sort((a, b) => a - b));
      expect(answers[i]!.ordinals.length).toBe(8);
    }
  });
});
