/**
 * `margin sync` killed with SIGKILL at random points (seeded delays) while it merges another machine's changes:
 * the library still opens and reads back valid, holds either everything it had before the sync or everything the
 * complete sync gives (never some papers merged and others not), and the next sync completes to that same state.
 */
import { execFile, spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/library/library.js';
import { LibraryStore } from '../../electron/library/storage/library-store.js';
import { PaperIdSchema, STATUSES } from '../../shared/models/paper.js';
import { CLI_PATH, runMargin } from '../helpers/run-margin.js';
import { bibtex } from '../helpers/sync-lab.js';
import { tempDir } from '../helpers/temp-dir.js';
import { prng, type Random } from '../unit/library/sync/library-generator.js';

const run = promisify(execFile);
const KILLS = 10;
const TAGS = ['llm', 'vision', 'rl', 'theory'];

/** Records and contents as stored, after opening for writing (a journal left by the kill is replayed). */
async function state(dir: string): Promise<{ records: unknown; contents: unknown; notices: string[] }> {
  const store = await LibraryStore.open({ dir, mode: 'write', holder: 'test', now: () => new Date() });
  try {
    const records = (await store.allRecords()).sort((a, b) => a.id.localeCompare(b.id));
    const contents = [...(await store.allContents())].sort(([a], [b]) => a.localeCompare(b));
    return { records, contents, notices: store.notices.map((n) => n.message) };
  } finally {
    await store.close();
  }
}

/** A few edits on `dir` through the library API (status and tags: fields a re-merge settles the same way). */
async function edit(dir: string, r: Random, name: string): Promise<void> {
  let n = 0;
  const library = await Library.open({
    dir,
    mode: 'write',
    holder: 'test',
    deps: { now: () => new Date(), newId: () => PaperIdSchema.parse(`${name}${String(++n).padStart(8, '0')}`) },
  });
  try {
    const papers = await library.papers.records();
    for (let i = 0; i < 4; i++) {
      const paper = r.pick(papers);
      if (r.chance(0.5)) await library.papers.setStatus(paper.id, r.pick(STATUSES));
      else await library.papers.addTags(paper.id, [r.pick(TAGS)]);
    }
  } finally {
    await library.close();
  }
}

/** `margin sync` on `dir`, killed with SIGKILL after `delayMs` (or left to finish when it is quicker). */
function syncKilledAfter(dir: string, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, 'sync', '--library', dir], {
      stdio: 'ignore',
      env: { ...process.env, MARGIN_LIBRARY: '' },
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

describe('margin sync killed with SIGKILL', () => {
  it(`leaves the library before or after the merge, never between, and the next sync completes (${KILLS} kills)`, async () => {
    const r = prng(4242);
    const remote = await tempDir('margin-kill-remote-');
    await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
    const [a, b] = [await tempDir('margin-kill-a-'), await tempDir('margin-kill-b-')];
    const seed = await Library.open({ dir: a, mode: 'write', holder: 'test' });
    const ids = Array.from({ length: 30 }, (_, i) => `2402.${String(20000 + i)}`);
    await seed.imports.run({ text: bibtex(ids), format: 'auto', fileName: 'x.bib', tags: [], dryRun: false });
    await seed.close();
    expect((await runMargin(['sync', '--remote', remote, '--library', a])).code).toBe(0);
    expect((await runMargin(['sync', '--remote', remote, '--library', b])).code).toBe(0);

    const outcomes: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      await edit(b, r, 'bb');
      expect((await runMargin(['sync', '--library', b])).code).toBe(0);
      await edit(a, r, 'aa');
      const before = await state(a);

      // The state a complete sync gives: the same sync on copies of the library and the remote.
      const scratch = await tempDir('margin-kill-scratch-');
      const [copy, remoteCopy] = [path.join(scratch, 'a'), path.join(scratch, 'remote')];
      await cp(a, copy, { recursive: true });
      await cp(remote, remoteCopy, { recursive: true });
      await run('git', ['-C', copy, 'remote', 'set-url', 'origin', remoteCopy]);
      const started = performance.now();
      expect((await runMargin(['sync', '--library', copy])).code).toBe(0);
      const full = performance.now() - started;
      const after = await state(copy);
      expect(after.records).not.toEqual(before.records);

      // Node's start takes the first part of a sync: the kills are spread over the rest, where git and the merge run.
      const outcome = await syncKilledAfter(a, Math.floor((0.35 + 0.65 * r.next()) * full));
      const merging =
        (await run('git', ['-C', a, 'rev-parse', '-q', '--verify', 'MERGE_HEAD']).catch(() => null)) !== null;
      const killed = await state(a);
      expect(killed.notices.filter((n) => /damaged|quarantine|could not be read/i.test(n))).toEqual([]);
      const which =
        JSON.stringify([killed.records, killed.contents]) === JSON.stringify([before.records, before.contents])
          ? 'before'
          : JSON.stringify([killed.records, killed.contents]) === JSON.stringify([after.records, after.contents])
            ? 'after'
            : 'between';
      outcomes.push(`${outcome}:${which}${merging ? ':git-merging' : ''}`);
      expect(which, `kill ${kill}: ${outcome}`).not.toBe('between');

      const next = await runMargin(['sync', '--library', a]);
      expect(next.code, next.stderr).toBe(0);
      const synced = await state(a);
      expect([synced.records, synced.contents]).toEqual([after.records, after.contents]);
      expect((await runMargin(['sync', '--library', b])).code).toBe(0);
    }
    if (process.env.SYNC_DEBUG) console.log(outcomes.join(' '));
    // The seeded delays land both before the merge was written and after.
    expect(outcomes.filter((o) => o.startsWith('killed')).length).toBeGreaterThan(KILLS / 2);
  }, 480_000); // ~120 s in a CI run; twice that beside other heavy work
});
