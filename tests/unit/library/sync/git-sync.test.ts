import { execFile } from 'node:child_process';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { attachmentPath, storePdf } from '../../../../electron/library/attachments/attachment-files.js';
import { LibraryStore } from '../../../../electron/library/storage/library-store.js';
import { syncWithGit } from '../../../../electron/library/sync/git/git-sync.js';
import { gitignoreBlock } from '../../../../electron/library/sync/gitignore.js';
import type { PaperContent, PaperRecord } from '../../../../shared/models/paper.js';
import { makePdf } from '../../../helpers/make-pdf.js';
import { paperRecord } from '../../../helpers/paper-record.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const run = promisify(execFile);
const now = () => new Date('2026-02-01T00:00:00.000Z');
const P = 'paper0001';
const Q = 'paper0002';
const at = (minute: number) => `2026-02-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

async function bareRemote(): Promise<string> {
  const dir = await tempDir('margin-remote-');
  await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', dir]);
  return dir;
}

/** One machine: its library folder, opened for writing for each step as the CLI does. */
/** Machines A and B synced through a fresh bare remote, both holding paper P tagged `a`. */
async function twoMachinesSharingOnePaper() {
  const remote = await bareRemote();
  const a = machine(await tempDir('margin-a-'));
  const b = machine(await tempDir('margin-b-'));
  await a.edit((s) => put(s, paperRecord(P, { tags: ['a'], updatedAt: at(0) }), null, at(0)));
  await a.sync({ remote });
  await b.sync({ remote });
  return { a, b };
}

function machine(dir: string) {
  const open = () => LibraryStore.open({ dir, mode: 'write', holder: 'test', now });
  return {
    dir,
    async edit(change: (store: LibraryStore) => Promise<void>): Promise<void> {
      const store = await open();
      await change(store);
      await store.close();
    },
    async sync(options: Parameters<typeof syncWithGit>[1] = {}) {
      const store = await open();
      try {
        return await syncWithGit(store, options);
      } finally {
        await store.close();
      }
    },
    async read(): Promise<{ records: PaperRecord[]; contents: Map<string, PaperContent> }> {
      const store = await LibraryStore.open({ dir, mode: 'read', holder: 'test', now });
      const state = { records: await store.allRecords(), contents: await store.allContents() };
      await store.close();
      return state;
    },
  };
}

async function put(store: LibraryStore, record: PaperRecord, note: string | null, noteAt: string): Promise<void> {
  const content: PaperContent = {
    abstract: 'A.',
    note: note === null ? null : { text: note, updatedAt: noteAt },
    annotations: [],
  };
  await store.commit({ records: [{ ...record, hasNote: note !== null }], contents: new Map([[record.id, content]]) });
}

async function clean(dir: string): Promise<string> {
  return (await run('git', ['-C', dir, 'status', '--porcelain'])).stdout;
}

describe('syncWithGit', () => {
  it('pushes, fast-forwards and merges two machines paper by paper, until both hold the same library', async () => {
    const remote = await bareRemote();
    const a = machine(await tempDir('margin-a-'));
    const b = machine(await tempDir('margin-b-'));
    await a.edit((s) => put(s, paperRecord(P, { tags: ['a'], updatedAt: at(0) }), 'line1\nline2\nline3', at(0)));

    expect(await a.sync({ remote })).toMatchObject({ result: 'pushed', committedLocal: true });
    // A new machine with a library of its own: unrelated histories, merged against an empty ancestor.
    await b.edit((s) => put(s, paperRecord(Q, { updatedAt: at(1) }), null, at(1)));
    expect(await b.sync({ remote })).toMatchObject({ result: 'merged' });
    expect(await a.sync()).toMatchObject({ result: 'fast-forwarded', reopen: true });

    // Both edit the same paper before syncing again.
    await a.edit(async (s) => {
      const p = (await s.getRecord(P)) ?? paperRecord(P);
      await put(s, { ...p, status: 'read', tags: ['a', 'x'], updatedAt: at(5) }, 'line1 by A\nline2\nline3', at(5));
    });
    await b.edit(async (s) => {
      const p = (await s.getRecord(P)) ?? paperRecord(P);
      await put(s, { ...p, status: 'reading', tags: ['a', 'y'], updatedAt: at(4) }, 'line1\nline2\nline3 by B', at(4));
    });
    expect(await a.sync()).toMatchObject({ result: 'pushed' });
    const merged = await b.sync();
    expect(merged.result).toBe('merged');
    expect(merged.merges[0]?.papers[0]?.superseded).toEqual([
      { field: 'status', kept: 'read', keptAt: at(5), dropped: 'reading', droppedAt: at(4) },
    ]);
    expect(await a.sync()).toMatchObject({ result: 'fast-forwarded' });
    expect(await b.sync()).toMatchObject({ result: 'up-to-date', committedLocal: false });

    const [onA, onB] = [await a.read(), await b.read()];
    expect(onA).toEqual(onB);
    expect(onA.records.find((r) => r.id === P)).toMatchObject({ status: 'read', tags: ['a', 'x', 'y'] });
    expect(onA.contents.get(P)?.note?.text).toBe('line1 by A\nline2\nline3 by B');
    expect(onA.records.map((r) => r.id).sort()).toEqual([P, Q]);
    expect(await clean(a.dir)).toBe('');
    expect(await clean(b.dir)).toBe('');
  });

  it('merges again and pushes when another machine pushed first (a lost push race)', async () => {
    const { a, b } = await twoMachinesSharingOnePaper();
    await a.edit(async (s) =>
      s.putRecord({ ...((await s.getRecord(P)) ?? paperRecord(P)), tags: ['a', 'from-a'], updatedAt: at(2) }),
    );
    await b.edit(async (s) =>
      s.putRecord({ ...((await s.getRecord(P)) ?? paperRecord(P)), tags: ['a', 'from-b'], updatedAt: at(3) }),
    );

    // B pushes while A is between its fetch and its push.
    const outcome = await a.sync({
      beforePush: async (attempt) => {
        if (attempt === 0) expect((await b.sync()).result).toBe('pushed');
      },
    });

    expect(outcome).toMatchObject({ result: 'merged', retries: 1 });
    await b.sync();
    const [onA, onB] = [await a.read(), await b.read()];
    expect(onA).toEqual(onB);
    expect(onA.records[0]?.tags).toEqual(['a', 'from-a', 'from-b']);
  });

  it('finishes a sync that stopped halfway through a merge, keeping what it had written', async () => {
    const { a, b } = await twoMachinesSharingOnePaper();
    await a.edit(async (s) =>
      s.putRecord({ ...((await s.getRecord(P)) ?? paperRecord(P)), tags: ['a', 'from-a'], updatedAt: at(2) }),
    );
    await a.sync();
    await b.edit(async (s) =>
      s.putRecord({ ...((await s.getRecord(P)) ?? paperRecord(P)), tags: ['a', 'from-b'], updatedAt: at(3) }),
    );
    // B was killed after git began the merge and before Margin wrote and committed it.
    await run('git', ['-C', b.dir, 'add', '--all']);
    await run('git', ['-C', b.dir, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '-qm', 'local']);
    await run('git', ['-C', b.dir, 'fetch', '-q', 'origin']);
    await run('git', ['-C', b.dir, 'merge', '-q', '--no-commit', '--no-ff', '--strategy=ours', 'origin/main']);

    expect((await b.sync()).result).toBe('merged');
    await a.sync();
    const [onA, onB] = [await a.read(), await b.read()];
    expect(onA).toEqual(onB);
    expect(onA.records[0]?.tags).toEqual(['a', 'from-a', 'from-b']);
  });

  it('refuses a remote commit with a damaged shard, and changes nothing here', async () => {
    const { a, b } = await twoMachinesSharingOnePaper();
    await a.sync();
    const shard = (await run('git', ['-C', a.dir, 'ls-files', 'papers'])).stdout.trim().split('\n')[0] ?? '';
    await writeFile(path.join(a.dir, shard), '{"version": 1, "papers": {"paper0001": {"id": 7}}}');
    await run('git', ['-C', a.dir, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '-qam', 'damaged']);
    await run('git', ['-C', a.dir, 'push', '-q', 'origin', 'HEAD:main']);
    await b.edit(async (s) =>
      s.putRecord({ ...((await s.getRecord(P)) ?? paperRecord(P)), tags: ['b'], updatedAt: at(3) }),
    );
    const before = await b.read();

    await expect(b.sync()).rejects.toThrow(/:papers\/[0-9a-f]+\.json: has unexpected content/);

    expect(await b.read()).toEqual(before);
    expect(await run('git', ['-C', b.dir, 'rev-parse', '-q', '--verify', 'MERGE_HEAD']).catch(() => null)).toBeNull();
  });

  it('asks for a remote the first time', async () => {
    const a = machine(await tempDir('margin-a-'));
    await expect(a.sync()).rejects.toThrow(/no remote/);
  });

  describe('PDFs stay out of git', () => {
    /** A paper on machine `m` with a PDF kept in its library; returns the PDF's hash. */
    async function paperWithPdf(m: ReturnType<typeof machine>): Promise<string> {
      const { sha256, bytes } = await storePdf(m.dir, { bytes: await makePdf([['A page.']]) }, 'p.pdf');
      const attachments = [{ sha256, fileName: 'p.pdf', bytes, addedAt: at(0) }];
      await m.edit((s) => put(s, paperRecord(P, { attachments, updatedAt: at(0) }), null, at(0)));
      return sha256;
    }
    const tree = async (dir: string, ref: string) =>
      (await run('git', ['-C', dir, 'ls-tree', '-r', '--name-only', ref])).stdout.split('\n').filter(Boolean);
    const tracked = async (dir: string) =>
      (await run('git', ['-C', dir, 'ls-files'])).stdout.split('\n').filter(Boolean);

    it('syncs a library with a PDF to a second machine without the PDF: the remote has none, the record lists it', async () => {
      const remote = await bareRemote();
      const a = machine(await tempDir('margin-a-'));
      const b = machine(await tempDir('margin-b-'));
      const sha = await paperWithPdf(a);

      await a.sync({ remote });
      await b.sync({ remote });

      expect((await tree(remote, 'main')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
      expect(await tree(remote, 'main')).toContain('.gitignore');
      expect((await b.read()).records[0]?.attachments.map((x) => x.sha256)).toEqual([sha]);
      await expect(stat(attachmentPath(b.dir, sha))).rejects.toThrow(/ENOENT/);
      expect(await clean(a.dir)).toBe('');
    });

    it('stops tracking PDFs an older Margin committed, in the sync’s own commit, and keeps every file', async () => {
      const remote = await bareRemote();
      const a = machine(await tempDir('margin-a-'));
      const sha = await paperWithPdf(a);
      // An older Margin: its .gitignore let PDFs in, and it committed and pushed one.
      const older = gitignoreBlock()
        .split('\n')
        .filter((line) => line !== '/attachments/*.pdf')
        .join('\n');
      await run('git', ['-C', a.dir, 'init', '-q', '--initial-branch', 'main']);
      await writeFile(path.join(a.dir, '.gitignore'), `${older}\n`);
      await run('git', ['-C', a.dir, 'remote', 'add', 'origin', remote]);
      await run('git', ['-C', a.dir, 'add', '--all']);
      await run('git', ['-C', a.dir, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '-qm', 'older Margin']);
      await run('git', ['-C', a.dir, 'push', '-q', 'origin', 'HEAD:main']);
      expect(await tracked(a.dir)).toContain(`attachments/${sha}.pdf`);
      // A second machine synced while the PDF was still in git: it has the file, from the merge.
      const b = machine(await tempDir('margin-b-'));
      await b.sync({ remote });
      const bytes = await readFile(attachmentPath(a.dir, sha));
      expect(await readFile(attachmentPath(b.dir, sha))).toEqual(bytes);

      expect((await a.sync()).committedLocal).toBe(true);

      expect((await tracked(a.dir)).filter((f) => f.endsWith('.pdf'))).toEqual([]);
      expect((await tree(remote, 'main')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
      expect(await readFile(attachmentPath(a.dir, sha))).toEqual(bytes);
      expect(await clean(a.dir)).toBe('');
      // The other machine merges the removal from git and keeps its file too.
      await b.sync();
      await a.sync();
      expect((await tracked(b.dir)).filter((f) => f.endsWith('.pdf'))).toEqual([]);
      expect(await readFile(attachmentPath(b.dir, sha))).toEqual(bytes);
      expect(await clean(b.dir)).toBe('');
      expect(await a.read()).toEqual(await b.read());
    });

    it('keeps the PDFs of a machine whose checkout still tracks them when another machine untracked them first', async () => {
      const remote = await bareRemote();
      const a = machine(await tempDir('margin-a-'));
      const sha = await paperWithPdf(a);
      await run('git', ['-C', a.dir, 'init', '-q', '--initial-branch', 'main']);
      await writeFile(path.join(a.dir, '.gitignore'), 'write.lock\n*.tmp\n/backups/\n');
      await run('git', ['-C', a.dir, 'remote', 'add', 'origin', remote]);
      await run('git', ['-C', a.dir, 'add', '--all']);
      await run('git', ['-C', a.dir, '-c', 'user.name=T', '-c', 'user.email=t@t', 'commit', '-qm', 'older Margin']);
      await run('git', ['-C', a.dir, 'push', '-q', 'origin', 'HEAD:main']);
      // B is a plain clone of that history: its checkout tracks the PDF (git would delete it on a fast-forward).
      const b = machine(path.join(await tempDir('margin-b-parent-'), 'library'));
      await run('git', ['clone', '-q', remote, b.dir]);
      expect(await tracked(b.dir)).toContain(`attachments/${sha}.pdf`);
      await a.sync();

      const outcome = await b.sync();

      // B's own commit untracks the PDF before it fetches, so it never fast-forwards over it: a merge, or (within
      // the same second on one host, the same commit as A's) nothing to do.
      expect(['merged', 'up-to-date']).toContain(outcome.result);
      expect(outcome.committedLocal).toBe(true);
      expect(await readFile(attachmentPath(b.dir, sha))).toEqual(await readFile(attachmentPath(a.dir, sha)));
      expect((await tracked(b.dir)).filter((f) => f.endsWith('.pdf'))).toEqual([]);
      expect(await clean(b.dir)).toBe('');
    });
  });
});
