import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli.js';
import type { CliIo } from '../../../electron/cli/support/io.js';
import { PAPERS_DIR, shardFileName, shardOf } from '../../../electron/library/storage/layout.js';
import { LibraryStore } from '../../../electron/library/storage/library-store.js';
import { paperRecord } from '../../helpers/paper-record.js';
import { tempDir } from '../../helpers/temp-dir.js';

const run = promisify(execFile);

/** The CLI in this process, its output in buffers. */
async function margin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readStdin: () => Promise.resolve(''),
    env: {},
    cwd: process.cwd(),
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

async function libraryWith(dir: string, tags: string[]): Promise<void> {
  const store = await LibraryStore.open({ dir, mode: 'write', holder: 'test', now: () => new Date() });
  await store.putRecord(paperRecord('paper0001', { tags }));
  await store.close();
}

describe('margin sync', () => {
  it('syncs two libraries through a remote', async () => {
    const remote = await tempDir('margin-remote-');
    await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
    const [a, b] = [await tempDir(), await tempDir()];
    await libraryWith(a, ['from-a']);
    await libraryWith(b, ['from-b']);
    expect(await margin('sync', '--remote', remote, '--library', a)).toEqual({
      code: 0,
      stdout: 'pushed this machine’s changes\n',
      stderr: '',
    });
    const merged = await margin('sync', '--remote', remote, '--library', b);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('merged both machines’ changes and pushed the result');
    const shown = await margin('show', 'paper0001', '--json', '--library', b);
    expect((JSON.parse(shown.stdout) as { tags: string[] }).tags).toEqual(['from-a', 'from-b']);
  });

  it('merges a cloud drive’s conflicted copies', async () => {
    const dir = await tempDir();
    await libraryWith(dir, ['mine']);
    const shard = shardFileName(shardOf('paper0001', 1024), 1024);
    const copy = shard.replace('.json', ' (conflicted copy).json');
    await writeFile(
      path.join(dir, PAPERS_DIR, copy),
      JSON.stringify({ version: 1, papers: { paper0001: paperRecord('paper0001', { tags: ['theirs'] }) } }),
    );
    const result = await margin('sync', '--conflicted-copies', '--library', dir);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain(`merged papers/${copy} (dropbox) into papers/${shard}: 1 paper changed`);
    expect((await margin('sync', '--conflicted-copies', '--library', dir)).stdout).toBe('No conflicted copies.\n');
  });

  it('refuses a remote with --conflicted-copies', async () => {
    expect((await margin('sync', '--conflicted-copies', '--remote', 'x')).code).toBe(2);
  });
});
