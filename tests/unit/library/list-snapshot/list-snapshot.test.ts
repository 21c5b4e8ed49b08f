import { readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session, type SessionOptions } from '../../../../electron/library/api/session.js';
import {
  listSnapshotFile,
  listSnapshotPapersHint,
} from '../../../../electron/library/list-snapshot/list-snapshot-file.js';
import { STARTUP_LISTS } from '../../../../electron/library/list-snapshot/list-snapshot-writer.js';
import type { View } from '../../../../shared/ipc/contract.js';
import type { Sort } from '../../../../shared/models/views.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const sessions: Session[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function open(dir: string, options: Partial<SessionOptions> = {}): Promise<Session> {
  const session = await openSession({ dir, holder: 'test', listSnapshotDelayMs: 20, ...options });
  sessions.push(session);
  return session;
}

async function close(session: Session): Promise<void> {
  sessions.splice(sessions.indexOf(session), 1);
  await session.close();
}

const INBOX = STARTUP_LISTS[0] ?? { view: { kind: 'status', status: 'inbox' } as View, sort: 'added' as Sort };

/** What the app asks for on start: the sidebar, and pages of the list it opens with. */
async function firstScreen(session: Session, offsets: readonly number[] = [0, 200, 450]) {
  const handlers = createHandlers(session);
  const { libraryDir: _dir, notices: _notices, ...overview } = await handlers['library:overview']({});
  const pages = [];
  for (const offset of offsets)
    pages.push(await handlers['papers:query']({ ...INBOX, search: '', offset, limit: 200 }));
  return { overview, pages };
}

/** A library whose snapshot was written when its last session closed. */
async function librarySeenOnce(count: number): Promise<string> {
  const dir = await tempDir();
  await seedSyntheticLibrary(dir, count);
  const first = await open(dir);
  await first.warmed;
  await close(first);
  return dir;
}

