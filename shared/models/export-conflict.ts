import { z } from 'zod';
import { PaperIdSchema } from './paper.js';

/** One line of a conflict's diff: in both, only in the user's file, only in Margin's, or unchanged lines left out. */
export const DiffLineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['same', 'mine', 'margin']), text: z.string() }),
  z.object({ kind: z.literal('gap'), lines: z.number().int().nonnegative() }),
]);
export type DiffLine = z.output<typeof DiffLineSchema>;

/** A place where the user and Margin changed the same lines: the merge asks which to keep. */
export const MergeQuestionSchema = z.object({
  /** Which part of the note: "front matter", "highlights", … */
  part: z.string(),
  mine: z.array(z.string()),
  margin: z.array(z.string()),
});
export type MergeQuestion = z.output<typeof MergeQuestionSchema>;

/** A note in an export folder that both the user and Margin changed since Margin last wrote it. */
export const ExportConflictSchema = z.object({
  paperId: z.string(),
  title: z.string(),
  file: z.string(),
  reason: z.string(),
  /** Names the file on disk and Margin's side as listed; a resolution against anything else is refused. */
  fingerprint: z.string(),
  /** From the user's file (mine) to what "Take Margin's" writes (margin). */
  diff: z.array(DiffLineSchema),
  /** Null when Margin's markers are gone and only keeping or taking a side is possible. */
  merge: z
    .object({
      /** False for notes exported before Margin kept its base: then every difference is a question. */
      hasBase: z.boolean(),
      questions: z.array(MergeQuestionSchema),
      /**
       * Each merged part as it will be written: runs of settled lines, and the index of a question where the
       * answer goes, so the page can show the result before anything is written.
       */
      parts: z.array(
        z.object({ part: z.string(), pieces: z.array(z.union([z.array(z.string()), z.number().int().nonnegative()])) }),
      ),
    })
    .nullable(),
});
export type ExportConflict = z.output<typeof ExportConflictSchema>;

export const MergeAnswerSchema = z.enum(['mine', 'margin', 'both']);

export const ResolveChoiceSchema = z.enum(['keep-mine', 'take-margin', 'merge']);
export type ResolveChoice = z.output<typeof ResolveChoiceSchema>;

/** How to settle one conflict: answers are for `merge`, one per question in order. */
export const ResolveConflictRequestSchema = z.strictObject({
  paperId: PaperIdSchema,
  choice: ResolveChoiceSchema,
  fingerprint: z.string().max(200),
  answers: z.array(MergeAnswerSchema).max(10_000),
});
export type ResolveConflictRequest = z.output<typeof ResolveConflictRequestSchema>;

export const ResolveConflictResultSchema = z.object({
  file: z.string(),
  outcome: z.enum(['kept', 'written']),
  /** Where the user's version was kept when it was written over (relative to the export folder). */
  yours: z.string().nullable(),
});
