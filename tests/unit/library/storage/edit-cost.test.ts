import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { seedSyntheticLibrary } from '../../../helpers/seed-library.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const EDITS = 40;

async function medianEditMs(size: number): Promise<number> {
  const dir = await tempDir();
  const ids = await seedSyntheticLibrary(dir, size);
  const library = await Library.open({ dir, mode: 'write', holder: 'test' });
  await library.papers.records(); // the app keeps every record in memory; measure edits, not first loads
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const id = ids[(i * 7919) % ids.length] ?? '';
    const started = performance.now();
    await library.papers.addTags(id, [`cost/${i}`]);
    times.push(performance.now() - started);
  }
  await library.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

describe('edit cost', () => {
  it('one edit costs about the same at 20k papers as at 1k (ratio in one run)', async () => {
    const small = await medianEditMs(1_000);
    const large = await medianEditMs(20_000);
    const ratio = large / small;
    console.info(`edit median: 1k ${small.toFixed(2)} ms, 20k ${large.toFixed(2)} ms, ratio ${ratio.toFixed(2)}`);
    // A single-file store would be ~20× slower at 20k; sharding keeps one edit's write small.
    expect(ratio).toBeLessThan(3);
  }, 120_000);
});
