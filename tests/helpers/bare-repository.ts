import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tempDir } from './temp-dir.js';

const run = promisify(execFile);

/** An empty bare git repository in a temp folder (removed after the test): a remote to sync with. */
export async function bareRepository(): Promise<string> {
  const dir = await tempDir('margin-remote-');
  await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', dir]);
  return dir;
}
