import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, displaysKey, loadBounds, saveBounds } from '../../../electron/main/window-state.js';
import { tempDir } from '../../helpers/temp-dir.js';

const LAPTOP = [{ x: 0, y: 0, width: 1440, height: 875 }];
const DOCKED = [...LAPTOP, { x: 1440, y: 0, width: 2560, height: 1400 }];

describe('window size and position', () => {
  it('are remembered across runs, and a missing or damaged file falls back to the default', async () => {
    const dir = await tempDir();
    expect(await loadBounds(dir, LAPTOP)).toEqual(DEFAULT_BOUNDS);
    await saveBounds(dir, { x: 40, y: 60, width: 1300, height: 800 }, LAPTOP);
    expect(await loadBounds(dir, LAPTOP)).toEqual({ x: 40, y: 60, width: 1300, height: 800 });
    await writeFile(path.join(dir, 'window-state.json'), '{"x": "left", "width": 10}');
    expect(await loadBounds(dir, LAPTOP)).toEqual(DEFAULT_BOUNDS);
  });

  it('are remembered per arrangement of displays: docked on the big screen, undocked on the laptop', async () => {
    const dir = await tempDir();
    await saveBounds(dir, { x: 100, y: 50, width: 1200, height: 800 }, LAPTOP);
    await saveBounds(dir, { x: 1600, y: 40, width: 2200, height: 1300 }, DOCKED);
    expect(await loadBounds(dir, DOCKED)).toEqual({ x: 1600, y: 40, width: 2200, height: 1300 });
    expect(await loadBounds(dir, LAPTOP)).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    // The same displays listed in another order are the same arrangement.
    expect(displaysKey([...DOCKED].reverse())).toBe(displaysKey(DOCKED));
    // An arrangement never seen starts at the default size, placed by the OS.
    expect(await loadBounds(dir, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toEqual(DEFAULT_BOUNDS);
  });

  it('never opens the window where its title bar is on no display', async () => {
    const dir = await tempDir();
    await saveBounds(dir, { x: 5000, y: 3000, width: 1200, height: 800 }, LAPTOP);
    expect(await loadBounds(dir, LAPTOP)).toEqual(DEFAULT_BOUNDS);
  });

  it('reads display keys from the file without touching prototypes', async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, 'window-state.json'),
      '{"byDisplays": {"__proto__": {"x": 1, "y": 1, "width": 900, "height": 700}}}',
    );
    expect(await loadBounds(dir, LAPTOP)).toEqual(DEFAULT_BOUNDS);
    await saveBounds(dir, { x: 10, y: 10, width: 900, height: 700 }, LAPTOP);
    expect(({} as Record<string, unknown>).width).toBeUndefined();
    expect(await loadBounds(dir, LAPTOP)).toEqual({ x: 10, y: 10, width: 900, height: 700 });
    expect(JSON.parse(await readFile(path.join(dir, 'window-state.json'), 'utf8'))).toHaveProperty('byDisplays');
  });
});
