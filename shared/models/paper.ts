import { z } from 'zod';

/** Reading states, in the order `s` cycles through them. */
export const STATUSES = ['inbox', 'to-read', 'reading', 'read', 'archived'] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.output<typeof StatusSchema>;
/** Each status as the app names it (the sidebar, toasts, undo). */
export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  inbox: 'Inbox',
  'to-read': 'To read',
  reading: 'Reading',
  read: 'Read',
  archived: 'Archive',
};

/** Stable paper id: lowercase letters and digits, generated once, never reused. */
export const PaperIdSchema = z
  .string()
  .regex(/^[a-z0-9]{8,32}$/, 'must be 8–32 lowercase letters or digits')
  .brand<'PaperId'>();
export type PaperId = z.output<typeof PaperIdSchema>;

/** Tags are free text; `/` nests them (`llm/sparsity`). */
export const TagSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((t) => !/[\u0000-\u001f]/.test(t), 'must not contain control characters');

export const IMPORT_FORMATS = ['digest', 'bibtex', 'ris', 'csl-json', 'arxiv', 'hf-json'] as const;
export const ImportFormatSchema = z.enum(IMPORT_FORMATS);
export type ImportFormat = z.output<typeof ImportFormatSchema>;

/** Where a paper first came from. */
export const SourceSchema = z.object({
  /** An import format, or `pdf`: made from a dropped PDF. */
  format: z.enum([...IMPORT_FORMATS, 'pdf']),
  fileName: z.string().nullable(),
  /** ISO date (yyyy-mm-dd) of the digest page the paper was listed on, when the page names one. */
  digestDate: z.string().nullable(),
});
export type Source = z.output<typeof SourceSchema>;

export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export const AnnotationColorSchema = z.enum(ANNOTATION_COLORS);
export type AnnotationColor = z.output<typeof AnnotationColorSchema>;

/**
 * A highlight on the abstract, anchored as in the W3C Web Annotation model:
 * a TextPositionSelector (start/end) plus a TextQuoteSelector (quote, prefix, suffix),
 * and the hash of the abstract it was made on, so it can be re-found when the abstract changes.
 */
export const AnnotationSchema = z.object({
  id: z.string().min(1).max(64),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  abstractHash: z.string(),
  color: AnnotationColorSchema,
  comment: z.string(),
  state: z.enum(['anchored', 'orphaned']),
  /**
   * A highlight in one of the paper's PDFs instead of the abstract: that PDF and page. Its quote, prefix and
   * suffix are then the page's text (start/end offsets into it, `abstractHash` its hash).
   */
  pdf: z
    .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), page: z.number().int().positive() })
    .nullable()
    .default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Annotation = z.output<typeof AnnotationSchema>;

/** One Markdown note per paper. */
export const NoteSchema = z.object({
  text: z.string(),
  updatedAt: z.string(),
});
export type Note = z.output<typeof NoteSchema>;

/**
 * A file kept with a paper (a PDF), stored once in the library's `attachments/` folder under its SHA-256.
 * `fileName` is the name it came with, for showing; it is never used as a path.
 */
export const AttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().min(1).max(255),
  bytes: z.number().int().nonnegative(),
  addedAt: z.string(),
});
export type Attachment = z.output<typeof AttachmentSchema>;

/** Where the reader is in a paper's PDF: its page, out of how many. */
export const ReadingPositionSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  page: z.number().int().positive(),
  pages: z.number().int().positive(),
});
export type ReadingPosition = z.output<typeof ReadingPositionSchema>;

/**
 * What the paper list needs: opening a library reads only these, so start-up stays fast at
 * 100k papers. The counts mirror the paper's content and change in the same transaction.
 */
/** The record's fields a sync merges one value against another, each by the time it was last changed. */
export const TIMED_FIELDS = [
  'title',
  'authors',
  'editors',
  'year',
  'publishedAt',
  'arxivId',
  'arxivVersion',
  'doi',
  'url',
  'venue',
  'status',
  'source',
  'citationKey',
  'trashedAt',
  'reading',
  'addedAt',
] as const;
export type TimedField = (typeof TIMED_FIELDS)[number];

