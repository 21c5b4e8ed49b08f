import path from 'node:path';
import { diffLines } from 'diff';
import type { Paper } from '../../../../shared/models/paper.js';
import type { DiffLine, ExportConflict, ResolveConflictRequest } from '../../../../shared/models/export-conflict.js';
import { writeFileDurable } from '../../storage/durable-write.js';
import { LibraryError } from '../../storage/errors.js';
import { contentHash } from '../../storage/content-hash.js';
import { readManifest, writeManifest, type ManifestEntry } from '../export-manifest.js';
import { applyAnswers, conflictCount, mergeLines, type MergeAnswer, type MergeChunk } from '../merge/three-way.js';
import { compose, parseFile, readFrontMatter, type Part } from './document.js';
import { previousVersionFile, readBase, writeBase, type TrustedBase } from './base-store.js';
import { readIfExists } from '../../storage/read-if-exists.js';
import { insideDir, planPaper, yamlHash, type ConflictDetail, type Plan } from './plan-paper.js';

type Conflict = Extract<Plan, { kind: 'conflict' }>;

/** Unchanged lines kept around each change in a diff; longer runs become a gap. */
const CONTEXT = 3;
/** A diff is for reading: past this many lines the rest is a gap. */
const MAX_DIFF_LINES = 4000;

/** The notes in `dir` (at most `limit`) that both the user and Margin changed, among these papers. */
export async function listConflicts(
  papers: readonly Paper[],
  dir: string,
  limit = Infinity,
): Promise<ExportConflict[]> {
  const root = path.resolve(dir);
  const manifest = await readManifest(root);
  const listed: ExportConflict[] = [];
  for (const paper of papers) {
    if (listed.length >= limit) break;
    const known = manifest.papers[paper.id];
    if (!known) continue;
    const plan = await planPaper(paper, root, manifest, new Set());
    if (plan.kind !== 'conflict') continue;
    const chunks = await mergeChunks(root, plan, known);
    listed.push({
      paperId: paper.id,
      title: paper.title,
      file: plan.file,
      reason: plan.reason,
      fingerprint: fingerprint(plan.detail),
      diff: diffView(plan.detail.current, plan.detail.margin),
      merge: chunks && mergeView(chunks),
    });
  }
  return listed;
}

/**
 * Settle one conflict: keep the user's file, take Margin's side of what both changed, or write the merge
 * with the user's answers. Refused when the file or Margin's side changed since the conflict was listed.
 * Either way Margin's side as of now becomes the base, so the same conflict does not come back.
 */
export async function resolveConflict(
  paper: Paper,
  dir: string,
  request: Pick<ResolveConflictRequest, 'choice' | 'fingerprint' | 'answers'>,
): Promise<{ file: string; outcome: 'kept' | 'written'; yours: string | null }> {
  const root = path.resolve(dir);
  const manifest = await readManifest(root);
  const known = manifest.papers[paper.id];
  if (!known) throw new LibraryError('not-found', `Margin has not exported "${paper.title}" to ${root}`);
  const plan = await planPaper(paper, root, manifest, new Set());
  if (plan.kind !== 'conflict')
    throw new LibraryError('conflict', `${known.file} is no longer in conflict; export again to see where it stands`);
  if (fingerprint(plan.detail) !== request.fingerprint)
    throw new LibraryError(
      'conflict',
      `${plan.file} changed since the conflict was shown (in your notes or in Margin); nothing was written. Look at it again.`,
    );
  let text: string | null = null;
  if (request.choice === 'take-margin') text = plan.detail.margin;
  if (request.choice === 'merge') text = await merged(root, plan, known, request.answers);
  let yours: string | null = null;
  if (text !== null) {
    // What the user had is linked aside before the rename, so even an answer they regret loses nothing.
    const previous = await previousVersionFile(root, paper.id);
    await writeFileDurable(insideDir(root, plan.file), text, { previousVersionPath: previous });
    if ((await readIfExists(previous).catch(() => null)) === plan.detail.current) yours = path.relative(root, previous);
  }
  await writeBase(root, paper.id, plan.detail.base);
  const latest = await readManifest(root);
  await writeManifest(root, { ...latest, papers: { ...latest.papers, [paper.id]: plan.detail.entry } });
  return { file: plan.file, outcome: text === null ? 'kept' : 'written', yours };
}

