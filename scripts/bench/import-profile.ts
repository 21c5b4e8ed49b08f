// `node out/bench/import-profile.js [--entries 10000] [--papers 10000] [--format bibtex|ris|csl-json] [--reference]`:
// where an import's time goes, phase by phase, into a library that already holds `--papers` papers.
// For a CPU profile of one phase, run it under `node --cpu-prof`.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from '@retorquere/bibtex-parser';
import { bibliography } from '../../electron/library/export/bibliography/export-bibliography.js';
import { Library } from '../../electron/library/library.js';
import { mendExport } from '../../electron/library/import/bibtex-exports.js';
import { protectTex } from '../../electron/library/import/bibtex-tex.js';
import { parseImport } from '../../electron/library/import/parse-import.js';
import type { ParsedImport } from '../../electron/library/import/import-parser.js';
import { seed } from './seed.js';
import { round, timed } from './stats.js';
import { syntheticLibrary } from './synthetic.js';
import { betterBibtex, cslJsonExport, risExport, syntheticRefs } from './synthetic-exports.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '10000' },
    papers: { type: 'string', default: '10000' },
    format: { type: 'string', default: 'bibtex' },
    /** `margin`: the BibTeX Margin itself exports (the bench's import10kMarginBibtexMs) instead of Zotero's. */
    source: { type: 'string', default: 'zotero' },
    /** Also time @retorquere/bibtex-parser alone on the whole text (minutes at 10k entries). */
    reference: { type: 'boolean', default: false },
  },
});
const entries = Number(values.entries);
const papers = Number(values.papers);
const format = values.format;
if (format !== 'bibtex' && format !== 'ris' && format !== 'csl-json')
  throw new Error(`--format is bibtex, ris or csl-json, not "${format}"`);

const refs = syntheticRefs(entries);
const text =
  values.source === 'margin'
    ? bibliography(
        syntheticLibrary(entries, 43).map((p) => ({ ...p.record, ...p.content })),
        format === 'bibtex' ? 'bibtex' : 'csl-json',
      )
    : format === 'bibtex'
      ? betterBibtex(refs)
      : format === 'ris'
        ? risExport(refs)
        : cslJsonExport(refs);
const phases: Record<string, number> = {};
const log = (line: string) => process.stderr.write(`${line}\n`);
log(
  `${entries} ${values.source} ${format} entries (${round(text.length / 1048576, 1)} MB) into ${papers} papers; load ${loadavg()[0]}`,
);

if (format === 'bibtex' && values.reference) {
  // The parser on its own, as parseBibtex calls it, to see its share of the parse.
  const prepared = await timed(async () => protectTex(mendExport(text).text).text);
  phases.prepareMs = prepared.ms;
  phases.bibtexParserMs = (
    await timed(async () =>
      parse(prepared.value, {
        sentenceCase: false,
        caseProtection: false,
        unsupported: 'ignore',
        english: false,
        applyCrossRef: true,
      }),
    )
  ).ms;
}
const parsed = await timed(async () => parseImport(text, format, { fileName: `bench.${format}`, today: new Date() }));
phases.parseMs = parsed.ms;
log(`  parsed ${parsed.value.entries.length} entries, ${parsed.value.failures.length} failures`);

const root = await mkdtemp(path.join(tmpdir(), 'margin-import-profile-'));
try {
  const dir = path.join(root, 'library');
  await seed(dir, syntheticLibrary(papers));
  const cached: ParsedImport = parsed.value;
  const library = await Library.open({
    dir,
    mode: 'write',
    holder: 'margin import profile',
    parser: async () => cached,
  });
  try {
    const request = { text, format, fileName: `bench.${format}`, tags: [] } as const;
    phases.planMs = (await timed(() => library.imports.run({ ...request, dryRun: true }))).ms;
    const run = await timed(() => library.imports.run({ ...request, dryRun: false }));
    phases.planAndCommitMs = run.ms;
    log(`  added ${run.value.added}, merged ${run.value.merged}`);
  } finally {
    await library.close();
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
phases.totalMs = (phases.parseMs ?? 0) + (phases.planAndCommitMs ?? 0);
process.stdout.write(
  `${JSON.stringify({ format, entries, papers, ...Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v)])) })}\n`,
);
