import { z } from 'zod';

/** Imports of more entries than this report their progress (smaller ones take well under a second). */
export const IMPORT_PROGRESS_FROM = 300;

/** An id the caller gives an import, to follow it (`import:progress`) and to stop it (`import:cancel`). */
export const ImportIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an import id');

/**
 * How far an import has got. `waiting`: not started (or not known); `reading`: its text is being parsed;
 * `parsed`, `planned`, `written`: `done` of `total` entries through that step (only for imports of more than a
 * few hundred entries; smaller ones go from `reading` to `done`); then `done`, `cancelled` (stopped before the
 * commit point, nothing written) or `failed`.
 */
export const ImportProgressViewSchema = z.object({
  phase: z.enum(['waiting', 'reading', 'parsed', 'planned', 'written', 'done', 'cancelled', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** A cancel was asked for; the import stops at its next check unless it is already writing. */
  cancelRequested: z.boolean(),
});
export type ImportProgressView = z.output<typeof ImportProgressViewSchema>;
