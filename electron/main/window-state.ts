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
type PlacedBounds = z.output<typeof BoundsSchema>;
/** Where the window was last, for each arrangement of displays it has been used on (laptop alone, docked…). */
const WindowStateSchema = z.object({ byDisplays: z.record(z.string().max(500), BoundsSchema) });
type WindowState = z.output<typeof WindowStateSchema>;

export const DEFAULT_BOUNDS: Bounds = { width: 1360, height: 860 };
/** Arrangements remembered at most (the newest kept). */
const MAX_ARRANGEMENTS = 20;

/** A display's usable area, as Electron's `screen` gives it. */
export interface DisplayArea {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One arrangement of displays, as a key: their usable areas, in a stable order. */
export function displaysKey(displays: readonly DisplayArea[]): string {
  return displays
    .map((d) => `${d.width}x${d.height}@${d.x},${d.y}`)
    .sort()
    .join(';');
}

/**
 * The window's bounds for these displays: where it last was with the same arrangement, provided its title bar
 * is still on a display; else the default size, placed by the OS.
 */
export async function loadBounds(userDataDir: string, displays: readonly DisplayArea[] = []): Promise<Bounds> {
  const state = await readState(userDataDir);
  const bounds = state.byDisplays[displaysKey(displays)];
  if (!bounds) return DEFAULT_BOUNDS;
  return displays.length === 0 || displays.some((d) => titleBarOn(bounds, d)) ? bounds : DEFAULT_BOUNDS;
}

/** Remember the window's bounds for the arrangement of displays it is closing on. */
export async function saveBounds(
  userDataDir: string,
  bounds: PlacedBounds,
  displays: readonly DisplayArea[] = [],
): Promise<void> {
  const state = await readState(userDataDir);
  const key = displaysKey(displays);
  const others = Object.entries(state.byDisplays).filter(([k]) => k !== key);
  const byDisplays = Object.fromEntries([...others.slice(-(MAX_ARRANGEMENTS - 1)), [key, bounds]]);
  await writeFileDurable(path.join(userDataDir, 'window-state.json'), `${JSON.stringify({ byDisplays }, null, 2)}\n`);
}

/** The file, or nothing remembered when it is missing or unreadable (an older single-bounds file included). */
async function readState(userDataDir: string): Promise<WindowState> {
  try {
    const parsed = WindowStateSchema.safeParse(
      JSON.parse(await readFile(path.join(userDataDir, 'window-state.json'), 'utf8')),
    );
    // Keys are display sizes from the file: kept in a map without a prototype, so none can reach Object's.
    const byDisplays: Record<string, PlacedBounds> = Object.create(null) as Record<string, PlacedBounds>;
    if (parsed.success) Object.assign(byDisplays, parsed.data.byDisplays);
    return { byDisplays };
  } catch {
    return { byDisplays: {} };
  }
}

/** Whether the top strip of the window (where it is dragged from) lies on the display. */
function titleBarOn(b: PlacedBounds, d: DisplayArea): boolean {
  const top = b.y;
  const left = Math.max(b.x, d.x);
  const right = Math.min(b.x + b.width, d.x + d.width);
  return top >= d.y && top < d.y + d.height - 20 && right - left >= 100;
}
