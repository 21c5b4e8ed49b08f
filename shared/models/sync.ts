import { z } from 'zod';

/**
 * A git remote's URL as the user typed it: https, ssh (`git@host:path`), or a path (a bare repository on a NAS).
 * Never starting with `-` (git would read it as an option) and never with control characters.
 */
export const SyncRemoteSchema = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine((url) => !url.startsWith('-') && !/\p{Cc}/u.test(url), { message: 'is not a remote URL' });

export const SYNC_RESULTS = ['up-to-date', 'pushed', 'fast-forwarded', 'merged'] as const;

/** Where sync stands: the remote, the last sync this run, and the last error since. */
export const SyncStatusSchema = z.object({
  /** Null: none set yet (`margin sync --remote URL`, or Settings). */
  remote: z.string().nullable(),
  running: z.boolean(),
  last: z
    .object({
      at: z.string(),
      result: z.enum(SYNC_RESULTS),
      /** Papers this machine changed that the remote took. */
      sent: z.number().int().nonnegative(),
      /** Papers changed here by what came from the remote. */
      received: z.number().int().nonnegative(),
    })
    .nullable(),
  /** The last sync failed (cleared by one that succeeds). */
  error: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type SyncStatus = z.output<typeof SyncStatusSchema>;
