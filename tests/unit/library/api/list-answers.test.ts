import { describe, expect, it } from 'vitest';
import { queryList } from '../../../../electron/library/api/list-answers.js';
import type { Session } from '../../../../electron/library/api/session.js';
import type { PageAsk } from '../../../../electron/library/search/worker-protocol.js';
import type { ListRow } from '../../../../shared/models/views.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';

const ROW: ListRow = {
  id: PaperIdSchema.parse('p000000001'),
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani'],
  authorCount: 8,
  byEditors: false,
  year: 2017,
  tags: [],
  status: 'inbox',
  annotationCount: 0,
  hasNote: false,
  reading: null,
  attachmentCount: 0,
  addedAt: '2026-11-27T09:00:00.000Z',
};

const RECORDS_READ = new Error('the records answered');

/**
 * A session still reading its records at open: the list snapshot answers (until `stop`), the search's index
 * answers pages as `page` says, and the records, if asked, say so by failing.
 */
function openingSession(page: (ask: PageAsk, stop: () => void) => Promise<{ total: number; rows: ListRow[] } | null>) {
  let answering = true;
  const asked: PageAsk[] = [];
  const stop = () => {
    answering = false;
  };
  const session = {
    startup: {
      get answering() {
        return answering;
      },
      page: () => null,
      counts: () => null,
      stop,
    },
    search: {
      page: (ask: PageAsk) => {
        asked.push(ask);
        return page(ask, stop);
      },
      status: () => ({ mode: 'index' }),
    },
    records: {
      orderedBy: () => Promise.reject(RECORDS_READ),
    },
  };
  return { session: session as unknown as Session, asked };
}

const request = { view: { kind: 'all' } as const, sort: 'relevance' as const, offset: 0, limit: 50 };

describe('a search asked while the records are read at open', () => {
  it('is answered by the index alone, with the problems of its filters', async () => {
    const { session, asked } = openingSession(async () => ({ total: 7, rows: [ROW] }));
    const result = await queryList(session, { ...request, search: 'attention status:done' });
    expect(result).toMatchObject({ total: 7, rows: [ROW], offset: 0, searchNote: null, indexBuilding: false });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toContain('done');
    expect(asked[0]?.query.words).toEqual(['attention']);
    expect(asked[0]?.sort).toBe('relevance');
  });

  it('is answered by the records when a change landed while the index answered, so no edit is missed', async () => {
    const { session } = openingSession(async (_ask, stop) => {
      stop(); // an edit, confirmed while the page was on its way
      return { total: 7, rows: [ROW] };
    });
    await expect(queryList(session, { ...request, search: 'attention' })).rejects.toBe(RECORDS_READ);
  });

  it('is answered by the records when the index cannot answer, or there is no text to look for', async () => {
    const { session, asked } = openingSession(async () => null);
    await expect(queryList(session, { ...request, search: 'attention' })).rejects.toBe(RECORDS_READ);
    await expect(queryList(session, { ...request, search: 'status:reading' })).rejects.toBe(RECORDS_READ);
    expect(asked).toHaveLength(1);
  });
});
