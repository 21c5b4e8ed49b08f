import { MAX_IMPORT_BYTES, MAX_UPLOAD_BYTES } from '../limits.js';
import { COMMAND_IDS } from '../commands/shortcuts.js';
import { SettingsViewSchema, SyncEverySchema, ThemeSchema } from '../models/settings.js';
import { BackupInfoSchema } from '../models/backup.js';
import { z } from 'zod';
import { AboutSchema } from '../models/about.js';
import { SyncRemoteSchema, SyncStatusSchema } from '../models/sync.js';
import { ENTRY_EDIT_ACTIONS, ImportReportSchema } from '../models/import-report.js';
import { ImportIdSchema, ImportProgressViewSchema } from '../models/import-progress.js';
import {
  AttachmentSchema,
  ReadingPositionSchema,
  AnnotationColorSchema,
  AnnotationSchema,
  IMPORT_FORMATS,
  NoteSchema,
  PaperIdSchema,
  StatusSchema,
  TagSchema,
} from '../models/paper.js';
import { DigestReportSchema, MarkdownExportReportSchema } from '../models/export-report.js';
import {
  ImportPreviewSchema,
  ListRowSchema,
  OverviewSchema,
  PaperSchema,
  QueryResultSchema,
  SavedSearchSchema,
  SortSchema,
} from '../models/views.js';
import { ArxivCandidateSchema, ArxivIdSchema, CitationStyleSchema } from '../models/citations.js';
import type { Channel } from './channels.js';
import { TriageDecisionSchema, TriageSummarySchema, TriageViewSchema, WatchListSchema } from '../models/triage.js';
import {
  ExportConflictSchema,
  ResolveConflictRequestSchema,
  ResolveConflictResultSchema,
} from '../models/export-conflict.js';

/** Longest text an import accepts over IPC or HTTP (the sample digest is 100 KB). */
/** Text decoded from at most MAX_IMPORT_BYTES bytes has at most as many UTF-16 code units. */
export const MAX_IMPORT_CHARS = MAX_IMPORT_BYTES;
export const MAX_QUERY_CHARS = 2000;
export const MAX_PAGE = 1000;
/** Longest note or comment (a long note is ~20 KB). */
export const MAX_NOTE_CHARS = 1_000_000;
export const MAX_COMMENT_CHARS = 20_000;
/** A page of a paper holds a few thousand characters; a page of a dense table perhaps ten times that. */
export const MAX_PAGE_TEXT_CHARS = 200_000;
const FolderPath = z.string().trim().min(1, 'choose a folder').max(4096);

const Empty = z.strictObject({});
const PaperRef = z.strictObject({ id: PaperIdSchema });
const Tags = z.array(TagSchema).min(1).max(50);
/** Most pieces a text may come in: a megabyte each makes 64 of the largest import. */
const MAX_TEXT_PIECES = 4096;
/**
 * A large text as the HTTP host hands it over: pieces, each ending at a line break, never joined in the main process
 * (electron/library/import/text-pieces.ts). Electron's IPC and small bodies give one string.
 */
export const TextInPiecesSchema = z
  .array(z.string())
  .min(1)
  .max(MAX_TEXT_PIECES)
  .refine((pieces) => pieces.reduce((sum, piece) => sum + piece.length, 0) <= MAX_IMPORT_CHARS, {
    message: `Too big: expected at most ${MAX_IMPORT_CHARS} characters`,
  });
