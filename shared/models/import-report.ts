import { z } from 'zod';

/** One entry that could not be imported, and where it was. */
export const ImportFailureSchema = z.object({
  line: z.number().int().positive().nullable(),
  message: z.string(),
});
export type ImportFailure = z.output<typeof ImportFailureSchema>;

/** What an import did (or, for a preview, would do). */
export const ImportReportSchema = z.object({
  added: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  failed: z.array(ImportFailureSchema),
  ids: z.array(z.string()),
});
export type ImportReport = z.output<typeof ImportReportSchema>;
