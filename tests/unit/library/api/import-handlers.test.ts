import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession } from '../../../../electron/library/api/session.js';
import type { ImportProgressView } from '../../../../shared/models/import-progress.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { librarySnapshot } from '../../../helpers/snapshot.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** `n` BibTeX entries, none of them in the seeded library. */
function bib(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `@article{k${i},\n  title = {Paper number ${i} on sparse attention},\n  author = {Doe, Jane},\n  year = {2024}\n}\n`,
  ).join('\n');
}

async function open() {
  const dir = await tempDir();
  await seedSyntheticLibrary(dir, 50);
  const session = await openSession({ dir, holder: 'test', deps: fixedDeps() });
  return { dir, session, handlers: createHandlers(session) };
}

const request = (text: string, importId: string) => ({
  text,
  format: 'auto' as const,
  fileName: 'refs.bib',
  tags: [],
  importId,
});

describe('import:progress and import:cancel', () => {
  it('follow an import by its id: waiting, then its entries through each step, then done', async () => {
    const { session, handlers } = await open();
    expect(await handlers['import:progress']({ importId: 'a1' })).toEqual({
      phase: 'waiting',
      done: 0,
      total: 0,
      cancelRequested: false,
    });
    const seen: ImportProgressView[] = [];
    const run = handlers['import:run'](request(bib(1200), 'a1'));
    // Polled while it runs, as the dialog does.
    const poll = setInterval(() => void handlers['import:progress']({ importId: 'a1' }).then((p) => seen.push(p)), 1);
    const report = await run;
    clearInterval(poll);
    expect(report.added).toBe(1200);
    expect(await handlers['import:progress']({ importId: 'a1' })).toMatchObject({ phase: 'done', total: 1200 });
    expect(seen.some((p) => p.phase === 'planned' && p.done > 0 && p.done <= 1200 && p.total === 1200)).toBe(true);
    await session.close();
  });

  it('a cancel mid-way stops the import with nothing written, and says so', async () => {
    const { dir, session, handlers } = await open();
    const before = await librarySnapshot(dir);
    // Large enough that matching takes several turns of the event loop, as a file of thousands does.
    const run = handlers['import:run'](request(bib(6000), 'b2'));
    // Cancel once matching is under way, the way a click on Cancel arrives between two polls.
    let at = await handlers['import:progress']({ importId: 'b2' });
    while (at.phase !== 'planned' && at.phase !== 'done') {
      await new Promise((r) => setTimeout(r, 1));
      at = await handlers['import:progress']({ importId: 'b2' });
    }
    expect(at.done).toBeLessThan(at.total);
    expect((await handlers['import:cancel']({ importId: 'b2' })).cancelRequested).toBe(true);
    await expect(run).rejects.toThrow(/cancelled .*nothing was imported/);
    expect(await handlers['import:progress']({ importId: 'b2' })).toMatchObject({ phase: 'cancelled' });
    expect(await librarySnapshot(dir)).toBe(before);
    expect((await handlers['library:overview']({})).total).toBe(50);
    await session.close();
  });

  it('a cancel that arrives before its import stops it before it starts', async () => {
    const { dir, session, handlers } = await open();
    const before = await librarySnapshot(dir);
    await handlers['import:cancel']({ importId: 'c3' });
    await expect(handlers['import:run'](request(bib(20), 'c3'))).rejects.toThrow(/cancelled/);
    expect(await librarySnapshot(dir)).toBe(before);
    await session.close();
  });
});
