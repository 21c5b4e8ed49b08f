import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Paper } from '../../../../shared/models/paper.js';
import type { MarkdownExportReportData } from '../../../../shared/models/export-report.js';
import { isErrnoException, writeFileDurable } from '../../storage/durable-write.js';
import { composeNew } from './document.js';
import { MANIFEST_NAME, readManifest, writeManifest, type ExportManifest } from '../export-manifest.js';
import { frontMatterOf, renderSections } from './render.js';
import { insideDir, patch, planPaper, type Plan } from './plan-paper.js';
import { writeBase } from './base-store.js';

export { insideDir } from './plan-paper.js';

/** What an export did (`shared/models/export-report.ts`); a conflict carries, as a unified diff, what Margin would write over the user's edit. */
export type MarkdownExportReport = MarkdownExportReportData;

/** Files written at once: enough to overlap fsyncs without flooding the disk. */
const WRITE_CONCURRENCY = 32;

/**
 * Export papers as one Markdown file each into `dir`, round-trip safe: Margin rewrites only its own
 * sections and front-matter keys, keeps everything the user added around them (and their edits inside a
 * section Margin has not changed since), reports (and never overwrites) a file where both changed the same
 * section, and leaves byte-identical files untouched.
 */
export async function exportMarkdown(
  papers: readonly Paper[],
  dir: string,
  options: { dryRun: boolean },
): Promise<MarkdownExportReport> {
  const root = path.resolve(dir);
  if (!options.dryRun) await mkdir(root, { recursive: true });
  const manifest = await readManifest(root);
  const taken = new Set([
    ...(await listNames(root)),
    ...Object.values(manifest.papers).map((e) => e.file.toLowerCase()),
  ]);
  const plans: Plan[] = [];
  for (const paper of papers) plans.push(await planPaper(paper, root, manifest, taken));

  const next: ExportManifest = { ...manifest, papers: { ...manifest.papers } };
  const writes = plans.filter((p): p is Extract<Plan, { kind: 'write' }> => p.kind === 'write');
  if (!options.dryRun) {
    await inBatches(writes, WRITE_CONCURRENCY, (p) => writeFileDurable(insideDir(root, p.file), p.text));
    // The bases before the manifest: a crash between them leaves bases the manifest's hashes do not vouch for, which are ignored.
    const settled = plans.filter((p) => p.kind !== 'conflict');
    await inBatches(settled, WRITE_CONCURRENCY, (p) => writeBase(root, p.paperId, p.base));
    for (const p of settled) next.papers[p.paperId] = p.entry;
    if (JSON.stringify(next) !== JSON.stringify(manifest)) await writeManifest(root, next);
  }
  return {
    dir: root,
    written: writes.map(({ paperId, file }) => ({ paperId, file })),
    unchanged: plans.filter((p) => p.kind === 'unchanged').map(({ paperId, file }) => ({ paperId, file })),
    conflicts: plans
      .filter((p): p is Extract<Plan, { kind: 'conflict' }> => p.kind === 'conflict')
      .map(({ paperId, file, reason, diff }) => ({ paperId, file, reason, diff })),
    diffs: options.dryRun ? writes.map((p) => ({ file: p.file, diff: patch(p.file, p.previous ?? '', p.text) })) : [],
  };
}

async function listNames(root: string): Promise<string[]> {
  try {
    return (await readdir(root)).filter((n) => n !== MANIFEST_NAME).map((n) => n.toLowerCase());
  } catch (error) {
    if (isErrnoException(error) && error.code === 'ENOENT') return [];
    throw error;
  }
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      if (item !== undefined) await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

/** One paper's Markdown, as a new export would write it (for the clipboard). */
export function paperMarkdown(paper: Paper): string {
  return composeNew(frontMatterOf(paper), renderSections(paper));
}
