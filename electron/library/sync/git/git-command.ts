/** The user's `git`, run on the library folder: its output, or a LibraryError that says what git said. */
import { spawn } from 'node:child_process';
import { LibraryError } from '../../storage/errors.js';

export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** Run git in `dir`; never throws for a non-zero exit (callers decide what an exit means). */
export function runGit(dir: string, args: readonly string[], input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    // No prompt for credentials or an editor: a sync runs unattended.
    const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', LC_ALL: 'C' };
    const child = spawn('git', ['-C', dir, ...args], {
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) =>
      reject(new LibraryError('io', `cannot run git (${error.message}); sync needs git installed and on the PATH`)),
    );
    child.on('close', (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }),
    );
    if (input !== undefined && child.stdin) {
      // A git that exits before reading all its input says why through its exit code and stderr.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    }
  });
}

/** Run git and return its output as text; a non-zero exit is an `io` error quoting git. */
export async function git(dir: string, args: readonly string[], input?: string): Promise<string> {
  const result = await runGit(dir, args, input);
  if (result.code !== 0)
    throw new LibraryError(
      'io',
      `git ${args[0] ?? ''} failed in ${dir}: ${result.stderr.trim() || `exit ${result.code}`}`,
    );
  return result.stdout.toString('utf8');
}

/** Whether git succeeds (for questions: is this an ancestor, does this ref exist). */
export async function gitSucceeds(dir: string, args: readonly string[]): Promise<boolean> {
  return (await runGit(dir, args)).code === 0;
}

/** The text of many blobs in one git process (`cat-file --batch`): by object id. */
export async function readBlobs(dir: string, ids: readonly string[]): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (ids.length === 0) return blobs;
  const { stdout } = await runGit(dir, ['cat-file', '--batch'], `${ids.join('\n')}\n`);
  let at = 0;
  while (at < stdout.length) {
    const eol = stdout.indexOf(0x0a, at);
    if (eol === -1) break;
    const [id, type, size] = stdout.subarray(at, eol).toString('utf8').split(' ');
    if (id === undefined || type !== 'blob' || size === undefined)
      throw new LibraryError('io', `git cat-file could not read ${id ?? 'an object'} in ${dir}`);
    const end = eol + 1 + Number(size);
    blobs.set(id, stdout.subarray(eol + 1, end).toString('utf8'));
    at = end + 1;
  }
  return blobs;
}
