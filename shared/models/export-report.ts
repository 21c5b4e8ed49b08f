import { z } from 'zod';

const FileOutcomeSchema = z.object({ paperId: z.string(), file: z.string() });

/** What a Markdown export did: files written, files left as they were, and files it would not touch. */
export const MarkdownExportReportSchema = z.object({
  dir: z.string(),
  written: z.array(FileOutcomeSchema),
  unchanged: z.array(FileOutcomeSchema),
  conflicts: z.array(FileOutcomeSchema.extend({ reason: z.string(), diff: z.string() })),
  diffs: z.array(z.object({ file: z.string(), diff: z.string() })),
  /** The folder's cross-paper highlights file, refreshed by an export from the app (absent when there is none to write). */
  highlights: z.lazy(() => DigestReportSchema).optional(),
});
export type MarkdownExportReportData = z.output<typeof MarkdownExportReportSchema>;

export const DigestReportSchema = z.object({
  file: z.string(),
  outcome: z.enum(['written', 'unchanged', 'conflict']),
  highlights: z.number().int().nonnegative(),
  papers: z.number().int().nonnegative(),
  reason: z.string().optional(),
});
