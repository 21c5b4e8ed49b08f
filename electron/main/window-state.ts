import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../library/storage/durable-write.js';
import type { Bounds } from './security.js';

const BoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
});
export const DEFAULT_BOUNDS: Bounds = { width: 1360, height: 860 };

/** The window's last size and position, or the default when there is none (or it is unreadable). */
export async function loadBounds(userDataDir: string): Promise<Bounds> {
  try {
    const parsed = BoundsSchema.safeParse(
      JSON.parse(await readFile(path.join(userDataDir, 'window-state.json'), 'utf8')),
    );
    return parsed.success ? parsed.data : DEFAULT_BOUNDS;
  } catch {
    return DEFAULT_BOUNDS;
  }
}

export async function saveBounds(userDataDir: string, bounds: Bounds): Promise<void> {
  await writeFileDurable(path.join(userDataDir, 'window-state.json'), `${JSON.stringify(bounds, null, 2)}\n`);
}