describe('the list snapshot (the first screen before every record is read)', () => {
  it('is written when a session closes, and answers the next open exactly as the records do', async () => {
    const dir = await librarySeenOnce(2500);
    expect(existsSync(listSnapshotFile(dir))).toBe(true);

    const fast = await open(dir);
    expect(fast.startup.answering).toBe(true);
    const fromSnapshot = await firstScreen(fast);
    await close(fast);

    const slow = await open(dir, { listSnapshot: false });
    expect(slow.startup.answering).toBe(false);
    const fromRecords = await firstScreen(slow);
    expect(fromSnapshot).toEqual(fromRecords);
    expect(fromRecords.pages[0]?.total).toBeGreaterThan(450);
    expect(fromRecords.pages[0]?.rows).toHaveLength(200);
  });

  it('stops answering once the records are read, and at the first change', async () => {
    const dir = await librarySeenOnce(400);
    const session = await open(dir);
    expect(session.startup.answering).toBe(true);
    const handlers = createHandlers(session);
    const before = await handlers['papers:query']({ ...INBOX, search: '', offset: 0, limit: 10 });
    const first = before.rows[0];
    if (!first) throw new Error('the inbox is empty');
    await handlers['papers:setStatus']({ id: PaperIdSchema.parse(first.id), status: 'read' });
    expect(session.startup.answering).toBe(false);
    const after = await handlers['papers:query']({ ...INBOX, search: '', offset: 0, limit: 10 });
    expect(after.rows.map((r) => r.id)).not.toContain(first.id);
    expect(after.total).toBe(before.total - 1);
    await session.warmed;
    expect(session.startup.answering).toBe(false);
  });

  it('is not used once the library changed behind it, and is written again with the change', async () => {
    const dir = await librarySeenOnce(400);
    // Another process (the CLI, a sync) edits without the snapshot.
    const other = await open(dir, { listSnapshot: false });
    const { rows } = await createHandlers(other)['papers:query']({ ...INBOX, search: '', offset: 0, limit: 1 });
    const id = rows[0]?.id ?? '';
    await other.library.papers.setStatus(id, 'reading');
    await close(other);

    const next = await open(dir);
    expect(next.startup.answering).toBe(false);
    const screen = await firstScreen(next, [0]);
    expect(screen.pages[0]?.rows.map((r) => r.id)).not.toContain(id);
    await next.warmed;
    await close(next);
    const again = await open(dir);
    expect(again.startup.answering).toBe(true);
    expect((await firstScreen(again, [0])).pages[0]?.rows.map((r) => r.id)).not.toContain(id);
  });

  it('keeps up with edits: written again after the library is quiet', async () => {
    const dir = await librarySeenOnce(300);
    const session = await open(dir);
    await session.warmed;
    const handlers = createHandlers(session);
    const { rows } = await handlers['papers:query']({ ...INBOX, search: '', offset: 0, limit: 3 });
    const before = await readFile(listSnapshotFile(dir));
    for (const row of rows)
      await handlers['papers:addTags']({ id: PaperIdSchema.parse(row.id), tags: ['snapshot/kept'] });
    await expect
      .poll(async () => (await readFile(listSnapshotFile(dir))).equals(before), { timeout: 5000 })
      .toBe(false);
    const expected = await firstScreen(session, [0]);
    // A crash now (no close): the snapshot written after the edits is still true of the files.
    sessions.splice(sessions.indexOf(session), 1);
    await session.library.close();
    const next = await open(dir);
    expect(next.startup.answering).toBe(true);
    const screen = await firstScreen(next, [0]);
    expect(screen.pages[0]?.rows.filter((r) => r.tags.includes('snapshot/kept'))).toHaveLength(3);
    expect(screen).toEqual(expected);
  });

  it('is written again after the files were read afresh (a sync), from the records as read', async () => {
    const dir = await librarySeenOnce(300);
    const session = await open(dir);
    await session.warmed;
    const handlers = createHandlers(session);
    const { rows } = await handlers['papers:query']({ ...INBOX, search: '', offset: 0, limit: 1 });
    const id = PaperIdSchema.parse(rows[0]?.id);
    const before = await readFile(listSnapshotFile(dir));
    // As a sync does: the files change behind the store, which then reads them again.
    await session.library.whileHeld(async (held) => {
      const record = await session.library.papers.getRecord(id);
      if (!record) throw new Error('no record');
      await held.commit({ records: [{ ...record, status: 'read' }], contents: new Map() });
    });
    session.library.changedBehind([id]);
    await expect
      .poll(async () => (await readFile(listSnapshotFile(dir))).equals(before), { timeout: 5000 })
      .toBe(false);
    await close(session);
    const next = await open(dir);
    expect(next.startup.answering).toBe(true);
    expect((await firstScreen(next, [0])).pages[0]?.rows.map((r) => r.id)).not.toContain(id);
  });

  it('is not used when damaged, cut short or from another layout', async () => {
    const dir = await librarySeenOnce(300);
    const file = listSnapshotFile(dir);
    const whole = await readFile(file);
    const damaged = Buffer.from(whole);
    damaged[damaged.length - 100] = (damaged[damaged.length - 100] ?? 0) ^ 0x20;
    for (const bytes of [damaged, whole.subarray(0, whole.length - 7), Buffer.from('margin-list-snapshot 0\n')]) {
      await writeFile(file, bytes);
      const session = await open(dir, { listSnapshotDelayMs: 60_000 });
      expect(session.startup.answering).toBe(false);
      const { pages } = await firstScreen(session, [0]);
      expect(pages[0]?.rows.length).toBeGreaterThan(0);
      await close(session);
    }
  });

  it('never answers a search, another list or another sort', async () => {
    const dir = await librarySeenOnce(300);
    const session = await open(dir);
    const { startup } = session;
    expect(startup.page({ ...INBOX, search: 'model', offset: 0, limit: 5 })).toBeNull();
    expect(startup.page({ view: { kind: 'all' }, sort: 'added', search: '', offset: 0, limit: 5 })).toBeNull();
    expect(startup.page({ ...INBOX, sort: 'title', search: '', offset: 0, limit: 5 })).toBeNull();
    expect(startup.page({ ...INBOX, search: '  ', offset: 0, limit: 5 })?.rows).toHaveLength(5);
  });

  it('says from its first bytes how many papers it was written for, a hint read without checking the file', async () => {
    const dir = await librarySeenOnce(300);
    expect(listSnapshotPapersHint(dir)).toBe(300);
    const bytes = await readFile(listSnapshotFile(dir));
    await writeFile(listSnapshotFile(dir), bytes.subarray(0, 40));
    expect(listSnapshotPapersHint(dir)).toBeNull();
    await writeFile(listSnapshotFile(dir), `not a snapshot\n${'0'.repeat(64)}\n{"stamp":"x","counts":{"total":5}}\n`);
    expect(listSnapshotPapersHint(dir)).toBeNull();
    expect(listSnapshotPapersHint(await tempDir())).toBeNull();
  });
});
