import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { SNAPSHOTS_DIR } from '../../../../electron/library/storage/snapshots.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { SAMPLE_DIGEST_PATH } from '../../../helpers/sample-digest.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('the backup taken before an import', () => {
  it('is listed once verified, holds the library as it was, and is published by close at the latest', async () => {
    const dir = await tempDir();
    await seedSyntheticLibrary(dir, 30);
    const library = await Library.open({ dir, mode: 'write', holder: 'test' });
    const { added } = await library.imports.run({
      text: await readFile(SAMPLE_DIGEST_PATH, 'utf8'),
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect(added).toBeGreaterThan(0);
    // Asked for at once: the list waits for the backup still being verified.
    const backups = await library.backups.list();
    const taken = backups.find((b) => b.reason === 'import');
    expect(taken).toBeDefined();
    const papers = await readdir(path.join(dir, SNAPSHOTS_DIR, taken?.name ?? '', 'papers'));
    const held = await Promise.all(
      papers.map(async (name) => readFile(path.join(dir, SNAPSHOTS_DIR, taken?.name ?? '', 'papers', name), 'utf8')),
    );
    const ids = held.flatMap((text) => Object.keys((JSON.parse(text) as { papers: object }).papers));
    expect(ids).toHaveLength(30);
    expect(library.notices).toEqual([]);
    await library.close();
  });
});
