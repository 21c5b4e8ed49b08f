import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import type { Handlers } from '../../../../shared/ipc/contract.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { SAMPLE_DIGEST_PATH } from '../../../helpers/sample-digest.js';
import { NEW_PAPERS, secondDigest } from '../../../helpers/second-digest.js';
import { tempDir } from '../../../helpers/temp-dir.js';

let open: Session | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

async function start(): Promise<{ handlers: Handlers; session: Session }> {
  const session = await openSession({ dir: await tempDir(), holder: 'test', deps: fixedDeps() });
  open = session;
  return { handlers: createHandlers(session), session };
}

const digest = (text: string) => ({ text, html: null, format: 'auto' as const, fileName: 'digest.txt' });

describe('morning triage', () => {
  it('keeps and skips papers by decision, then sets tomorrow’s digest apart by what was kept and skipped', async () => {
    const { handlers, session } = await start();
    const first = await handlers['triage:start'](digest(await readFile(SAMPLE_DIGEST_PATH, 'utf8')));
    expect(first.session.counts).toMatchObject({ new: 76, inLibrary: 0, skippedBefore: 0 });
    expect((await session.library.papers.records()).length).toBe(0); // nothing imported yet

    const [s1, s2, s3, k1, k2, k3, k4, k5] = first.items.map((i) => i.index);
    await handlers['triage:decide']({
      id: first.session.id,
      decisions: [
        ...[s1, s2, s3].map((index) => ({ index: index!, decision: 'skip' as const })),
        ...[k1, k2, k3, k4].map((index) => ({ index: index!, decision: 'keep' as const })),
        { index: k5!, decision: 'read' as const, tags: ['llm'] },
      ],
    });
    const done = await handlers['triage:finish']({ id: first.session.id });
    expect(done.added).toBe(5);
    expect(done.skipped).toBe(3);
    const records = await session.library.papers.records();
    expect(records).toHaveLength(5);
    expect(records.filter((r) => r.status === 'to-read')).toHaveLength(4);
    expect(records.filter((r) => r.status === 'reading').map((r) => r.tags)).toEqual([['llm']]);

    // Tomorrow: 2 skipped before, 2 kept, 4 new.
    const tomorrow = await handlers['triage:start'](digest(secondDigest([0, 1, 3, 4], NEW_PAPERS)));
    expect(tomorrow.session.counts).toMatchObject({ new: 4, inLibrary: 2, skippedBefore: 2, newVersion: 0 });
    expect(tomorrow.items.filter((i) => i.group === 'new').map((i) => i.title)).toEqual(NEW_PAPERS.map((p) => p.title));

    // Undo of the finish takes the kept papers out again: one step.
    const undone = await handlers['history:undo']({});
    expect(undone?.label).toBe('triage');
    expect(await session.library.papers.records()).toHaveLength(0);

    const history = await handlers['triage:history']({});
    // (The test clock stands still, so both have the same date: order by what they hold.)
    const byNew = [...history].sort((a, b) => a.counts.new - b.counts.new);
    expect(byNew.map((h) => h.counts.new)).toEqual([4, 76]);
    expect(byNew.map((h) => h.finishedAt === null)).toEqual([true, false]);
  });

  it('shows a known paper whose abstract changed as a new version, and accepting it keeps highlights or lists orphans', async () => {
    const { handlers, session } = await start();
    const text = secondDigest([], NEW_PAPERS.slice(0, 2));
    const report = await handlers['import:run']({ ...digest(text), tags: [] });
    const paperId = report.ids[0]!;
    const paper = await session.library.papers.get(paperId);
    const kept = paper.abstract!.indexOf('exactly per batch');
    await session.library.annotations.add(paperId, { start: kept, end: kept + 17, color: 'yellow', comment: '' });
    const lost = paper.abstract!.indexOf('auxiliary load balancing loss');
    await session.library.annotations.add(paperId, { start: lost, end: lost + 29, color: 'green', comment: '' });

    const revised = {
      title: NEW_PAPERS[0].title,
      abstract: NEW_PAPERS[0].abstract.replace('removing the auxiliary load balancing loss', 'with no extra loss'),
    };
    const view = await handlers['triage:start'](digest(secondDigest([], [revised, NEW_PAPERS[1]])));
    const item = view.items.find((i) => i.group === 'new-version');
    expect(item?.paperId).toBe(paperId);
    expect(item?.libraryAbstract).toBe(paper.abstract);
    expect(view.session.counts).toMatchObject({ newVersion: 1, inLibrary: 1 });

    const accepted = await handlers['triage:acceptVersion']({ id: view.session.id, index: item!.index });
    expect(accepted.orphaned).toEqual(['auxiliary load balancing loss']);
    const after = await session.library.papers.get(paperId);
    expect(after.abstract).toBe(revised.abstract);
    expect(after.annotations.map((a) => [a.quote, a.state])).toEqual([
      ['exactly per batch', 'anchored'],
      ['auxiliary load balancing loss', 'orphaned'],
    ]);
  });

  it('prints the grouping for scripts without changing anything, and keeps a watch list', async () => {
    const { handlers, session } = await start();
    const view = await session.library.triage.dryRun(digest(await readFile(SAMPLE_DIGEST_PATH, 'utf8')));
    expect(view.session.counts.new).toBe(76);
    expect(await handlers['triage:history']({})).toEqual([]);
    const watch = { keywords: ['sparsity'], authors: ['Nanda'], quickTags: ['llm', 'to-cite'] };
    expect(await handlers['triage:setWatchList'](watch)).toEqual(watch);
    expect(await handlers['triage:watchList']({})).toEqual(watch);
  });
});