/** When each field was last changed (ISO); a field without one was last changed at the record's `updatedAt` or before. */
export const FieldTimesSchema = z.object(
  Object.fromEntries(TIMED_FIELDS.map((f) => [f, z.string().optional()])) as Record<
    TimedField,
    z.ZodOptional<z.ZodString>
  >, // every key of TIMED_FIELDS, each an optional string: the shape zod is given
);
export type FieldTimes = z.output<typeof FieldTimesSchema>;

export const PaperRecordSchema = z.object({
  id: PaperIdSchema,
  title: z.string(),
  authors: z.array(z.string()),
  /** Editors, kept apart from authors (an edited volume lists them alone). */
  editors: z.array(z.string()).default([]),
  year: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  arxivId: z.string().nullable(),
  /** The newest arXiv version a source listed (a digest's replacement, an id with `v3`). */
  arxivVersion: z.number().int().positive().nullable().default(null),
  doi: z.string().nullable(),
  url: z.string().nullable(),
  venue: z.string().nullable(),
  tags: z.array(z.string()),
  status: StatusSchema,
  source: SourceSchema,
  /** Stable BibTeX key: kept from an imported .bib or generated once (`vaswani2017attention`), never changed by edits. */
  citationKey: z.string().nullable().default(null),
  annotationCount: z.number().int().nonnegative(),
  hasNote: z.boolean(),
  /** Set when the paper was moved to the Trash; trashed papers are hidden until restored or the Trash is emptied. */
  trashedAt: z.string().nullable().default(null),
  /** PDFs of the paper, oldest first (older libraries have none). */
  attachments: z.array(AttachmentSchema).default([]),
  /** The page last shown of the paper's PDF. */
  reading: ReadingPositionSchema.nullable().default(null),
  addedAt: z.string(),
  updatedAt: z.string(),
  /**
   * When fields were changed, set by the store as it writes a change (never by hand): a sync keeps the later edit
   * of each field by this time, not by `updatedAt`, which moves with every edit of any field. Older records have none.
   */
  fieldTimes: FieldTimesSchema.optional(),
});
export type PaperRecord = z.output<typeof PaperRecordSchema>;

/** The long text of a paper, read when it is opened or searched: abstract, note, highlights. */
export const PaperContentSchema = z.object({
  abstract: z.string().nullable(),
  note: NoteSchema.nullable(),
  annotations: z.array(AnnotationSchema),
});
export type PaperContent = z.output<typeof PaperContentSchema>;

export const EMPTY_CONTENT: PaperContent = { abstract: null, note: null, annotations: [] };

/** A full paper: its record and its content. */
export type Paper = PaperRecord & PaperContent;

/** The counts a record keeps of its content. */
export function countsOf(content: PaperContent): Pick<PaperRecord, 'annotationCount' | 'hasNote'> {
  return {
    annotationCount: content.annotations.length,
    hasNote: content.note !== null && content.note.text.trim() !== '',
  };
}

/** The record with its counts brought in line with the content (the same object when they already are). */
export function withCounts(record: PaperRecord, content: PaperContent): PaperRecord {
  const counts = countsOf(content);
  return record.annotationCount === counts.annotationCount && record.hasNote === counts.hasNote
    ? record
    : { ...record, ...counts };
}

/** A paper's fields as people name them ("arXiv id", not `arxivId`), for previews, merges and undo. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  arxivId: 'arXiv id',
  arxivVersion: 'arXiv version',
  doi: 'DOI',
  url: 'link',
  publishedAt: 'publication date',
  citationKey: 'citation key',
  trashedAt: 'place in the Trash',
  reading: 'reading position',
  annotations: 'highlights',
};

export function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? (FIELD_LABELS[field] ?? field) : field;
}

/** What each highlight color means (shown in the app and written into Markdown exports). */
export const COLOR_MEANINGS: Readonly<Record<AnnotationColor, string>> = {
  yellow: 'Important',
  green: 'Key result',
  blue: 'Method',
  pink: 'Question',
  purple: 'Follow up',
};
