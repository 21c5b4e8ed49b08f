// Imports of files as reference managers write them, into an empty library, as `margin import` runs them.
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportFormat } from '../../shared/models/paper.js';
import { Library } from '../../electron/library/library.js';
import { workerParser } from '../../electron/library/import/worker-parser.js';
import { existsSync } from 'node:fs';
import { timed } from './stats.js';
import { decodeBytes } from '../../shared/text/decode.js';
import { betterBibtex, cslJsonExport, risExport, syntheticRefs } from './synthetic-exports.js';

/**
 * Import `text` into the library in `dir` (made if new), as `margin import` does: in a fresh process (the
 * import probe), so the bench's own heap (every synthetic paper it holds) does not slow the import's garbage
 * collection. ms from the call to the import on disk, as the probe measured it.
 */
export async function measureImport(
  text: string,
  format: ImportFormat,
  dir: string,
): Promise<{ ms: number; added: number }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(path.dirname(dir), `${path.basename(dir)}-input.${format}`);
  await writeFile(file, text);
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [PROBE, 'import', dir, file, format], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString()));
      child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`import probe exited ${code}`))));
    });
    const result = JSON.parse(out.split('\n')[0] ?? '{}') as { ms?: number; added?: number };
    return { ms: result.ms ?? Number.NaN, added: result.added ?? 0 };
  } finally {
    await rm(file, { force: true });
  }
}

/** Beside the bench's bundle: out/bench/probe.js, and the parse worker the CLI uses. */
const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe.js');
const PARSE_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../workers/parse-worker.js');

/** In the probe's process: import `file` into the library in `dir` and print `{ ms, added }`. */
export async function importInThisProcess(dir: string, file: string, format: ImportFormat): Promise<void> {
  // Read as `margin import` reads a file (bytes, then decoded whole): `readFile(file, 'utf8')` gives a string in
  // pieces, which the import would then pay ~190 ms to join, a cost the CLI never has.
  const text = decodeBytes(await readFile(file)).text;
  // Parsed in worker threads, as `margin import` parses (a large BibTeX file by several at once).
  const parser = existsSync(PARSE_WORKER) ? workerParser(PARSE_WORKER) : undefined;
  const library = await Library.open({
    dir,
    mode: 'write',
    holder: 'margin bench (import)',
    ...(parser ? { parser } : {}),
  });
  try {
    const { ms, value } = await timed(() =>
      library.imports.run({ text, format: 'auto', fileName: `bench.${format}`, tags: [], dryRun: false }),
    );
    process.stdout.write(`${JSON.stringify({ ms, added: value.added })}\n`);
  } finally {
    await library.close();
  }
}

export interface ExportImports {
  /** `min(papers, 10,000)` Zotero/Better BibTeX entries (macros, accents, TeX in abstracts) into an empty library. */
  readonly import10kBibtexMs: number;
  /** 50,000 of the same kind of entries, when asked for: linear against `import10kBibtexMs` (≤ 5 × it × 1.2). */
  readonly import50kBibtexMs: number | null;
  readonly import10kRisMs: number;
  readonly import10kCslJsonMs: number;
}

/** Entries per BibTeX file in the 50k import: ~50 MB, under the 64 MB an import may be (50,000 are 123 MB). */
const FILE_ENTRIES = 20_000;

/**
 * Zotero/Better BibTeX, RIS and CSL-JSON exports of `min(papers, 10,000)` entries imported into empty
 * libraries, and 50,000 Better BibTeX entries only when `bibtex50k` (minutes; the 100k size runs it), as
 * three files imported one after another into the same library (one would be over the size limit).
 */
export async function measureExportImports(
  papers: number,
  root: string,
  bibtex50k: boolean,
  log: (line: string) => void,
): Promise<ExportImports> {
  const refs = syntheticRefs(Math.min(papers, 10_000));
  log('  import Better BibTeX, RIS and CSL-JSON…');
  const bib = await measureImport(betterBibtex(refs), 'bibtex', path.join(root, 'import-bbt-10k'));
  const ris = await measureImport(risExport(refs), 'ris', path.join(root, 'import-ris'));
  const csl = await measureImport(cslJsonExport(refs), 'csl-json', path.join(root, 'import-csl'));
  let bib50k: number | null = null;
  if (bibtex50k) {
    log('  import 50,000 Better BibTeX entries…');
    const all = syntheticRefs(50_000);
    bib50k = 0;
    for (let i = 0; i < all.length; i += FILE_ENTRIES)
      bib50k += (
        await measureImport(betterBibtex(all.slice(i, i + FILE_ENTRIES)), 'bibtex', path.join(root, 'import-50k'))
      ).ms;
  }
  return {
    import10kBibtexMs: bib.ms,
    import50kBibtexMs: bib50k,
    import10kRisMs: ris.ms,
    import10kCslJsonMs: csl.ms,
  };
}