/** The channels whose `text` may come in pieces. */
export const TEXT_IN_PIECES_CHANNELS: ReadonlySet<string> = new Set(['import:preview', 'import:run']);
const ImportSource = {
  text: z.union([z.string().max(MAX_IMPORT_CHARS), TextInPiecesSchema]),
  format: z.enum(['auto', ...IMPORT_FORMATS]),
  fileName: z.string().max(255).nullable(),
  /** The same paste as HTML (the clipboard's text/html): its links give papers their ids. */
  html: z.string().max(MAX_IMPORT_CHARS).nullable().optional(),
  /** Corrections made in the preview, by entry position. */
  edits: z
    .array(
      z.strictObject({ index: z.number().int().nonnegative().max(10_000_000), action: z.enum(ENTRY_EDIT_ACTIONS) }),
    )
    .max(100_000)
    .optional(),
  /** Tag each paper with its arXiv categories (`arxiv/cs.LG`). */
  categoryTags: z.boolean().optional(),
  /** Names the import, to follow it with `import:progress` and stop it with `import:cancel`. */
  importId: ImportIdSchema.optional(),
};

/** Which papers the list shows: a status, a tag (with its children), or all. */
export const ViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('status'), status: StatusSchema }),
  z.strictObject({ kind: z.literal('tag'), tag: TagSchema }),
  z.strictObject({ kind: z.literal('trash') }),
]);
export type View = z.output<typeof ViewSchema>;

/** Which papers an export takes. */
export const ExportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('ids'), ids: z.array(PaperIdSchema).min(1).max(100_000) }),
  z.strictObject({ kind: z.literal('tag'), tag: TagSchema }),
  z.strictObject({ kind: z.literal('status'), status: StatusSchema }),
  z.strictObject({ kind: z.literal('all') }),
]);
export type ExportScope = z.output<typeof ExportScopeSchema>;
/** A PDF's bytes as base64 (JSON carries no bytes), at most MAX_UPLOAD_BYTES of them. */
const PdfBase64 = z
  .string()
  .max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4, `over ${MAX_UPLOAD_BYTES / 1048576} MB; attach it from its file instead`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

/** Which PDF to read: a paper and the hash of one of its attachments. */
export const AttachmentRefSchema = z.strictObject({
  paperId: PaperIdSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256'),
});
const AttachResultSchema = z.object({
  attachment: AttachmentSchema,
  outcome: z.enum(['attached', 'already-attached']),
});
const StoredFileSchema = z.object({
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  fileName: z.string(),
  papers: z.array(z.object({ id: z.string(), title: z.string(), trashed: z.boolean() })),
});
const TriageId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'not a triage id');
/** A selection: up to a whole large library. */
const PaperIds = z.array(PaperIdSchema).min(1).max(1_000_000);
/** How many papers an edit changed. */
const Count = z.object({ count: z.number().int().nonnegative() });
/** What undo or redo did: the step, how many papers it rewrote, and later changes it left alone. */
export const HistoryStepSchema = z.object({
  label: z.string(),
  papers: z.number().int().nonnegative(),
  kept: z.array(z.string()),
});
export type HistoryStep = z.output<typeof HistoryStepSchema>;
const AnnotationRef = { paperId: PaperIdSchema, annotationId: z.string().regex(/^[a-z0-9]{1,64}$/) };

/**
 * The one IPC contract: each channel's request and response schema. Main validates every request
 * before a handler sees it; the renderer validates every response. Types come from these schemas.
 */
/** Rows of a page whose snippets are asked for at once: a screenful and more. */
export const MAX_SNIPPET_ROWS = 100;

