/** Sync figures (issue 20): the first sync of a library to an empty bare remote, then a sync of 100 edits. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { Library } from '../../electron/library/library.js';
import { setSyncRemote, syncLibrary } from '../../electron/library/sync/git/library-sync.js';
import { timed } from './stats.js';

const run = promisify(execFile);

export interface SyncFigures {
  /** Commit the whole library and push it to an empty bare repository, as the app's Sync does. */
  readonly firstSyncMs: number;
  /** Tag 100 papers spread over the library, then sync to the remote that has the rest. */
  readonly sync100EditsMs: number;
  /** Papers each sync said it sent (the whole library, then 100). */
  readonly sent: readonly [number, number];
}

/** Sync the library in `dir` (seeded, closed) with a new bare repository under `root`. */
export async function measureSync(dir: string, root: string): Promise<SyncFigures> {
  const remote = path.join(root, 'sync-remote.git');
  await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
  const library = await Library.open({ dir, mode: 'write', holder: 'bench' });
  try {
    await setSyncRemote(library, remote);
    const first = await timed(() => syncLibrary(library));
    const records = await library.papers.records();
    for (let i = 0; i < 100; i++) {
      const paper = records[(i * 7919) % records.length];
      if (paper) await library.papers.addTags(paper.id, [`bench/sync${i}`]);
    }
    const edits = await timed(() => syncLibrary(library));
    return {
      firstSyncMs: first.ms,
      sync100EditsMs: edits.ms,
      sent: [first.value.sent.length, edits.value.sent.length],
    };
  } finally {
    await library.close();
  }
}
