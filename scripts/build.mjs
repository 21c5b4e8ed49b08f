// Builds every part of Margin: the Node side with esbuild (main, preload, CLI, worker, bench), the renderer with Vite.
import { build } from 'esbuild';
import { cp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { collectLicenses } from './licenses.mjs';

await rm('out', { recursive: true, force: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // ESM bundles still meet CommonJS dependencies that call require(); give them one.
  banner: {
    js: "import { createRequire as __marginCreateRequire } from 'node:module'; const require = __marginCreateRequire(import.meta.url);",
  },
  format: 'esm',
  // pdf.js stays a package everywhere: its Node build loads its own worker module by path. better-sqlite3 (the
  // search index) finds its native module beside its own files, so it is loaded from node_modules too.
  external: ['electron', 'pdfjs-dist', 'better-sqlite3'],
  // jsonc-parser's main build is UMD, whose lazy require('./impl/…') a bundle cannot follow: its ES module build is.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Citation styles (assets/csl/) are bundled as text: formatting a citation reads no file and goes nowhere.
  loader: { '.csl': 'text' },
};

const entries = [
  { in: 'electron/cli/margin.ts', out: 'out/cli/margin.js', banner: '#!/usr/bin/env node' },
  { in: 'electron/main/main.ts', out: 'out/main/main.js' },
  { in: 'electron/workers/search-worker.ts', out: 'out/workers/search-worker.js' },
  { in: 'electron/workers/parse-worker.ts', out: 'out/workers/parse-worker.js' },
  { in: 'electron/workers/pdf-text-worker.ts', out: 'out/workers/pdf-text-worker.js' },
  // The bench drives Chromium through playwright-core, which must stay a package (it finds its own files).
  { in: 'scripts/bench/bench.ts', out: 'out/bench/bench.js', external: ['playwright-core'] },
  { in: 'scripts/bench/probes.ts', out: 'out/bench/probe.js' },
  { in: 'scripts/bench/import-profile.ts', out: 'out/bench/import-profile.js' },
  { in: 'scripts/bench/import-loop.ts', out: 'out/bench/import-loop.js' },
  { in: 'scripts/bench/late-turns.ts', out: 'out/bench/late-turns.js' },
  { in: 'scripts/fixtures/digest-accuracy.ts', out: 'out/fixtures/digest-accuracy.js' },
  { in: 'scripts/fixtures/import-check.ts', out: 'out/fixtures/import-check.js' },
];
for (const entry of entries) {
  // A missing entry point is a broken build, never a silently smaller one.
  if (!existsSync(entry.in)) throw new Error(`build: entry point ${entry.in} is missing`);
  await build({
    ...node,
    external: [...node.external, ...(entry.external ?? [])],
    entryPoints: [entry.in],
    outfile: entry.out,
    banner: { js: `${entry.banner ? `${entry.banner}\n` : ''}${node.banner.js}` },
  });
}
for (const required of ['electron/preload/preload.ts', 'renderer/index.html']) {
  if (!existsSync(required)) throw new Error(`build: entry point ${required} is missing`);
}
// Sandboxed preloads must be CommonJS and may only require 'electron'.
await build({
  entryPoints: ['electron/preload/preload.ts'],
  outfile: 'out/preload/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
});
const { build: viteBuild } = await import('vite');
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
// pdf.js reads its standard fonts and character maps as files of the app: reading a PDF never goes online.
for (const dir of ['standard_fonts', 'cmaps'])
  await cp(`node_modules/pdfjs-dist/${dir}`, `out/renderer/pdfjs/${dir}`, { recursive: true });
// The About dialog lists the licences of every package the app carries (main reads this file).
await writeFile('out/licenses.json', `${JSON.stringify(await collectLicenses(process.cwd()), null, 2)}\n`);
console.log('built out/');
