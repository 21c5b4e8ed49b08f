import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import { describeSyncError, NO_REMOTE } from '../../../../electron/library/api/sync-handlers.js';
import { LibraryError } from '../../../../electron/library/storage/errors.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { sampleSession } from '../../../helpers/session.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const run = promisify(execFile);
const open: Session[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function bareRemote(): Promise<string> {
  const dir = await tempDir('margin-remote-');
  await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', dir]);
  return dir;
}

async function machine(dir: string) {
  const session = await openSession({ dir, holder: 'test', deps: fixedDeps() });
  open.push(session);
  return { session, handlers: createHandlers(session) };
}

describe('sync handlers', () => {
  it('says there is no remote instead of running git', async () => {
    const { handlers } = await machine(await tempDir('margin-a-'));
    const status = await handlers['sync:run']({});
    expect(status).toMatchObject({ remote: null, running: false, last: null });
    expect(status.error?.message).toBe(NO_REMOTE);
  });

  it('sends, receives and counts papers; the receiving library reloads and announces what came in', async () => {
    const remote = await bareRemote();
    const a = await sampleSession(await tempDir('margin-a-'));
    open.push(a.session);
    const b = await machine(await tempDir('margin-b-'));

    expect((await a.handlers['sync:setRemote']({ url: remote })).remote).toBe(remote);
    const first = await a.handlers['sync:run']({});
    expect(first.error).toBeNull();
    expect(first.last).toMatchObject({ result: 'pushed', sent: a.ids.length, received: 0 });

    await b.handlers['sync:setRemote']({ url: remote });
    const took = await b.handlers['sync:run']({});
    // B's own (empty) library is another history: merged with A's, nothing of B's papers to send.
    expect(took.last).toMatchObject({ result: 'merged', sent: 0, received: a.ids.length });
    expect((await b.handlers['library:overview']({})).total).toBe(a.ids.length);

    const [first1, second] = [PaperIdSchema.parse(a.ids[0]), PaperIdSchema.parse(a.ids[1])];
    await b.handlers['papers:addTags']({ id: first1, tags: ['from-b'] });
    await b.handlers['notes:set']({ paperId: second, text: 'B read this' });
    await a.handlers['papers:setStatus']({ id: second, status: 'read' });
    expect((await b.handlers['sync:run']({})).last).toMatchObject({ result: 'pushed', sent: 2, received: 0 });

    const announced: string[][] = [];
    a.session.library.onChange((ids) => announced.push([...ids]));
    const merged = await a.handlers['sync:run']({});
    expect(merged.last).toMatchObject({ result: 'merged', sent: 1, received: 2 });
    expect(announced.flat().sort()).toEqual([first1, second].sort());
    expect((await a.handlers['papers:get']({ id: first1 })).tags).toContain('from-b');
    const paper = await a.handlers['papers:get']({ id: second });
    expect(paper).toMatchObject({ status: 'read', note: { text: 'B read this' } });
    // Undo no longer reaches behind what the sync brought in.
    expect(a.session.library.history.canUndo).toBe(false);

    expect((await b.handlers['sync:run']({})).last).toMatchObject({ result: 'fast-forwarded', received: 1 });
    expect((await b.handlers['papers:get']({ id: second })).status).toBe('read');
    expect((await b.handlers['sync:status']({})).last?.result).toBe('fast-forwarded');
  });

  it('reports a remote that cannot be reached in git’s words, and keeps the last good sync', async () => {
    const remote = await bareRemote();
    const { handlers } = await machine(await tempDir('margin-a-'));
    await handlers['sync:setRemote']({ url: remote });
    expect((await handlers['sync:run']({})).error).toBeNull();
    await handlers['sync:setRemote']({ url: `${remote}-gone` });
    const status = await handlers['sync:run']({});
    expect(status.error?.message).toMatch(/^Could not fetch from the remote: .*(does not appear|not found|No such)/);
    expect(status.last).not.toBeNull();
  });

  it('names git missing and a refused push plainly', () => {
    expect(describeSyncError(new LibraryError('io', 'cannot run git (spawn git ENOENT); sync needs git'))).toMatch(
      /^Git is not installed/,
    );
    expect(
      describeSyncError(new LibraryError('io', 'git push to origin failed: remote: denied\n ! [remote rejected]')),
    ).toBe('Push rejected: remote: denied ! [remote rejected]');
  });
});
