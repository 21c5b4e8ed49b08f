// `npm run import-check [dir]`: Margin on real exports that no test reads (tests/fixtures/import-holdout by
// default), checked without hand-written expectations: every entry accounted for (imported, or reported with
// its line and reason), no two entries with different DOIs or arXiv ids taken for one paper, no HTML in any field.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Library } from '../../electron/library/library.js';
import { normalizeArxivId, normalizeDoi } from '../../electron/library/merge/identity.js';
import { parseImport } from '../../electron/library/import/parse-import.js';
import { decodeBytes } from '../../shared/text/decode.js';

const dir = path.resolve(process.argv[2] ?? 'tests/fixtures/import-holdout');
const HTML = /<\/?(i|b|em|strong|sub|sup|span|sc|a|p|div|br)\b[^>]*>/i;

/** Entries a file holds, counted by each format's own marker. */
function entriesIn(text: string, format: string): number {
  if (format === 'ris') return (text.match(/^TY {1,2}-/gm) ?? []).length;
  if (format === 'csl-json') {
    const json: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    return Array.isArray(json) ? json.length : 1;
  }
  return (text.match(/^\s*@\s*[A-Za-z][\w-]*\s*[{(]/gm) ?? []).filter((m) => !/@\s*(string|comment|preamble|set|xdata)\b/i.test(m)).length;
}

const totals = { files: 0, entries: 0, accounted: 0, wrongMerges: 0, html: 0 };
for (const format of ['bibtex', 'ris', 'csl-json']) {
  const sub = path.join(dir, format);
  if (!existsSync(sub)) continue;
  for (const file of readdirSync(sub).filter((f) => !f.endsWith('.md') && !f.endsWith('.expected.json')).sort()) {
    const { text } = decodeBytes(readFileSync(path.join(sub, file)));
    const today = new Date();
    const parsed = parseImport(text, 'auto', { fileName: file, today });
    const libraryDir = await mkdtemp(path.join(tmpdir(), 'margin-check-'));
    const library = await Library.open({ dir: libraryDir, mode: 'write', holder: 'import-check' });
    const report = await library.import({ text, format: 'auto', fileName: file, tags: [], dryRun: true });
    await library.close();
    await rm(libraryDir, { recursive: true, force: true });
    const expected = entriesIn(text, format);
    const lines = new Set<number | null>([...report.entries.map((e) => e.line), ...report.failed.map((f) => f.line)]);
    const accounted = Math.min(expected, report.entries.length + report.failed.filter((f) => !report.entries.some((e) => e.line === f.line)).length);
    // Two entries taken for one paper must not name different DOIs or arXiv ids.
    const firstOf = new Map<string, number>();
    let wrongMerges = 0;
    report.entries.forEach((entry, i) => {
      const first = firstOf.get(entry.paperId);
      if (first === undefined) return void firstOf.set(entry.paperId, i);
      const [a, b] = [parsed.entries[first], parsed.entries[i]];
      const doiA = normalizeDoi(a?.doi);
      const doiB = normalizeDoi(b?.doi);
      const arxA = normalizeArxivId(a?.arxivId);
      const arxB = normalizeArxivId(b?.arxivId);
      if ((doiA && doiB && doiA !== doiB) || (arxA && arxB && arxA !== arxB)) {
        wrongMerges++;
        console.log(`  ${file}: "${a?.title.slice(0, 50)}" (${doiA ?? arxA}) and line ${b?.line} (${doiB ?? arxB}) taken for one paper`);
      }
    });
    const html = parsed.entries.filter((e) => HTML.test([e.title, e.abstract ?? '', e.venue ?? '', ...e.authors, ...e.editors].join(' '))).length;
    console.log(`${format}/${file}: ${expected} entries, ${accounted} accounted for (${report.entries.length} imported), ${wrongMerges} wrong merges, ${html} with HTML${lines.has(null) ? ', some reports without a line' : ''}`);
    totals.files++;
    totals.entries += expected;
    totals.accounted += accounted;
    totals.wrongMerges += wrongMerges;
    totals.html += html;
  }
}
console.log(`\n${totals.files} files, ${totals.entries} entries: ${totals.accounted} accounted for, ${totals.wrongMerges} wrong merges, ${totals.html} with HTML`);