export const CONTRACT = {
  'library:overview': { request: Empty, response: OverviewSchema },
  'papers:query': {
    request: z.strictObject({
      view: ViewSchema,
      search: z.string().max(MAX_QUERY_CHARS),
      sort: SortSchema,
      offset: z.number().int().nonnegative().max(10_000_000),
      limit: z.number().int().positive().max(MAX_PAGE),
    }),
    response: QueryResultSchema,
  },
  'papers:get': { request: PaperRef, response: PaperSchema },
  'papers:setStatus': { request: z.strictObject({ id: PaperIdSchema, status: StatusSchema }), response: ListRowSchema },
  'papers:addTags': { request: z.strictObject({ id: PaperIdSchema, tags: Tags }), response: ListRowSchema },
  'papers:removeTags': { request: z.strictObject({ id: PaperIdSchema, tags: Tags }), response: ListRowSchema },
  'import:preview': { request: z.strictObject(ImportSource), response: ImportPreviewSchema },
  'import:run': {
    request: z.strictObject({ ...ImportSource, tags: z.array(TagSchema).max(50) }),
    response: ImportReportSchema,
  },
  'searches:list': { request: Empty, response: z.array(SavedSearchSchema) },
  'searches:save': {
    request: z.strictObject({ name: z.string().trim().min(1).max(200), query: z.string().max(MAX_QUERY_CHARS) }),
    response: z.array(SavedSearchSchema),
  },
  'searches:delete': {
    request: z.strictObject({ id: z.string().min(1).max(64) }),
    response: z.array(SavedSearchSchema),
  },
  'annotations:create': {
    request: z.strictObject({
      paperId: PaperIdSchema,
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      color: AnnotationColorSchema,
      comment: z.string().max(MAX_COMMENT_CHARS),
    }),
    response: AnnotationSchema,
  },
  /** Queue papers' arXiv PDFs for download (one at a time, politely); says what became of each. */
  'downloads:enqueue': {
    request: z.strictObject({ ids: z.array(PaperIdSchema).min(1).max(10_000) }),
    response: z.array(z.object({ paperId: z.string(), outcome: z.enum(['queued', 'has-pdf', 'no-arxiv-id']) })),
  },
  'downloads:status': {
    request: Empty,
    response: z.object({
      online: z.boolean(),
      waiting: z.number().int().nonnegative(),
      done: z.number().int().nonnegative(),
      failed: z.array(z.object({ paperId: z.string(), error: z.string().nullable() })),
    }),
  },
  /** A highlight on a page of a PDF: the page's text as the reader extracted it, and the passage's place in it. */
  'annotations:createPdf': {
    request: z.strictObject({
      paperId: PaperIdSchema,
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      page: z.number().int().positive().max(100_000),
      pageText: z.string().max(MAX_PAGE_TEXT_CHARS),
      start: z.number().int().nonnegative(),
      end: z.number().int().positive(),
      color: AnnotationColorSchema,
      comment: z.string().max(MAX_COMMENT_CHARS),
    }),
    response: AnnotationSchema,
  },
  'annotations:update': {
    request: z.strictObject({
      ...AnnotationRef,
      color: AnnotationColorSchema.optional(),
      comment: z.string().max(MAX_COMMENT_CHARS).optional(),
    }),
    response: AnnotationSchema,
  },
  'annotations:delete': { request: z.strictObject(AnnotationRef), response: AnnotationSchema },
  'annotations:restore': {
    request: z.strictObject({ paperId: PaperIdSchema, annotation: AnnotationSchema.strict() }),
    response: AnnotationSchema,
  },
  'notes:set': {
    request: z.strictObject({ paperId: PaperIdSchema, text: z.string().max(MAX_NOTE_CHARS) }),
    response: NoteSchema.nullable(),
  },
  'export:markdown': {
    request: z.strictObject({ dir: FolderPath, scope: ExportScopeSchema, dryRun: z.boolean() }),
    response: MarkdownExportReportSchema,
  },
  'export:highlights': {
    request: z.strictObject({ file: FolderPath, scope: ExportScopeSchema }),
    response: DigestReportSchema,
  },
  'export:paperMarkdown': { request: PaperRef, response: z.object({ markdown: z.string() }) },
  /** Ask main for a folder (the app: a native dialog); exports go only where main allows. */
  'export:chooseFolder': { request: Empty, response: z.object({ dir: z.string().nullable() }) },
  'backups:list': { request: Empty, response: z.array(BackupInfoSchema) },
  'backups:restore': {
    request: z.strictObject({ name: z.string().regex(/^[\w.-]{1,120}$/) }),
    response: BackupInfoSchema,
  },
  'papers:trash': {
    request: z.strictObject({ ids: z.array(PaperIdSchema).min(1).max(100_000) }),
    response: z.object({ count: z.number().int() }),
  },
  'papers:untrash': {
    request: z.strictObject({ ids: z.array(PaperIdSchema).min(1).max(100_000) }),
    response: z.object({ count: z.number().int() }),
  },
  'trash:empty': { request: Empty, response: z.object({ count: z.number().int() }) },
  'duplicates:list': {
    request: Empty,
    response: z.array(z.object({ a: ListRowSchema, b: ListRowSchema, reason: z.string() })),
  },
  'duplicates:merge': {
    request: z.strictObject({ keep: PaperIdSchema, drop: PaperIdSchema }),
    response: ListRowSchema,
  },
  'import:notSame': {
    request: z.strictObject({ paperId: PaperIdSchema, entryKey: z.string().startsWith('entry:').max(2000) }),
    response: z.object({}),
  },
  'duplicates:distinct': { request: z.strictObject({ a: PaperIdSchema, b: PaperIdSchema }), response: z.object({}) },
  'export:bibliography': {
    request: z.strictObject({ format: z.enum(['bibtex', 'csl-json']), file: FolderPath, scope: ExportScopeSchema }),
    response: z.object({
      file: z.string(),
      outcome: z.enum(['written', 'unchanged', 'conflict']),
      reason: z.string().optional(),
      papers: z.number().int(),
    }),
  },
  /** A dropped PDF, as base64 (JSON carries no bytes); larger files come from `attachments:choose` or the CLI. */
  'attachments:add': {
    request: z.strictObject({
      paperId: PaperIdSchema,
      fileName: z.string().min(1).max(1000),
      data: PdfBase64,
    }),
    response: AttachResultSchema,
  },
  /** A PDF dropped with no paper open: it becomes a paper (or goes to the one it already is). */
  'attachments:addAsPaper': {
    request: z.strictObject({ fileName: z.string().min(1).max(1000), data: PdfBase64 }),
    response: z.object({
      paperId: z.string(),
      outcome: z.enum(['added', 'merged', 'unchanged']),
      attachment: AttachmentSchema,
    }),
  },
  /** Main asks the user for a PDF (the app: a native dialog) and attaches it; null when they cancel. */
  'attachments:choose': {
    request: z.strictObject({ paperId: PaperIdSchema }),
    response: AttachResultSchema.nullable(),
  },
  'attachments:stored': { request: Empty, response: z.array(StoredFileSchema) },
  /** The page shown of a paper's PDF; opening a PDF of an Inbox or To read paper moves it to Reading. */
  'papers:setReading': {
    request: z.strictObject({ paperId: PaperIdSchema, position: ReadingPositionSchema.strict() }),
    response: ListRowSchema,
  },
  /** Take back the last change to the library (any kind), or make again the last one taken back; null: none. */
  'history:undo': { request: Empty, response: HistoryStepSchema.nullable() },
  'history:redo': { request: Empty, response: HistoryStepSchema.nullable() },
  'papers:setStatusMany': {
    request: z.strictObject({ ids: PaperIds, status: StatusSchema }),
    response: Count,
  },
  'papers:editTags': {
    request: z
      .strictObject({ ids: PaperIds, add: z.array(TagSchema).max(50), remove: z.array(TagSchema).max(50) })
      .refine((r) => r.add.length + r.remove.length > 0, 'name a tag to add or remove'),
    response: Count,
  },
  /** Rename a tag (and those below it) everywhere; to an existing tag, it merges the two. */
  'tags:rename': { request: z.strictObject({ from: TagSchema, to: TagSchema }), response: Count },
  /** Take a tag (and those below it) off every paper. */
  'tags:delete': { request: z.strictObject({ tag: TagSchema }), response: Count },
  /** Read a digest into a new triage: its papers grouped against the library and past skips; nothing imported. */
  'triage:start': {
    request: z.strictObject({
      // A digest (kept with its triage as one string), not a library export: it never comes in pieces.
      text: z.string().max(MAX_IMPORT_CHARS),
      html: ImportSource.html,
      format: ImportSource.format,
      fileName: ImportSource.fileName,
    }),
    response: TriageViewSchema,
  },
  'triage:open': { request: z.strictObject({ id: TriageId }), response: TriageViewSchema },
  'triage:decide': {
    request: z.strictObject({
      id: TriageId,
      decisions: z
        .array(
          z.strictObject({
            index: z.number().int().nonnegative().max(10_000_000),
            decision: TriageDecisionSchema.nullable(),
            tags: z.array(TagSchema).max(20).optional(),
          }),
        )
        .min(1)
        .max(100_000),
    }),
    response: z.object({}),
  },
  /** Import the kept papers with their status and tags, remember the skipped ones: one undoable step. */
  'triage:finish': {
    request: z.strictObject({ id: TriageId }),
    response: z.object({
      keptIds: z.array(z.string()),
      kept: z.array(z.object({ id: z.string(), title: z.string() })),
      added: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
    }),
  },
  'triage:history': { request: Empty, response: z.array(TriageSummarySchema) },
  'triage:acceptVersion': {
    request: z.strictObject({ id: TriageId, index: z.number().int().nonnegative().max(10_000_000) }),
    response: z.object({ paperId: z.string(), orphaned: z.array(z.string()) }),
  },
  'triage:watchList': { request: Empty, response: WatchListSchema },
  'triage:setWatchList': { request: WatchListSchema.strict(), response: WatchListSchema },
  /** Every paper a view and search select (Select all), in list order. */
  'papers:ids': {
    request: z.strictObject({ view: ViewSchema, search: z.string().max(MAX_QUERY_CHARS), sort: SortSchema.optional() }),
    response: z.object({ ids: z.array(z.string()) }),
  },
  /** Papers as citations to paste, in the order given: BibTeX, CSL-JSON, or APA/Chicago/IEEE text (never HTML). */
  'citations:format': {
    request: z.strictObject({ ids: z.array(PaperIdSchema).min(1).max(10_000), style: CitationStyleSchema }),
    response: z.object({ text: z.string() }),
  },
  /** "Find on arXiv": main searches the arXiv API for the paper's title; a message says why nothing came back. */
  'arxiv:findByTitle': {
    request: z.strictObject({ paperId: PaperIdSchema }),
    response: z.object({ candidates: z.array(ArxivCandidateSchema), message: z.string().nullable() }),
  },
  /** Merge the chosen arXiv paper's metadata into this one (the ordinary merge); the fields it filled. */
  'arxiv:applyMatch': {
    request: z.strictObject({ paperId: PaperIdSchema, arxivId: ArxivIdSchema }),
    response: z.object({ changed: z.array(z.string()) }),
  },
  /** Notes in an export folder that both the user and Margin changed, with their diff and merge questions. */
  'export:conflicts': {
    /** `ids` narrows the listing to those papers (the conflicts an export just reported); else every paper exported there. */
    request: z.strictObject({ dir: FolderPath, ids: z.array(PaperIdSchema).max(100_000).optional() }),
    response: z.array(ExportConflictSchema),
  },
  /** Keep the user's note, take Margin's side, or write a merge; refused if the file changed since listed. */
  'export:resolve': {
    request: ResolveConflictRequestSchema.extend({ dir: FolderPath }),
    response: ResolveConflictResultSchema,
  },
  /** The desktop app's settings (kept by main in settings.json), and the library open now. */
  'settings:get': { request: Empty, response: SettingsViewSchema },
  /** Main applies it to the window (Electron's nativeTheme) and keeps it. */
  'settings:setTheme': { request: z.strictObject({ theme: ThemeSchema }), response: SettingsViewSchema },
  /** Main asks for the folder in a native dialog: the page never names a path. Unchanged when cancelled. */
  'settings:chooseFolder': {
    request: z.strictObject({ folder: z.enum(['export', 'library', 'sharedPdfs']) }),
    response: SettingsViewSchema,
  },
  /** Where a search matched each of these papers, for their rows (asked after the rows, so the list never waits for them). */
  'papers:snippets': {
    request: z.strictObject({
      search: z.string().max(MAX_QUERY_CHARS),
      ids: z.array(PaperIdSchema).max(MAX_SNIPPET_ROWS),
    }),
    response: z.object({ snippets: z.array(z.object({ id: z.string(), snippet: z.string().nullable() })) }),
  },
  /** The app's version and its packages' licences (out/licenses.json, written at build time). */
  'app:about': { request: Empty, response: AboutSchema },
  /** The library's git remote, the last sync and the last error (read only: nothing runs). */
  'sync:status': { request: Empty, response: SyncStatusSchema },
  /** Sync now (as `margin sync`); a failure is in the status it returns, in words for the status line. */
  'sync:run': { request: Empty, response: SyncStatusSchema },
  /** Sync with this remote from now on (kept in the library's git config, shared with `margin sync`). */
  'sync:setRemote': { request: z.strictObject({ url: SyncRemoteSchema }), response: SyncStatusSchema },
  /** How often the app syncs while open; null: only when asked. */
  'settings:setSyncEvery': {
    request: z.strictObject({ minutes: SyncEverySchema.nullable() }),
    response: SettingsViewSchema,
  },
  /** How far an import given this `importId` has got (polled while it runs). */
  'import:progress': { request: z.strictObject({ importId: ImportIdSchema }), response: ImportProgressViewSchema },
  /** Stop the import given this `importId` before its commit point, with nothing written; after it, it finishes. */
  'import:cancel': { request: z.strictObject({ importId: ImportIdSchema }), response: ImportProgressViewSchema },
  /**
   * Which of a paper's PDFs are not on this machine (a paper received by sync: PDFs do not go through git). A missing
   * one is first looked for in the shared PDF folder, and taken from it when its bytes match, so it may write a file.
   */
  'attachments:locate': {
    request: z.strictObject({ paperId: PaperIdSchema }),
    response: z.object({
      missing: z.array(z.string()),
      sharedFolder: z.string().nullable(),
      refused: z.array(z.string()),
    }),
  },
  /** Stop sharing PDFs through a folder (the copies there are left as they are). */
  'settings:forgetSharedPdfFolder': { request: Empty, response: SettingsViewSchema },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>;

export type Contract = typeof CONTRACT;
/** What a caller sends on a channel. */
export type Request<C extends Channel> = z.input<Contract[C]['request']>;
/** What a handler receives after validation. */
export type ParsedRequest<C extends Channel> = z.output<Contract[C]['request']>;
/** What a handler returns / a caller receives. */
export type Response<C extends Channel> = z.input<Contract[C]['response']>;

/** The functions behind the channels, one per channel. */
export type Handlers = { readonly [C in Channel]: (request: ParsedRequest<C>) => Promise<Response<C>> };

/**
 * APP_OPEN_EVENT's payload (main → renderer): a paper to show, a reference file's bytes for the import preview, or a
 * PDF's bytes to attach as a drop would; or why a file could not be read. Main reads the file: the renderer never
 * names a path.
 */
export const AppOpenSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paper'), id: PaperIdSchema }),
  z.strictObject({
    kind: z.literal('import'),
    fileName: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_IMPORT_BYTES, 'too large to import'),
  }),
  z.strictObject({
    kind: z.literal('attach'),
    fileName: z.string().min(1).max(255),
    bytes: z.instanceof(Uint8Array).refine((b) => b.length <= MAX_UPLOAD_BYTES, 'too large to attach'),
  }),
  z.strictObject({ kind: z.literal('error'), message: z.string().max(2000) }),
]);
export type AppOpen = z.output<typeof AppOpenSchema>;

/** MENU_COMMAND_EVENT's payload: the id of a command of the shared list, nothing else. */
export const MenuCommandSchema = z.enum(COMMAND_IDS);
