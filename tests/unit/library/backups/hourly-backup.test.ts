import { afterEach, describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const open: Library[] = [];
afterEach(async () => {
  for (const library of open.splice(0)) await library.close();
});

async function libraryOf(count: number): Promise<{ library: Library; ids: string[] }> {
  const dir = await tempDir();
  const ids = await seedSyntheticLibrary(dir, count);
  const library = await Library.open({ dir, mode: 'write', holder: 'test' });
  open.push(library);
  return { library, ids };
}

const hourly = async (library: Library) =>
  (await library.backups.list()).filter((backup) => backup.reason === 'hourly').length;

describe('the hourly backup', () => {
  it('waits for edits to pause, then is taken once', async () => {
    const { library, ids } = await libraryOf(20);
    const [a = '', b = ''] = ids;
    await library.papers.addTags(a, ['first']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await library.papers.addTags(b, ['second']);
    // Edits are still coming: the whole library is not read back under them.
    expect(await hourly(library)).toBe(0);
    await expect.poll(() => hourly(library), { timeout: 6000, interval: 100 }).toBe(1);
    await library.papers.addTags(a, ['third']);
    await library.backups.settle();
    expect(await hourly(library)).toBe(1); // at most hourly
  });

  it('is taken as the library closes when edits never paused', async () => {
    const { library, ids } = await libraryOf(10);
    await library.papers.setStatus(ids[0] ?? '', 'reading');
    expect(await hourly(library)).toBe(0);
    await library.close();
    open.splice(0);
    const again = await Library.open({ dir: library.dir, mode: 'read', holder: 'test' });
    expect((await again.backups.list()).map((backup) => backup.reason)).toContain('hourly');
    await again.close();
  });
});
