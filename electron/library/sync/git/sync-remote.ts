/** The remote a library folder syncs with: kept in its own git config, so the app and `margin sync` share it. */
import { gitSucceeds, runGit } from './git-command.js';
import { isTopLevel, prepareRepository, REMOTE } from './git-sync.js';

/** The remote's URL, or null when the library is no repository yet or has no remote (never a parent folder's). */
export async function readRemote(dir: string): Promise<string | null> {
  if (!(await gitSucceeds(dir, ['rev-parse', '--is-inside-work-tree'])) || !(await isTopLevel(dir))) return null;
  const result = await runGit(dir, ['remote', 'get-url', REMOTE]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : null;
}

/** Make the library folder a repository if it is none yet, and sync it with `url` from now on. */
export async function setRemote(dir: string, url: string, branch = 'main'): Promise<void> {
  await prepareRepository(dir, branch, url);
}
