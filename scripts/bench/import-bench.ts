// Imports of files as reference managers write them, into an empty library, as `margin import` runs them.
import path from 'node:path';
import type { ImportFormat } from '../../shared/models/paper.js';
import { Library } from '../../electron/library/library.js';
import { timed } from './stats.js';
import { betterBibtex, cslJsonExport, risExport, syntheticRefs } from './synthetic-exports.js';

/** Import `text` into a new library in `dir`; ms from the call to the import on disk. */
export async function measureImport(
  text: string,
  format: ImportFormat,
  dir: string,
): Promise<{ ms: number; added: number }> {
  const library = await Library.open({ dir, mode: 'write', holder: 'margin bench (import)' });
  try {
    const { ms, value } = await timed(() =>
      library.imports.run({ text, format: 'auto', fileName: `bench.${format}`, tags: [], dryRun: false }),
    );
    return { ms, added: value.added };
  } finally {
    await library.close();
  }
}

export interface ExportImports {
  readonly import50kBibtexMs: number | null;
  readonly import10kRisMs: number;
  readonly import10kCslJsonMs: number;
}

/** Entries per BibTeX file in the 50k import: ~50 MB, under the 64 MB an import may be (50,000 are 123 MB). */
const FILE_ENTRIES = 20_000;

/**
 * Zotero/Better BibTeX, RIS and CSL-JSON exports imported into empty libraries: `min(papers, 10,000)`
 * entries of RIS and CSL-JSON, and 50,000 of BibTeX only when `bibtex50k` (minutes; the 100k size runs it),
 * as three files imported one after another into the same library (one would be over the size limit).
 */
export async function measureExportImports(
  papers: number,
  root: string,
  bibtex50k: boolean,
  log: (line: string) => void,
): Promise<ExportImports> {
  const refs = syntheticRefs(Math.min(papers, 10_000));
  log('  import RIS and CSL-JSON…');
  const ris = await measureImport(risExport(refs), 'ris', path.join(root, 'import-ris'));
  const csl = await measureImport(cslJsonExport(refs), 'csl-json', path.join(root, 'import-csl'));
  let bib: number | null = null;
  if (bibtex50k) {
    log('  import 50,000 Better BibTeX entries…');
    const all = syntheticRefs(50_000);
    bib = 0;
    for (let i = 0; i < all.length; i += FILE_ENTRIES)
      bib += (
        await measureImport(betterBibtex(all.slice(i, i + FILE_ENTRIES)), 'bibtex', path.join(root, 'import-50k'))
      ).ms;
  }
  return { import50kBibtexMs: bib, import10kRisMs: ris.ms, import10kCslJsonMs: csl.ms };
}
