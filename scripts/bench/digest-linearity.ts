/**
 * Digest parsing grows linearly with the input: each source's real sample, repeated to 1, 2, 4 and 8 MB,
 * parsed through `parseImport` (what the parse worker runs), and a 5 MB paste timed on its own. The
 * figure to watch is `msPerMB` staying flat as the input doubles (`growth` = ms per MB at the largest
 * size ÷ ms per MB at the smallest; 1 is perfectly linear, a quadratic parser would show ~8).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseImport } from '../../electron/library/import/parse-import.js';
import { round, summarize } from './stats.js';

const DIGESTS = path.resolve(process.cwd(), 'tests/fixtures/digests');
const MB = 1024 * 1024;

/** One real sample per source; the HTML case reads the Hugging Face page from its HTML as a browser paste does. */
const SAMPLES: ReadonlyArray<{ name: string; file: string; html?: boolean }> = [
  { name: 'arxiv-listing', file: 'arxiv-listing/astrochristian-astro-ph-recent-2024-11-22.txt' },
  { name: 'arxiv-mailing', file: 'arxiv-mailing/jccr-cs-daily-2024-11-07.txt' },
  { name: 'scholar-alert', file: 'scholar-alert/landau-cheng-li-related-2026-01-22.txt' },
  { name: 'biorxiv-alert', file: 'biorxiv-alert/landau-biorxiv-subject-collection-2026-01-22.txt' },
  { name: 'hf-page', file: 'hf-page/slbqc-hf-daily-papers-2024-08-01.txt' },
  { name: 'hf-page (HTML)', file: 'hf-page/slbqc-hf-daily-papers-2024-08-01.html', html: true },
  { name: 'page (fallback)', file: '../daily-papers.txt' },
];

export interface LinearityResult {
  readonly source: string;
  /** Median parse time at each size, in ms. */
  readonly ms: Record<string, number>;
  readonly msPerMB: Record<string, number>;
  readonly growth: number;
  readonly fiveMBms: number;
  readonly papersAt1MB: number;
}

function repeatTo(text: string, bytes: number): string {
  const copies = Math.max(1, Math.ceil(bytes / Buffer.byteLength(text)));
  return `${text}\n\n`.repeat(copies);
}

function parseMs(text: string, html: boolean): { ms: number; papers: number } {
  const started = performance.now();
  const result = parseImport(html ? '' : text, 'auto', {
    fileName: 'bench',
    today: new Date(),
    html: html ? text : null,
  });
  return { ms: performance.now() - started, papers: result.entries.length };
}

function medianMs(text: string, html: boolean, runs: number): { ms: number; papers: number } {
  const samples: number[] = [];
  let papers = 0;
  for (let i = 0; i < runs; i++) {
    globalThis.gc?.();
    const run = parseMs(text, html);
    samples.push(run.ms);
    papers = run.papers;
  }
  return { ms: summarize(samples).median, papers };
}

export function benchDigestLinearity(sizesMB: readonly number[], log: (line: string) => void): LinearityResult[] {
  const results: LinearityResult[] = [];
  for (const sample of SAMPLES) {
    const text = readFileSync(path.join(DIGESTS, sample.file), 'utf8');
    const html = sample.html === true;
    parseMs(text, html); // warm up the JIT
    const ms: Record<string, number> = {};
    const msPerMB: Record<string, number> = {};
    let papersAt1MB = 0;
    for (const size of sizesMB) {
      const run = medianMs(repeatTo(text, size * MB), html, 3);
      ms[`${size}MB`] = round(run.ms, 1);
      msPerMB[`${size}MB`] = round(run.ms / size, 1);
      if (size === sizesMB[0]) papersAt1MB = run.papers;
    }
    const first = msPerMB[`${sizesMB[0]}MB`] ?? Number.NaN;
    const last = msPerMB[`${sizesMB.at(-1)}MB`] ?? Number.NaN;
    const fiveMBms = round(medianMs(repeatTo(text, 5 * MB), html, 3).ms, 1);
    const result = { source: sample.name, ms, msPerMB, growth: round(last / first, 2), fiveMBms, papersAt1MB };
    log(
      `digest ${sample.name.padEnd(16)} ${sizesMB.map((s) => `${s} MB ${String(ms[`${s}MB`]).padStart(7)} ms`).join('  ')}  growth ${result.growth}  5 MB ${fiveMBms} ms`,
    );
    results.push(result);
  }
  return results;
}

/**
 * Inputs built to make a parser backtrack or rescan (each once froze the main process for tens of
 * seconds): the same line repeated to the size wanted, parsed with format detection as a paste is.
 */
const WORST_CASES: ReadonlyArray<{ name: string; unit: string; format?: 'bibtex' | 'ris' | 'digest' }> = [
  { name: '@@@@ (digest)', unit: '@' },
  { name: 'ab lines (digest)', unit: 'ab\n' },
  { name: '@string{ (BibTeX)', unit: '@string{', format: 'bibtex' },
  { name: 'capitals, (digest)', unit: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1, Bob Smith\n\n' },
  { name: 'spaces (digest)', unit: `a${' '.repeat(4000)}b\n` },
  { name: 'subjects; (listing)', unit: '[1] arXiv:2411.00001 [pdf]\nT\nA\nSubjects: (\n' + 'x;\n'.repeat(2000) },
  { name: '$ in prose (BibTeX)', unit: '@misc{k, title={T}, abstract={$5 and $6 and $', format: 'bibtex' },
  { name: 'TY lines (RIS)', unit: 'TY  - JOUR\nAU  - A, B, Jr\n', format: 'ris' },
];

export interface WorstCaseResult {
  readonly input: string;
  readonly ms: Record<string, number>;
  readonly growth: number;
}

export function benchWorstCases(sizesMB: readonly number[], log: (line: string) => void): WorstCaseResult[] {
  return WORST_CASES.map((worst) => {
    const ms: Record<string, number> = {};
    for (const size of sizesMB) {
      const text = worst.unit.repeat(Math.max(1, Math.ceil((size * MB) / worst.unit.length)));
      const started = performance.now();
      try {
        parseImport(text, worst.format ?? 'auto', { fileName: 'worst-case', today: new Date(), html: null });
      } catch {
        // refusing the input is a fine answer; only the time counts here
      }
      ms[`${size}MB`] = round(performance.now() - started, 1);
    }
    const first = (ms[`${sizesMB[0]}MB`] ?? Number.NaN) / (sizesMB[0] ?? 1);
    const last = (ms[`${sizesMB.at(-1)}MB`] ?? Number.NaN) / (sizesMB.at(-1) ?? 1);
    const result = { input: worst.name, ms, growth: round(last / first, 2) };
    log(
      `worst case ${worst.name.padEnd(22)} ${sizesMB.map((s) => `${s} MB ${String(ms[`${s}MB`]).padStart(7)} ms`).join('  ')}  growth ${result.growth}`,
    );
    return result;
  });
}
