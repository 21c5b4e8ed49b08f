// `node out/bench/import-loop.js [--papers 2000] [--entries 10000]`: the import part of `npm run bench` alone —
// `margin serve`'s event-loop delay while it imports `--entries` Better BibTeX entries into a library of `--papers`.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLI_FROM_BENCH } from './first-paint.js';
import { measureImportLoopDelay } from './import-loop-delay.js';
import { seed } from './seed.js';
import { syntheticLibrary } from './synthetic.js';
import { betterBibtex, syntheticRefs } from './synthetic-exports.js';

const { values } = parseArgs({
  options: { papers: { type: 'string', default: '2000' }, entries: { type: 'string', default: '10000' } },
});
const papers = Number(values.papers);
const entries = Number(values.entries);
const root = await mkdtemp(path.join(tmpdir(), 'margin-import-loop-'));
try {
  const dir = path.join(root, 'library');
  await seed(dir, syntheticLibrary(papers));
  const bibtex = betterBibtex(syntheticRefs(entries));
  const load = loadavg()[0];
  const result = await measureImportLoopDelay(CLI_FROM_BENCH(fileURLToPath(import.meta.url)), dir, bibtex);
  process.stdout.write(
    `${JSON.stringify({ papers, entries, MB: Math.round(bibtex.length / 1e4) / 100, load, ...result, importEventLoopMaxDelayMs: result.maxMs })}\n`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
