import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Paper } from '../../../../shared/models/paper.js';
import type { MarkdownExportReportData } from '../../../../shared/models/export-report.js';
import { isErrnoException, writeFileDurable } from '../../storage/durable-write.js';
import { readIfExists } from '../../storage/read-if-exists.js';
import { LibraryError } from '../../storage/errors.js';
import { compose, composeNew, parseFile, readFrontMatter, yamlFor } from './document.js';
import { fileStem, uniqueFileName } from './file-names.js';
import {
  MANIFEST_NAME,
  readManifest,
  writeManifest,
  type ExportManifest,
  type ManifestEntry,
} from '../export-manifest.js';
import { SECTION_NAMES, frontMatterOf, renderSections } from './render.js';
import { contentHash } from '../../storage/content-hash.js';

/** What an export did (`shared/models/export-report.ts`); a conflict carries, as a unified diff, what Margin would write over the user's edit. */
export type MarkdownExportReport = MarkdownExportReportData;

/** Files written at once: enough to overlap fsyncs without flooding the disk. */
const WRITE_CONCURRENCY = 32;

/** Front-matter values as a YAML parser reads them back, so the comparison ignores formatting. */
const frontMatterHash = (values: Readonly<Record<string, unknown>>) =>
  contentHash(JSON.stringify(readFrontMatter(yamlFor(values, null))));

type Plan =
  | { kind: 'write'; paperId: string; file: string; text: string; previous: string | null; entry: ManifestEntry }
  | { kind: 'unchanged'; paperId: string; file: string; entry: ManifestEntry }
  | { kind: 'conflict'; paperId: string; file: string; reason: string; diff: string };

/**
 * Export papers as one Markdown file each into `dir`, round-trip safe: Margin rewrites only its own
 * sections and front-matter keys, keeps everything the user added around them, reports (and never
 * overwrites) a file whose Margin sections the user edited, and leaves byte-identical files untouched.
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
    for (const p of plans) if (p.kind !== 'conflict') next.papers[p.paperId] = p.entry;
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

async function planPaper(paper: Paper, root: string, manifest: ExportManifest, taken: Set<string>): Promise<Plan> {
  const sections = renderSections(paper);
  const values = frontMatterOf(paper);
  const entryFor = (file: string): ManifestEntry => ({
    file,
    frontMatter: frontMatterHash(values),
    sections: Object.fromEntries(SECTION_NAMES.map((n) => [n, contentHash(sections[n])])),
  });
  const known = manifest.papers[paper.id];
  const current = known ? await readIfExists(insideDir(root, known.file)) : null;

  if (!known || current === null) {
    // A new file (or one the user deleted, which comes back under its old name).
    const file = known?.file ?? uniqueFileName(fileStem(paper.title, `paper ${paper.id}`), taken);
    taken.add(file.toLowerCase());
    return {
      kind: 'write',
      paperId: paper.id,
      file,
      text: composeNew(values, sections),
      previous: null,
      entry: entryFor(file),
    };
  }

  const file = known.file;
  const parsed = parseFile(current);
  const wouldBe = composeNew(values, sections);
  if (!parsed)
    return {
      kind: 'conflict',
      paperId: paper.id,
      file,
      reason: "Margin's section markers or front matter were removed or changed",
      diff: patch(file, current, wouldBe),
    };
  const currentValues = readFrontMatter(parsed.frontMatter);
  if (!currentValues)
    return {
      kind: 'conflict',
      paperId: paper.id,
      file,
      reason: 'the front matter is no longer valid YAML',
      diff: patch(file, current, wouldBe),
    };

  const edited: string[] = [];
  const currentHash = frontMatterHash(currentValues);
  if (currentHash !== known.frontMatter && currentHash !== frontMatterHash(values)) edited.push('front matter');
  for (const part of parsed.parts) {
    if (
      part.kind === 'section' &&
      contentHash(part.content) !== known.sections[part.name] &&
      part.content !== sections[part.name]
    )
      edited.push(part.name);
  }
  const frontMatter =
    currentHash === frontMatterHash(values) ? parsed.frontMatter : yamlFor(values, parsed.frontMatter);
  const text = compose(
    frontMatter,
    parsed.parts.map((p) => (p.kind === 'section' ? { ...p, content: sections[p.name] } : p)),
  );
  if (edited.length > 0)
    return {
      kind: 'conflict',
      paperId: paper.id,
      file,
      reason: `you edited Margin's ${edited.join(', ')}`,
      diff: patch(file, current, text),
    };
  if (text === current) return { kind: 'unchanged', paperId: paper.id, file, entry: entryFor(file) };
  return { kind: 'write', paperId: paper.id, file, text, previous: current, entry: entryFor(file) };
}

/** The full path of a file name in the export folder; a name that would leave the folder is refused. */
export function insideDir(root: string, file: string): string {
  const full = path.resolve(root, file);
  if (path.dirname(full) !== root || file.includes('/') || file.includes('\\'))
    throw new LibraryError('invalid-request', `refusing to write ${file} outside ${root}`);
  return full;
}

function patch(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 2 });
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
