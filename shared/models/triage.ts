import { z } from 'zod';
import { TagSchema } from './paper.js';

/**
 * Morning triage: a digest's papers sorted into what is new, what the library already has, what the user
 * skipped in an earlier digest, and new versions of papers they have.
 */
export const TRIAGE_GROUPS = ['new', 'new-version', 'in-library', 'skipped-before'] as const;
export type TriageGroup = (typeof TRIAGE_GROUPS)[number];

/** Keep (to read), keep and start reading, or skip (remembered, so the next digest is shorter). */
export const TRIAGE_DECISIONS = ['keep', 'read', 'skip'] as const;
export const TriageDecisionSchema = z.enum(TRIAGE_DECISIONS);
export type TriageDecision = z.output<typeof TriageDecisionSchema>;

export const TriageItemSchema = z.object({
  /** The entry's position in the digest: what decisions name. */
  index: z.number().int().nonnegative(),
  title: z.string(),
  authors: z.array(z.string()),
  abstract: z.string().nullable(),
  year: z.number().int().nullable(),
  venue: z.string().nullable(),
  arxivId: z.string().nullable(),
  arxivVersion: z.number().int().nullable(),
  doi: z.string().nullable(),
  url: z.string().nullable(),
  group: z.enum(TRIAGE_GROUPS),
  /** The library's paper it is (in the library, or a new version of it). */
  paperId: z.string().nullable(),
  /** For a new version: the abstract the library has, to show what changed. */
  libraryAbstract: z.string().nullable(),
  decision: TriageDecisionSchema.nullable(),
  /** Quick tags given while triaging. */
  tags: z.array(TagSchema),
});
export type TriageItem = z.output<typeof TriageItemSchema>;

export const TriageCountsSchema = z.object({
  new: z.number().int().nonnegative(),
  newVersion: z.number().int().nonnegative(),
  inLibrary: z.number().int().nonnegative(),
  skippedBefore: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
});
export type TriageCounts = z.output<typeof TriageCountsSchema>;

/** One digest triaged: where it came from, when, and what became of it. */
export const TriageSummarySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  createdAt: z.string(),
  /** The source as recognised ("arXiv listing", "Hugging Face daily papers"). */
  label: z.string(),
  fileName: z.string().nullable(),
  counts: TriageCountsSchema,
  finishedAt: z.string().nullable(),
  /** The papers the last finish kept, to link to from the summary. */
  keptIds: z.array(z.string()),
});
export type TriageSummary = z.output<typeof TriageSummarySchema>;

export const TriageViewSchema = z.object({ session: TriageSummarySchema, items: z.array(TriageItemSchema) });
export type TriageView = z.output<typeof TriageViewSchema>;

/** Keywords and authors the user watches: matching papers float to the top of a triage, saying why. */
export const WatchListSchema = z.object({
  keywords: z.array(z.string().trim().min(1).max(100)).max(200),
  authors: z.array(z.string().trim().min(1).max(100)).max(200),
  /** Tags for the number keys 1–9 while triaging. */
  quickTags: z.array(TagSchema).max(9),
});
export type WatchList = z.output<typeof WatchListSchema>;
export const EMPTY_WATCH_LIST: WatchList = { keywords: [], authors: [], quickTags: [] };
