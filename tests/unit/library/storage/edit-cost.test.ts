import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const EDITS = 40;

/** Every file under `dir`, by path, with its size and change time (ns). */
async function filesIn(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const facts = await stat(path, { bigint: true });
    files.set(relative(dir, path), `${facts.size}:${facts.mtimeNs}`);
  }
  return files;
}

/** What `EDITS` tag edits write at a library of `size` papers: the files they change and the bytes they add. */
async function whatEditsWrite(size: number): Promise<{ changed: string[]; bytesPerEdit: number }> {
  const dir = await tempDir();
  const ids = await seedSyntheticLibrary(dir, size);
  const library = await Library.open({ dir, mode: 'write', holder: 'test' });
  await library.papers.records();
  const before = await filesIn(dir);
  // The edits come faster than the store's pause before compaction, so what is on disk now is their own writing.
  for (let i = 0; i < EDITS; i++) await library.papers.addTags(ids[(i * 7919) % ids.length] ?? '', [`cost/${i}`]);
  const after = await filesIn(dir);
  await library.close();
  const changed = [...after].filter(([path, facts]) => before.get(path) !== facts).map(([path]) => path);
  const size0 = (facts: string | undefined): number => Number(facts?.split(':')[0] ?? 0);
  const added = changed.reduce((sum, path) => sum + size0(after.get(path)) - size0(before.get(path)), 0);
  return { changed: changed.sort(), bytesPerEdit: added / EDITS };
}

describe('edit cost', () => {
  // Time is measured in `npm run bench` (editRatio); here, what makes it flat: an edit writes one small log entry.
  it('writes the same small log entry for an edit at 20k papers as at 1k, and rewrites no shard', async () => {
    const small = await whatEditsWrite(1_000);
    const large = await whatEditsWrite(20_000);
    expect(small.changed).toEqual(['edits.log']);
    expect(large.changed).toEqual(['edits.log']);
    // One paper's record and nothing of its shard's neighbours (a shard at 20k holds ~20 papers).
    expect(small.bytesPerEdit).toBeLessThan(4_000);
    expect(large.bytesPerEdit).toBeLessThan(small.bytesPerEdit * 1.2);
  }, 120_000);
});
