import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadBounds, saveBounds } from '../../../electron/main/window-state.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('window size and position', () => {
  it('are remembered across runs, and a missing or damaged file falls back to the default', async () => {
    const dir = await tempDir();
    expect(await loadBounds(dir)).toEqual(DEFAULT_BOUNDS);
    await saveBounds(dir, { x: 40, y: 60, width: 1500, height: 950 });
    expect(await loadBounds(dir)).toEqual({ x: 40, y: 60, width: 1500, height: 950 });
    await writeFile(path.join(dir, 'window-state.json'), '{"x": "left", "width": 10}');
    expect(await loadBounds(dir)).toEqual(DEFAULT_BOUNDS);
  });
});
