// The event loop of `margin serve` while it imports a large BibTeX file (issue 18: under 100 ms throughout).
import { spawn, type ChildProcess } from 'node:child_process';
import type { LoopDelay } from '../../electron/host/loop-delay.js';

/** What the serve process's event loop did while an import went through it. */
export interface ImportLoopDelay extends LoopDelay {
  /** From sending the import to its answer. */
  readonly importMs: number;
  readonly added: number;
}

/**
 * How long after the import's answer the loop is still watched: the search index and caches catch up then, and the
 * store writes the import's shards (2 s after the last change, then ~2 s for 2,048 files at 100,000 papers).
 */
const AFTERMATH_MS = 6000;

/**
 * Start `margin serve` on `dir` with its loop watched, import `bibtex` through its HTTP API as the page does
 * (polling the import's progress meanwhile), and read the loop's worst delay from the import's start until
 * `AFTERMATH_MS` after its answer.
 */
export async function measureImportLoopDelay(cliPath: string, dir: string, bibtex: string): Promise<ImportLoopDelay> {
  // MARGIN_SERVE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the serve process (written as it stops).
  const nodeArgs = (process.env.MARGIN_SERVE_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, cliPath, 'serve', '--port', '0', '--library', dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MARGIN_OFFLINE: '1', MARGIN_LOOP_DELAY: '1' },
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const readings: LoopDelay[] = [];
    let waiting: ((delay: LoopDelay) => void) | null = null;
    let err = '';
    child.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      let at: number;
      while ((at = err.indexOf('\n')) >= 0) {
        const line = err.slice(0, at);
        err = err.slice(at + 1);
        if (!line.startsWith('loop-delay ')) process.stderr.write(`${line}\n`);
        else {
          const delay = JSON.parse(line.slice('loop-delay '.length)) as LoopDelay;
          readings.push(delay);
          waiting?.(delay);
        }
      }
    });
    const read = (): Promise<LoopDelay> =>
      new Promise((resolve) => {
        waiting = resolve;
        child.kill('SIGUSR2');
      });
    const url = new URL(
      await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout?.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]?.trim() ?? '');
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      }),
    );
    const token = url.searchParams.get('token') ?? '';
    const call = async (channel: string, body: unknown): Promise<unknown> => {
      const response = await fetch(`${url.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-margin-token': token },
        body: JSON.stringify(body),
      });
      const envelope = (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.message ?? 'failed'}`);
      return envelope.data;
    };
    // Opening the library is not the import's to answer for: let it settle, then start the reading afresh.
    await call('library:overview', {});
    await new Promise((r) => setTimeout(r, 1000));
    await read();
    // Progress asked for every 250 ms meanwhile, as the import dialog does.
    let polling = true;
    const polls = (async () => {
      while (polling) {
        await call('import:progress', { importId: 'bench' });
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const started = performance.now();
    const report = (await call('import:run', {
      text: bibtex,
      format: 'auto',
      fileName: 'bench.bib',
      tags: [],
      importId: 'bench',
    })) as { added: number };
    const importMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, AFTERMATH_MS));
    polling = false;
    await polls;
    const delay = await read();
    return { ...delay, importMs, added: report.added };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
