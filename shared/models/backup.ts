import { z } from 'zod';

/** One whole-library backup, as `backup.json` stores it and as the backups channels send it. */
export const BackupInfoSchema = z.object({
  name: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  files: z.number().int().nonnegative(),
});
export type BackupInfo = z.output<typeof BackupInfoSchema>;
