import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli.js';
import type { CliIo } from '../../../electron/cli/support/io.js';
import { seedSyntheticLibrary } from '../../helpers/seed-library.js';
import { librarySnapshot } from '../../helpers/snapshot.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** `n` BibTeX entries, none of them in the seeded library. */
function bib(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `@article{k${i},\n  title = {Paper number ${i} on sparse attention},\n  author = {Doe, Jane},\n  year = {2024}\n}\n`,
  ).join('\n');
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `margin import` in this process on a library of 20 papers and a file of `entries`, its output in buffers; the
 * terminal and Ctrl-C are the test's: `tty` says whether stderr is one, `interruptWhen` presses Ctrl-C once
 * stderr shows that text. The clock stands still, so only a new step is redrawn.
 */
async function importFile(
  entries: number,
  options: { tty: boolean; interruptWhen?: RegExp },
): Promise<Run & { dir: string; before: string }> {
  const dir = await tempDir();
  await seedSyntheticLibrary(dir, 20);
  const before = await librarySnapshot(dir);
  const file = path.join(await tempDir(), 'refs.bib');
  await writeFile(file, bib(entries));
  const run: Run = { code: -1, stdout: '', stderr: '' };
  let interrupt: (() => void) | null = null;
  const io: CliIo = {
    stdout: (t) => (run.stdout += t),
    stderr: (t) => {
      run.stderr += t;
      if (interrupt && options.interruptWhen?.test(t)) interrupt();
    },
    readStdin: () => Promise.resolve(''),
    env: {},
    cwd: process.cwd(),
    stderrIsTTY: options.tty,
    onInterrupt: (listener) => {
      interrupt = listener;
      return () => (interrupt = null);
    },
    now: () => 0,
  };
  run.code = await runCli(['import', file, '--library', dir], io);
  return { ...run, dir, before };
}

describe('margin import progress and Ctrl-C', () => {
  it('draws its progress on a terminal, one line redrawn in place at most so often, and clears it', async () => {
    const run = await importFile(1200, { tty: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('imported bibtex: 1200 added, 0 merged, 0 unchanged, 0 failed\n');
    const draws = run.stderr.split('\r').filter((d) => d.trim() !== '');
    expect(draws.map((d) => d.trim())).toEqual([
      'margin import: Reading refs.bib…',
      'margin import: Parsed 1,200 entries',
      // 1,000 of 1,200 came within the same tenth of a second as 500: not redrawn.
      'margin import: Planning: 500 of 1,200 entries matched against the library',
      'margin import: Writing 1,200 papers…',
      'margin import: Wrote 1,200 papers',
    ]);
    // Cleared: the last thing written blanks the line and returns to its start, leaving no newline.
    expect(run.stderr).toMatch(/\r +\r$/);
    expect(run.stderr).not.toContain('\n');
  });

  it('draws nothing when stderr is not a terminal (a log, a pipe)', async () => {
    const run = await importFile(1200, { tty: false });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });

  it('stops at Ctrl-C before the commit point, with nothing written, a clear message and exit code 130', async () => {
    const run = await importFile(1200, { tty: true, interruptWhen: /Planning: 500 of/ });
    expect(run.code).toBe(130);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /\r +\rmargin import: interrupted \(Ctrl-C\): the import was cancelled while matching against the library; nothing was imported\n$/,
    );
    expect(await librarySnapshot(run.dir)).toBe(run.before);
  });

  it('stops at Ctrl-C pressed before the import starts, with nothing written, and no progress off a terminal', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'refs.bib');
    await writeFile(file, bib(400));
    let stderr = '';
    const code = await runCli(['import', file, '--library', path.join(dir, 'lib')], {
      stdout: () => undefined,
      stderr: (t) => (stderr += t),
      readStdin: () => Promise.resolve(''),
      env: {},
      cwd: process.cwd(),
      onInterrupt: (listener) => {
        listener();
        return () => undefined;
      },
    });
    expect(code).toBe(130);
    expect(stderr).toBe(
      'margin import: interrupted (Ctrl-C): the import was cancelled while reading it; nothing was imported\n',
    );
  });
});
