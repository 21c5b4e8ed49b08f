/**
 * Which papers differ between two commits of a library: only the shards git says changed are read (a sync of
 * 100 edits in a library of 100,000 papers reads at most 200 shards, not 2,000), compared paper by paper.
 */
import { ContentShardSchema, PaperShardSchema } from '../../storage/layout.js';
import { parseValidated } from '../../storage/validated-json-file.js';
import { same } from '../merge-values.js';
import { git, readBlobs } from './git-command.js';

/** git's empty tree: what a library had before its first commit. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
const NO_BLOB = /^0+$/;

/** Ids of the papers whose record or content differs between `from` and `to` (null: no commit), in code-unit order. */
export async function changedPapers(dir: string, from: string | null, to: string | null): Promise<string[]> {
  if (from === to || to === null) return [];
  const raw = await git(dir, [
    'diff',
    '--raw',
    '-z',
    '--no-abbrev',
    '--no-renames',
    from ?? EMPTY_TREE,
    to,
    '--',
    'papers',
    'contents',
  ]);
  // `:<mode> <mode> <old> <new> <status>\0<path>\0`, one pair of fields per changed file.
  const fields = raw.split('\0');
  const files: { path: string; old: string | null; now: string | null }[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, , old, now] = (fields[i] ?? '').split(' ');
    const file = fields[i + 1];
    if (old === undefined || now === undefined || file === undefined) continue;
    if (!/^(papers|contents)\/[0-9a-f]+\.json$/.test(file)) continue;
    files.push({ path: file, old: NO_BLOB.test(old) ? null : old, now: NO_BLOB.test(now) ? null : now });
  }
  const ids = files.flatMap((f) => [f.old, f.now]).filter((id): id is string => id !== null);
  const blobs = await readBlobs(dir, [...new Set(ids)]);
  const changed = new Set<string>();
  for (const file of files) {
    const before = entries(file.path, file.old, blobs);
    const after = entries(file.path, file.now, blobs);
    for (const id of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (!same(before[id], after[id])) changed.add(id);
  }
  return [...changed].sort();
}

/** A shard's papers (or contents) by id, checked as any shard read from disk; none when the file was absent. */
function entries(file: string, blob: string | null, blobs: ReadonlyMap<string, string>): Record<string, unknown> {
  if (blob === null) return {};
  const text = blobs.get(blob) ?? '';
  return file.startsWith('papers/')
    ? parseValidated(`${blob.slice(0, 12)}:${file}`, text, PaperShardSchema).papers
    : parseValidated(`${blob.slice(0, 12)}:${file}`, text, ContentShardSchema).contents;
}
