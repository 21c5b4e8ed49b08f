import { describe, expect, it } from 'vitest';
import { selectRecords, selectRecordsInTurns } from '../../../../electron/library/search/paper-query.js';
import type { TextSearch } from '../../../../electron/library/search/text-search.js';
import type { View } from '../../../../shared/ipc/contract.js';
import { STATUSES } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';

/** Searches for words are not what this is about: every word matches every paper. */
const everyPaper = (ids: readonly string[]): TextSearch =>
  ({ matching: async () => ({ ids, scores: new Map() }) }) as unknown as TextSearch;

describe('selecting papers in turns', () => {
  const records = Array.from({ length: 20_000 }, (_, i) =>
    paperRecord(`p${String(i).padStart(8, '0')}`, {
      status: STATUSES[i % STATUSES.length] ?? 'inbox',
      tags: i % 7 === 0 ? ['llm'] : [],
      year: 2000 + (i % 25),
      trashedAt: i % 11 === 0 ? '2026-01-01T00:00:00.000Z' : null,
    }),
  );
  const text = everyPaper(records.map((r) => r.id));
  const views: View[] = [
    { kind: 'status', status: 'inbox' },
    { kind: 'status', status: 'read' },
    { kind: 'all' },
    { kind: 'trash' },
  ];

  it('selects what the one search path selects, in the same order, for views and filters', async () => {
    for (const view of views)
      for (const search of ['', 'tag:llm', 'year:2010', 'year:>2020 tag:llm']) {
        const inTurns = await selectRecordsInTurns(records, { view, search }, text);
        expect(inTurns).toEqual(await selectRecords(records, { view, search }, text));
      }
    expect((await selectRecordsInTurns(records, { view: { kind: 'all' }, search: 'tag:llm' }, text)).length).toBe(
      records.filter((r, i) => i % 7 === 0 && r.trashedAt === null).length,
    );
  });

  it('lets timers run while it filters a large library', async () => {
    // A million papers: longer to filter than several turns on any machine.
    const many = Array.from({ length: 50 }, () => records).flat();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await selectRecordsInTurns(many, { view: { kind: 'all' }, search: 'tag:llm' }, text);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});
