import { STATUSES, type Status } from '../../../shared/models/paper.js';
import type { Handlers, ParsedRequest } from '../../../shared/ipc/contract.js';
import type { ImportRequest } from '../import/importing.js';
import type { Overview } from '../../../shared/models/views.js';
import { runPaperQuery } from '../search/paper-query.js';
import { toListRow } from '../paper/list-row.js';
import { createAttachmentHandlers, type PdfPicker } from './attachment-handlers.js';
import { createExportHandlers } from './export-handlers.js';
import { createCitationHandlers } from './citation-handlers.js';
import type { ExportFolders } from './export-folders.js';
import type { Session } from './session.js';
import { homedir } from 'node:os';
import path from 'node:path';

/** Most entries the import preview lists (a digest has tens; a library export may have thousands). */
const MAX_PREVIEW_ITEMS = 2000;

/** The function behind every channel, over one open session. IPC and the HTTP host both call these. */
export interface HandlerOptions {
  /** Where exports may go: below a root (`margin serve`), into folders the user chose (the app), or anywhere (tests). */
  readonly exportFolders?: ExportFolders;
  /** The folder the Export dialog suggests first. */
  readonly defaultExportDir?: string;
  /** Asks for a PDF to attach (the app's native dialog); without it, PDFs are dropped or attached by the CLI. */
  readonly pickPdf?: PdfPicker;
}

export function createHandlers(session: Session, options: HandlerOptions = {}): Handlers {
  const { library } = session;
  return {
    'library:overview': async () => overview(session, options.defaultExportDir ?? null),
    'papers:query': async (request) => {
      const result = await runPaperQuery(await session.records.sortedBy(request.sort), request, session.search);
      return { ...result, offset: request.offset };
    },
    'papers:get': async ({ id }) => library.papers.get(id),
    'papers:setStatus': async ({ id, status }) => toListRow(await library.papers.setStatus(id, status)),
    'papers:addTags': async ({ id, tags }) => toListRow(await library.papers.addTags(id, tags)),
    'papers:removeTags': async ({ id, tags }) => toListRow(await library.papers.removeTags(id, tags)),
    'papers:setReading': async ({ paperId, position }) => toListRow(await library.papers.setReading(paperId, position)),
    'import:preview': async (request) => {
      const outcome = await library.imports.run(importRequest({ ...request, tags: [] }, true));
      const { added, merged, unchanged, failed, items, digest, format: detected } = outcome;
      return { format: detected, added, merged, unchanged, failed, items: items.slice(0, MAX_PREVIEW_ITEMS), digest };
    },
    'import:run': async (request) => {
      const outcome = await library.imports.run(importRequest(request, false));
      const { added, merged, unchanged, failed, ids, skipped, entries } = outcome;
      return { added, merged, unchanged, failed, ids, skipped, entries };
    },
    'searches:list': async () => session.searches.list(),
    'searches:save': async ({ name, query }) => session.searches.save(name, query),
    'searches:delete': async ({ id }) => session.searches.remove(id),
    'annotations:create': async ({ paperId, start, end, color, comment }) =>
      library.annotations.add(paperId, { start, end, color, comment }),
    'annotations:createPdf': async ({ paperId, ...input }) => library.annotations.addPdf(paperId, input),
    'annotations:update': async ({ paperId, annotationId, color, comment }) =>
      library.annotations.update(paperId, annotationId, { color, comment }),
    'annotations:delete': async ({ paperId, annotationId }) => library.annotations.remove(paperId, annotationId),
    'annotations:restore': async ({ paperId, annotation }) => library.annotations.restore(paperId, annotation),
    'notes:set': async ({ paperId, text }) => library.annotations.setNote(paperId, text),
    'papers:trash': async ({ ids }) => {
      await library.papers.trash(ids);
      return { count: ids.length };
    },
    'papers:untrash': async ({ ids }) => {
      await library.papers.untrash(ids);
      return { count: ids.length };
    },
    'trash:empty': async () => ({ count: await library.papers.emptyTrash() }),
    'duplicates:list': async () => {
      const pairs = await library.duplicates.possible();
      const rows = await Promise.all(
        pairs.map(async (p) => ({
          a: toListRow(await library.papers.get(p.a)),
          b: toListRow(await library.papers.get(p.b)),
          reason: p.reason,
        })),
      );
      return rows;
    },
    'duplicates:merge': async ({ keep, drop }) => toListRow(await library.duplicates.merge(keep, drop)),
    'import:notSame': async ({ paperId, entryKey }) => {
      await library.duplicates.markEntryDistinct(paperId, entryKey);
      return {};
    },
    ...createAttachmentHandlers(library, options.pickPdf),
    'duplicates:distinct': async ({ a, b }) => {
      await library.duplicates.markDistinct(a, b);
      return {};
    },
    'backups:list': async () => library.backups.list(),
    'backups:restore': async ({ name }) => {
      const info = await library.backups.restore(name);
      await session.searches.reload();
      return info;
    },
    ...createExportHandlers(library, options.exportFolders),
    ...createCitationHandlers(session),
  };
}

async function overview(session: Session, defaultExportDir: string | null): Promise<Overview> {
  const records = await session.records.records();
  const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>; // every status is set to 0 just above
  const tags = new Map<string, number>();
  let trashCount = 0;
  for (const record of records) {
    if (record.trashedAt !== null) {
      trashCount++;
      continue;
    }
    statusCounts[record.status] += 1;
    // Count each paper once under every level of its tags: `llm/sparsity` counts for `llm` too.
    const paths = new Set<string>();
    for (const tag of record.tags) {
      const parts = tag.split('/');
      for (let i = 1; i <= parts.length; i++) paths.add(parts.slice(0, i).join('/'));
    }
    for (const path of paths) tags.set(path, (tags.get(path) ?? 0) + 1);
  }
  return {
    libraryDir: session.library.dir,
    total: records.length - trashCount,
    trashCount,
    statusCounts,
    tags: [...tags].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag)),
    readOnly: session.library.readOnly,
    notices: [...session.library.notices],
    defaultExportDir: defaultExportDir ?? path.join(homedir(), 'Documents', 'Margin'),
  };
}

/** The library's import request from a channel's: the preview's corrections and options, defaults filled in. */
function importRequest(request: ParsedRequest<'import:run'>, dryRun: boolean): ImportRequest {
  return {
    text: request.text,
    format: request.format,
    fileName: request.fileName,
    html: request.html ?? null,
    edits: request.edits ?? [],
    categoryTags: request.categoryTags ?? false,
    tags: request.tags,
    dryRun,
  };
}
