import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { SAMPLE_DIGEST_PATH } from '../../../helpers/sample-digest.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** MARGIN_CRASH_TRIALS=500 for the full run (README, Reliability). */
const TRIALS = Number(process.env.MARGIN_CRASH_TRIALS ?? 30);
let writerPath = '';

beforeAll(async () => {
  writerPath = path.join(await tempDir('margin-crash-build-'), 'crash-writer.mjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../../helpers/crash-writer.ts')],
    outfile: writerPath,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    // As scripts/build.mjs bundles it: jsonc-parser's UMD build has a lazy require() a bundle cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    logLevel: 'error',
  });
});

/** Start the writer, let it confirm edits for a random while, then SIGKILL it. Returns the lines it confirmed. */
function runAndKill(dir: string, seed: number, afterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerPath, dir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      timer ??= setTimeout(() => child.kill('SIGKILL'), afterMs); // start the clock once the writer is editing
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${err}`));
      // Only whole lines were confirmed; a partial last line was being written when the kill came.
      resolve(out.split('\n').slice(0, -1));
    });
  });
}

describe('crash safety', () => {
  it(`kill -9 during writes never leaves an unreadable library nor loses a confirmed edit (${TRIALS} trials)`, async () => {
    const dir = await tempDir();
    const seedLibrary = await Library.open({ dir, mode: 'write', holder: 'test' });
    await seedLibrary.imports.run({
      text: await readFile(SAMPLE_DIGEST_PATH, 'utf8'),
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    await seedLibrary.close();

    let confirmed = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const lines = await runAndKill(dir, trial, 5 + ((trial * 37) % 120));
      const library = await Library.open({ dir, mode: 'write', holder: 'test' });
      expect(library.notices, `trial ${trial}`).toEqual([]);
      const papers = await library.papers.list();
      for (const line of lines) {
        const [kind, id = '', tag] = line.split(' ');
        const paper = papers.find((p) => p.id === id);
        expect(paper?.tags, `trial ${trial}: confirmed ${line}`).toContain(tag);
        if (kind === 'import') expect(paper?.abstract).toContain(tag);
      }
      confirmed += lines.length;
      await library.close();
    }
    expect(confirmed).toBeGreaterThan(TRIALS);
  }, 600_000);
});
