import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../../../electron/library/import/import-progress.js';
import { Library } from '../../../../electron/library/library.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** Every file under `dir` and the hash of its bytes. */
async function filesAndHashes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
  }
  return out;
}

/** `n` BibTeX entries, half of them papers the seeded library does not have. */
function bib(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `@article{k${i},\n  title = {Paper number ${i} on sparse attention},\n  author = {Doe, Jane and Roe, Rich${i % 7}},\n  year = {2024},\n  doi = {10.1234/bench.${i}}\n}\n`,
  ).join('\n');
}

async function seededLibrary(): Promise<{ library: Library; dir: string }> {
  const dir = await tempDir();
  await seedSyntheticLibrary(dir, 200);
  return { library: await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() }), dir };
}

const request = (text: string) => ({ text, format: 'auto' as const, fileName: 'refs.bib', tags: [], dryRun: false });

describe('import progress and cancel', () => {
  it('reports entries parsed, planned and written for an import of more than a few hundred entries', async () => {
    const { library } = await seededLibrary();
    const seen: ImportProgress[] = [];
    const outcome = await library.imports.run(request(bib(1200)), { onProgress: (p) => seen.push(p) });
    await library.close();
    expect(outcome.added).toBe(1200);
    expect(seen.map((p) => `${p.phase} ${p.done}/${p.total}`)).toEqual([
      'parsed 1200/1200',
      'planned 500/1200',
      'planned 1000/1200',
      'planned 1200/1200',
      'written 1200/1200',
    ]);
  });

  it('reports nothing for a small import', async () => {
    const { library } = await seededLibrary();
    const seen: ImportProgress[] = [];
    await library.imports.run(request(bib(20)), { onProgress: (p) => seen.push(p) });
    await library.close();
    expect(seen).toEqual([]);
  });

  it('cancelled mid-way, leaves every file of the library byte-identical', async () => {
    const { library, dir } = await seededLibrary();
    const before = await filesAndHashes(dir);
    const controller = new AbortController();
    const run = library.imports.run(request(bib(1200)), {
      signal: controller.signal,
      // Cancel once matching is under way: half the entries planned, nothing written.
      onProgress: (p) => {
        if (p.phase === 'planned') controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/cancelled while matching against the library; nothing was imported/);
    expect(await filesAndHashes(dir)).toEqual(before);
    expect((await library.papers.records()).length).toBe(200);
    await library.close();
  });

  it('cancelled before it starts, writes nothing either', async () => {
    const { library, dir } = await seededLibrary();
    const before = await filesAndHashes(dir);
    const controller = new AbortController();
    controller.abort();
    await expect(library.imports.run(request(bib(400)), { signal: controller.signal })).rejects.toThrow(/cancelled/);
    expect(await filesAndHashes(dir)).toEqual(before);
    await library.close();
  });
});
