import { z } from 'zod';
import { DigestSummarySchema, ImportFailureSchema, SkippedTextSchema } from './import-report.js';
import { PaperContentSchema, PaperIdSchema, PaperRecordSchema, StatusSchema, STATUSES } from './paper.js';

/** One row of the paper list: what the renderer needs to draw it, never the whole paper. */
export const ListRowSchema = z.object({
  id: PaperIdSchema,
  title: z.string(),
  /** The first three authors; `authorCount` says how many there are. */
  authors: z.array(z.string()),
  authorCount: z.number().int().nonnegative(),
  /** The names are the editors' (the paper has no authors). */
  byEditors: z.boolean().default(false),
  year: z.number().int().nullable(),
  tags: z.array(z.string()),
  status: StatusSchema,
  annotationCount: z.number().int().nonnegative(),
  hasNote: z.boolean(),
  /** Pages read of the PDF, when one has been opened. */
  reading: z.object({ page: z.number().int().positive(), pages: z.number().int().positive() }).nullable().default(null),
  /** How many PDFs the paper has. */
  attachmentCount: z.number().int().nonnegative().default(0),
  addedAt: z.string(),
  /** While searching: where the search matched the abstract, note or highlights (the words are marked by the app). */
  snippet: z.string().nullable().optional(),
});
export type ListRow = z.output<typeof ListRowSchema>;

/** `relevance`: best match first while searching (the newest first otherwise). */
export const SORTS = ['relevance', 'added', 'title', 'year'] as const;
export const SortSchema = z.enum(SORTS);
export type Sort = z.output<typeof SortSchema>;

export const NoticeSchema = z.object({ level: z.enum(['warning', 'error']), message: z.string() });

export const TagCountSchema = z.object({ tag: z.string(), count: z.number().int().nonnegative() });

export const OverviewSchema = z.object({
  libraryDir: z.string(),
  total: z.number().int().nonnegative(),
  statusCounts: z.object(
    Object.fromEntries(STATUSES.map((s) => [s, z.number().int().nonnegative()])) as Record<
      (typeof STATUSES)[number],
      z.ZodNumber
    >,
  ),
  tags: z.array(TagCountSchema),
  /** Papers in the Trash (not counted anywhere else). */
  trashCount: z.number().int().nonnegative(),
  readOnly: z.boolean(),
  notices: z.array(NoticeSchema),
  /** Where the Export dialog suggests writing Markdown. */
  defaultExportDir: z.string(),
});
export type Overview = z.output<typeof OverviewSchema>;

export const QueryResultSchema = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  rows: z.array(ListRowSchema),
  /** Filters in the search that could not be read, each saying what to type instead (left out of the search). */
  problems: z.array(z.string()).default([]),
  /** How the search was answered when it is not the usual way (the index is being built), for the user; else null. */
  searchNote: z.string().nullable().default(null),
  /** The search index is being built: the app asks again now and then, to show progress and, once built, the index's answer. */
  indexBuilding: z.boolean().default(false),
});
export type QueryResult = z.output<typeof QueryResultSchema>;

/** What an import would do to one entry. */
export const PreviewItemSchema = z.object({
  title: z.string(),
  outcome: z.enum(['new', 'merge', 'same']),
  /** For a merge: the fields that would change. */
  changes: z.array(z.string()),
  line: z.number().int().nullable(),
  /** The paper in the library it matched, if any, and the entry's identity, to say "not the same paper". */
  paperId: PaperIdSchema.nullable(),
  entryKey: z.string(),
  /** Position in the parse: what the preview's corrections (untick, not a paper, join) name. */
  index: z.number().int().nonnegative(),
  /** Unticked entries are shown but not imported. */
  included: z.boolean(),
  /** The first few authors, and how many there are. */
  authors: z.array(z.string()),
  authorCount: z.number().int().nonnegative(),
  arxivId: z.string().nullable(),
  doi: z.string().nullable(),
  /** How a digest listed it (new, cross-list, replaced), when it says. */
  kind: z.enum(['new', 'cross-list', 'replaced']).nullable(),
  hasAbstract: z.boolean(),
  categories: z.array(z.string()),
  /** The same paper as an earlier entry of this import (at this line, or 0 when that entry has none). */
  repeatOfLine: z.number().int().nonnegative().nullable(),
});
export type PreviewItem = z.output<typeof PreviewItemSchema>;

export const ImportPreviewSchema = z.object({
  format: z.string(),
  added: z.number().int().nonnegative(),
  merged: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  failed: z.array(ImportFailureSchema),
  items: z.array(PreviewItemSchema),
  /** For a digest: the source it was recognised as, and its text that became no paper. */
  digest: DigestSummarySchema.extend({ skipped: z.array(SkippedTextSchema) }).nullable(),
});
export type ImportPreview = z.output<typeof ImportPreviewSchema>;

export const SavedSearchSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  query: z.string().max(2000),
});
export type SavedSearch = z.output<typeof SavedSearchSchema>;

/** A whole paper, as the reader shows it. */
export const PaperSchema = PaperRecordSchema.extend(PaperContentSchema.shape);
