import { z } from 'zod';
import { ImportReportSchema } from '../models/import-report.js';
import { IMPORT_FORMATS, PaperIdSchema, StatusSchema, TagSchema } from '../models/paper.js';
import { ImportPreviewSchema, ListRowSchema, OverviewSchema, PaperSchema, QueryResultSchema, SavedSearchSchema, SortSchema } from '../models/views.js';
import type { Channel } from './channels.js';

/** Longest text an import accepts over IPC or HTTP (the sample digest is 100 KB). */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
export const MAX_QUERY_CHARS = 2000;
export const MAX_PAGE = 1000;

const Empty = z.strictObject({});
const PaperRef = z.strictObject({ id: PaperIdSchema });
const Tags = z.array(TagSchema).min(1).max(50);
const ImportSource = {
  text: z.string().max(MAX_IMPORT_CHARS),
  format: z.enum(['auto', ...IMPORT_FORMATS]),
  fileName: z.string().max(255).nullable(),
};

/** Which papers the list shows: a status, a tag (with its children), or all. */
export const ViewSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('status'), status: StatusSchema }),
  z.strictObject({ kind: z.literal('tag'), tag: TagSchema }),
]);
export type View = z.output<typeof ViewSchema>;

/**
 * The one IPC contract: each channel's request and response schema. Main validates every request
 * before a handler sees it; the renderer validates every response. Types come from these schemas.
 */
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
  'import:run': { request: z.strictObject({ ...ImportSource, tags: z.array(TagSchema).max(50) }), response: ImportReportSchema },
  'searches:list': { request: Empty, response: z.array(SavedSearchSchema) },
  'searches:save': { request: z.strictObject({ name: z.string().trim().min(1).max(200), query: z.string().max(MAX_QUERY_CHARS) }), response: z.array(SavedSearchSchema) },
  'searches:delete': { request: z.strictObject({ id: z.string().min(1).max(64) }), response: z.array(SavedSearchSchema) },
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