async function merged(
  root: string,
  plan: Conflict,
  known: ManifestEntry,
  answers: readonly MergeAnswer[],
): Promise<string> {
  const chunks = await mergeChunks(root, plan, known);
  const settled = plan.detail.merge;
  if (!chunks || !settled)
    throw new LibraryError(
      'invalid-request',
      `${plan.file} cannot be merged: Margin's section markers are gone. Keep yours or take Margin's.`,
    );
  const total = chunks.regions.reduce((n, r) => n + conflictCount(r.chunks), 0);
  if (answers.length !== total)
    throw new LibraryError('invalid-request', `${plan.file}: give one answer for each of the ${total} places to merge`);
  let next = 0;
  const texts = new Map<string, string>();
  for (const region of chunks.regions) {
    const count = conflictCount(region.chunks);
    const text = applyAnswers(region.chunks, answers.slice(next, next + count));
    if (text === null) throw new LibraryError('invalid-request', `${plan.file}: the answers do not fit the merge`);
    texts.set(region.name, text);
    next += count;
  }
  const frontMatter = texts.get('front matter') ?? settled.frontMatter ?? '';
  const parts = settled.parts.map((p): Part => {
    const text = p.kind === 'section' ? texts.get(p.name) : undefined;
    return p.kind === 'section' && text !== undefined ? { ...p, content: text } : p;
  });
  const result = compose(frontMatter, parts);
  // A merge of YAML lines can make YAML no parser reads; Margin would then lose track of its keys.
  const parsed = parseFile(result);
  if (!parsed || readFrontMatter(parsed.frontMatter) === null)
    throw new LibraryError(
      'invalid-request',
      `${plan.file}: that merge makes the front matter invalid YAML; answer differently, or keep yours or take Margin's`,
    );
  return result;
}

/** Each conflicting part merged three-way against the base (two-way where no trusted base is kept). */
async function mergeChunks(
  root: string,
  plan: Conflict,
  known: ManifestEntry,
): Promise<{ hasBase: boolean; regions: { name: string; chunks: MergeChunk[] }[] } | null> {
  if (!plan.detail.merge) return null;
  const base: TrustedBase = await readBase(root, plan.paperId, known, yamlHash);
  let hasBase = true;
  const regions = plan.detail.merge.regions.map((region) => {
    const from = region.name === 'front matter' ? base.frontMatter : (base.sections[region.name] ?? null);
    if (from === null) hasBase = false;
    return { name: region.name, chunks: mergeLines(from, region.mine, region.margin) };
  });
  return { hasBase, regions };
}

/** The merge as the page shows it: the questions in order, and each part with where their answers go. */
function mergeView(merge: {
  hasBase: boolean;
  regions: { name: string; chunks: MergeChunk[] }[];
}): ExportConflict['merge'] {
  const questions: { part: string; mine: string[]; margin: string[] }[] = [];
  const parts = merge.regions.map(({ name, chunks }) => ({
    part: name,
    pieces: chunks.map((chunk) => {
      if (chunk.kind === 'same') return [...chunk.lines];
      questions.push({ part: name, mine: [...chunk.mine], margin: [...chunk.margin] });
      return questions.length - 1;
    }),
  }));
  return { hasBase: merge.hasBase, questions, parts };
}

/** What the conflict was listed against: the file on disk and Margin's side. */
function fingerprint(detail: ConflictDetail): string {
  return `${contentHash(detail.current)}.${contentHash(detail.margin)}`;
}

/** Lines from the user's file to Margin's, long unchanged runs folded into gaps. */
export function diffView(mine: string, margin: string): DiffLine[] {
  const lines: DiffLine[] = [];
  const changes = diffLines(mine, margin);
  changes.forEach((change, i) => {
    const text = change.value.replace(/\n$/, '').split('\n');
    if (change.added || change.removed) {
      for (const t of text) lines.push({ kind: change.added ? 'margin' : 'mine', text: t });
      return;
    }
    const head = i === 0 ? 0 : CONTEXT;
    const tail = i === changes.length - 1 ? 0 : CONTEXT;
    if (text.length <= head + tail + 1) {
      for (const t of text) lines.push({ kind: 'same', text: t });
      return;
    }
    for (const t of text.slice(0, head)) lines.push({ kind: 'same', text: t });
    lines.push({ kind: 'gap', lines: text.length - head - tail });
    for (const t of text.slice(text.length - tail)) lines.push({ kind: 'same', text: t });
  });
  if (lines.length <= MAX_DIFF_LINES) return lines;
  return [...lines.slice(0, MAX_DIFF_LINES), { kind: 'gap', lines: lines.length - MAX_DIFF_LINES }];
}
