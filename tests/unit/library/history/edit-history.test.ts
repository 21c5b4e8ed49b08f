import { afterEach, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import type { Handlers } from '../../../../shared/ipc/contract.js';
import { PaperIdSchema, type PaperId } from '../../../../shared/models/paper.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { sampleSession } from '../../../helpers/session.js';
import { tempDir } from '../../../helpers/temp-dir.js';

let open: Session | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const paperIds = (ids: readonly string[]): PaperId[] => ids.map((id) => PaperIdSchema.parse(id));

async function start(): Promise<{ handlers: Handlers; ids: PaperId[]; dir: string }> {
  const dir = await tempDir();
  const { session, handlers, ids } = await sampleSession(dir);
  open = session;
  return { handlers, ids: paperIds(ids), dir };
}

const statusOf = async (handlers: Handlers, id: PaperId) => (await handlers['papers:get']({ id })).status;
const tagsOf = async (handlers: Handlers, id: PaperId) => (await handlers['papers:get']({ id })).tags;

describe('undo and redo of any edit', () => {
  it('takes a status move back and makes it again, and says which step', async () => {
    const { handlers, ids } = await start();
    const id = ids[0]!;
    await handlers['papers:setStatus']({ id, status: 'archived' });
    const undone = await handlers['history:undo']({});
    expect(undone).toEqual({ label: 'move to Archive', papers: 1, kept: [] });
    expect(await statusOf(handlers, id)).toBe('inbox');
    const redone = await handlers['history:redo']({});
    expect(redone?.label).toBe('move to Archive');
    expect(await statusOf(handlers, id)).toBe('archived');
    // Nothing left to redo; a new edit after an undo clears redo.
    expect(await handlers['history:redo']({})).toBeNull();
    await handlers['history:undo']({});
    await handlers['papers:setStatus']({ id, status: 'read' });
    expect(await handlers['history:redo']({})).toBeNull();
  });

  it('takes back a bulk tag on five papers in one step, leaving tags they had', async () => {
    const { handlers, ids } = await start();
    const five = ids.slice(0, 5);
    await handlers['papers:addTags']({ id: five[0]!, tags: ['mine'] });
    const result = await handlers['papers:editTags']({ ids: five, add: ['bulk', 'mine'], remove: [] });
    expect(result.count).toBe(5);
    for (const id of five) expect(await tagsOf(handlers, id)).toEqual(expect.arrayContaining(['bulk', 'mine']));
    const undone = await handlers['history:undo']({});
    expect(undone?.papers).toBe(5);
    expect(await tagsOf(handlers, five[0]!)).toEqual(['mine']);
    for (const id of five.slice(1)) expect(await tagsOf(handlers, id)).toEqual([]);
  });

  it('undoes only what the step changed: a tag added since stays', async () => {
    const { handlers, ids } = await start();
    const id = ids[1]!;
    await handlers['papers:setStatus']({ id, status: 'read' });
    await open!.library.papers.addTags(id, ['later']); // outside the history (the CLI, say)
    const undone = await handlers['history:undo']({});
    expect(undone).toEqual({ label: 'move to Read', papers: 1, kept: [] });
    expect(await statusOf(handlers, id)).toBe('inbox');
    expect(await tagsOf(handlers, id)).toEqual(['later']);
  });

  it('keeps a later change the step would overwrite, and says so', async () => {
    const { handlers, ids } = await start();
    const id = ids[2]!;
    await handlers['papers:setStatus']({ id, status: 'read' });
    // Another writer (the CLI, background completion) changes the same field outside the history.
    await open!.library.papers.setStatus(id, 'reading');
    const undone = await handlers['history:undo']({});
    expect(undone?.kept).toEqual([expect.stringContaining('its status was changed since')]);
    expect(await statusOf(handlers, id)).toBe('reading');
  });

  it('undoes an import: its papers go, unless one was worked on since', async () => {
    const dir = await tempDir();
    const session = await openSession({ dir, holder: 'test', deps: fixedDeps() });
    open = session;
    const handlers = createHandlers(session);
    const bib =
      '@article{a, title={First}, author={Ann Author}, year={2020}}\n@article{b, title={Second}, author={Bo Author}, year={2021}}';
    const report = await handlers['import:run']({ text: bib, format: 'bibtex', fileName: 'x.bib', tags: [] });
    expect(report.added).toBe(2);
    const [first, second] = paperIds(report.ids);
    await session.library.annotations.setNote(second!, 'worked on since');
    const undone = await handlers['history:undo']({});
    expect(undone?.label).toBe('import');
    expect(undone?.kept).toEqual(['“Second” was changed since, so it stays']);
    await expect(handlers['papers:get']({ id: first! })).rejects.toThrow(/no paper/);
    expect((await handlers['papers:get']({ id: second! })).note?.text).toBe('worked on since');
    // Redo brings the removed paper back as it was imported.
    await handlers['history:redo']({});
    expect((await handlers['papers:get']({ id: first! })).title).toBe('First');
  });

  it('undoes a merge: the dropped paper comes back from the Trash and the kept one is as it was', async () => {
    const { handlers, ids } = await start();
    const [keep, drop] = [ids[3]!, ids[4]!];
    const keptBefore = await handlers['papers:get']({ id: keep });
    await handlers['papers:addTags']({ id: drop, tags: ['from-drop'] });
    await handlers['duplicates:merge']({ keep, drop });
    expect((await handlers['papers:get']({ id: drop })).trashedAt).not.toBeNull();
    expect(await tagsOf(handlers, keep)).toContain('from-drop');
    await handlers['history:undo']({});
    expect((await handlers['papers:get']({ id: drop })).trashedAt).toBeNull();
    expect(await tagsOf(handlers, keep)).toEqual(keptBefore.tags);
  });

  it('typing in one note is one step, and undo brings back the note as it was', async () => {
    const { handlers, ids } = await start();
    const paperId = ids[5]!;
    await handlers['notes:set']({ paperId, text: 'first' });
    await handlers['papers:setStatus']({ id: ids[6]!, status: 'read' });
    await handlers['notes:set']({ paperId: ids[7]!, text: 'a' });
    await handlers['notes:set']({ paperId: ids[7]!, text: 'ab' });
    await handlers['notes:set']({ paperId: ids[7]!, text: 'abc' });
    const undone = await handlers['history:undo']({});
    expect(undone?.label).toBe('note edit');
    expect((await handlers['papers:get']({ id: ids[7]! })).note).toBeNull();
    expect((await handlers['papers:get']({ id: paperId })).note?.text).toBe('first');
  });

  it('undoes a highlight, leaving one made after it outside the history', async () => {
    const { handlers, ids } = await start();
    const paperId = ids[8]!;
    const first = await handlers['annotations:create']({ paperId, start: 0, end: 10, color: 'yellow', comment: '' });
    await open!.library.annotations.add(paperId, { start: 12, end: 20, color: 'green', comment: '' });
    await handlers['history:undo']({});
    const after = await handlers['papers:get']({ id: paperId });
    expect(after.annotations.map((a) => a.id)).not.toContain(first.id);
    expect(after.annotations).toHaveLength(1);
    expect(after.annotationCount).toBe(1);
  });

  it('renames a tag onto another (a merge) and undoes it, on disk', async () => {
    const { handlers, ids, dir } = await start();
    await handlers['papers:editTags']({ ids: ids.slice(0, 2), add: ['ml'], remove: [] });
    await handlers['papers:addTags']({ id: ids[2]!, tags: ['ml/rl'] });
    await handlers['papers:addTags']({ id: ids[3]!, tags: ['learning'] });
    const renamed = await handlers['tags:rename']({ from: 'ml', to: 'learning' });
    expect(renamed.count).toBe(3);
    expect(await tagsOf(handlers, ids[2]!)).toEqual(['learning/rl']);
    await handlers['history:undo']({});
    await open!.close();
    const reopened = await openSession({ dir, holder: 'test', deps: fixedDeps() });
    open = reopened;
    const again = createHandlers(reopened);
    expect(await tagsOf(again, ids[0]!)).toEqual(['ml']);
    expect(await tagsOf(again, ids[2]!)).toEqual(['ml/rl']);
    expect(await tagsOf(again, ids[3]!)).toEqual(['learning']);
    await again['tags:delete']({ tag: 'ml' });
    expect(await tagsOf(again, ids[2]!)).toEqual([]);
    expect((await again['history:undo']({}))?.label).toBe('deletion of #ml');
    expect(await tagsOf(again, ids[2]!)).toEqual(['ml/rl']);
  });

  it('refuses to move a tag below itself, and renames a tag whose case alone changes', async () => {
    const { handlers, ids } = await start();
    await handlers['papers:editTags']({ ids: ids.slice(0, 2), add: ['ml'], remove: [] });
    await handlers['papers:addTags']({ id: ids[2]!, tags: ['ml/rl'] });
    await expect(handlers['tags:rename']({ from: 'ml', to: 'ml/rl' })).rejects.toThrow(/cannot move below itself/);
    expect(await tagsOf(handlers, ids[2]!)).toEqual(['ml/rl']);
    expect((await handlers['tags:rename']({ from: 'ml', to: 'ML' })).count).toBe(3);
    expect(await tagsOf(handlers, ids[0]!)).toEqual(['ML']);
    expect(await tagsOf(handlers, ids[2]!)).toEqual(['ML/rl']);
  });

  it('keeps a step when its undo cannot be written', async () => {
    const { handlers, ids } = await start();
    await handlers['papers:setStatus']({ id: ids[0]!, status: 'read' });
    const library = open!.library;
    const failing = library.history as unknown as { apply: () => Promise<never> }; // make the one write fail
    const apply = failing.apply;
    failing.apply = () => Promise.reject(new Error('disk full'));
    await expect(handlers['history:undo']({})).rejects.toThrow('disk full');
    failing.apply = apply;
    expect((await handlers['history:undo']({}))?.label).toBe('move to Read');
  });
});
