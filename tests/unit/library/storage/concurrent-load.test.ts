import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('concurrent first reads of a shard', () => {
  it('share one object, so an edit made meanwhile is never lost', async () => {
    const dir = await tempDir();
    const ids = await seedSyntheticLibrary(dir, 300);
    const library = await Library.open({ dir, mode: 'write', holder: 'test' });
    // Nothing loaded yet: many reads and edits race for the same shards.
    await Promise.all(
      ids
        .slice(0, 50)
        .flatMap((id, i) => [
          library.papers.get(id),
          library.papers.addTags(id, [`race${i}`]),
          library.papers.get(ids[(i * 7) % ids.length] ?? id),
          library.papers.get(id),
        ]),
    );
    await library.close();
    const reopened = await Library.open({ dir, mode: 'read', holder: 'test' });
    for (const [i, id] of ids.slice(0, 50).entries())
      expect((await reopened.papers.get(id)).tags, id).toContain(`race${i}`);
  });
});
