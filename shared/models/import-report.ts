import { z } from 'zod';

/** One entry that could not be imported, and where it was. */
export const ImportFailureSchema = z.object({
  line: z.number().int().positive().nullable(),
  message: z.string(),
});
export type ImportFailure = z.output<typeof ImportFailureSchema>;

/** A run of a digest's text that became no paper: shown in the preview with its line, never imported silently. */
export const SkippedTextSchema = z.object({
  line: z.number().int().positive(),
  text: z.string(),
});
export type SkippedText = z.output<typeof SkippedTextSchema>;

/** What an import did (or, for a preview, would do). */
export const ImportReportSchema = z.object({
  added: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  failed: z.array(ImportFailureSchema),
  ids: z.array(z.string()),
  /** A digest's text that became no paper (page furniture, text that fits no entry), with its line. */
  skipped: z.array(SkippedTextSchema),
  /** Every entry imported, and what became of it: a new paper, merged into one you had, unchanged, or the same paper as an earlier entry. */
  entries: z.array(
    z.object({
      line: z.number().int().positive().nullable(),
      title: z.string(),
      outcome: z.enum(['added', 'merged', 'unchanged', 'repeated']),
      paperId: z.string(),
    }),
  ),
});
export type ImportReport = z.output<typeof ImportReportSchema>;

/** The digest sources Margin reads by their own structure; `page` is the structural fallback for anything else. */
export const DIGEST_SOURCES = [
  'arxiv-listing',
  'arxiv-mailing',
  'hf-page',
  'scholar-alert',
  'biorxiv-alert',
  'page',
] as const;
export const DigestSourceSchema = z.enum(DIGEST_SOURCES);
export type DigestSource = z.output<typeof DigestSourceSchema>;

/** Which source a digest was recognised as, said the way the preview shows it ("arXiv listing", "q-fin new"). */
export const DigestSummarySchema = z.object({
  source: DigestSourceSchema,
  label: z.string(),
  /** What the source names about itself (a category, an alert's query), or ''. */
  detail: z.string(),
});
export type DigestSummary = z.output<typeof DigestSummarySchema>;

/** Corrections the import preview offers for one entry. */
export const ENTRY_EDIT_ACTIONS = ['exclude', 'not-a-paper', 'join-next', 'abstract-of-previous'] as const;
export type EntryEditAction = (typeof ENTRY_EDIT_ACTIONS)[number];
