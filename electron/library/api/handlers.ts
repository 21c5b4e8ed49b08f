import { STATUS_NAMES } from '../../../shared/models/paper.js';
import { overview, queryList } from './list-answers.js';
import { papers, tagList, undoable } from './undoable.js';
import type { Handlers } from '../../../shared/ipc/contract.js';
import { selectRecords } from '../search/paper-query.js';
import { parseQuery, type SearchQuery } from '../search/query.js';
import { attachmentText } from '../attachments/pdf-text-store.js';
import { searchSnippet } from '../search/snippet.js';
import { toListRow } from '../paper/list-row.js';
import { createAttachmentHandlers, type PdfPicker } from './attachment-handlers.js';
import { createExportHandlers } from './export-handlers.js';
import { createCitationHandlers } from './citation-handlers.js';
import { createImportHandlers } from './import-handlers.js';
import { createSettingsHandlers } from './settings-handlers.js';
import { createSyncHandlers } from './sync-handlers.js';
import type { SettingsStore } from '../settings/settings-file.js';
import type { ExportFolders } from './export-folders.js';
import type { Session } from './session.js';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { AboutSchema, type About } from '../../../shared/models/about.js';
import { LibraryError } from '../storage/errors.js';
import { parseValidated } from '../storage/validated-json-file.js';

/** The function behind every channel, over one open session. IPC and the HTTP host both call these. */
export interface HandlerOptions {
  /** The licences file the build wrote (out/licenses.json), for the About dialog. */
  readonly licensesFile?: string;
  /** Where exports may go: below a root (`margin serve`), into folders the user chose (the app), or anywhere (tests). */
  readonly exportFolders?: ExportFolders;
  /** The folder the Export dialog suggests first. */
  readonly defaultExportDir?: string;
  /** Asks for a PDF to attach (the app's native dialog); without it, PDFs are dropped or attached by the CLI. */
  readonly pickPdf?: PdfPicker;
  /** The app's settings; without them (`margin serve`, tests) settings are the defaults and cannot be changed. */
  readonly settings?: SettingsStore;
  /** Asks for a library folder for Settings (the app's native dialog). */
  readonly pickLibraryFolder?: () => Promise<string | null>;
  /** Asks for the shared PDF folder for Settings (the app's native dialog). */
  readonly pickSharedPdfFolder?: () => Promise<string | null>;
}

export function createHandlers(session: Session, options: HandlerOptions = {}): Handlers {
  const { library } = session;
  const { history } = library;
  /** Where the search matched: the abstract, note or highlights, else the PDFs' text (what found a paper only its PDF mentions). */
  const snippetOf = async (id: string, query: SearchQuery): Promise<string | null> => {
    const found = searchSnippet(await library.papers.getContent(id), query);
    if (found !== null) return found;
    const record = await library.papers.getRecord(id);
    if (!record || record.attachments.length === 0) return null;
    const pdf = searchSnippet(
      { abstract: await attachmentText(library.dir, record), note: null, annotations: [] },
      query,
    );
    return pdf === null ? null : `In the PDF: ${pdf}`;
  };
  return {
    'library:overview': async () =>
      overview(session, (await options.settings?.get())?.exportFolder ?? options.defaultExportDir ?? null),
    'papers:query': (request) => queryList(session, request),
    'papers:snippets': async ({ search, ids }) => {
      const query = parseQuery(search);
      return {
        snippets: await Promise.all(ids.map(async (id) => ({ id, snippet: await snippetOf(id, query) }))),
      };
    },
    'papers:get': async ({ id }) => library.papers.get(id),
    'app:about': async () => readAbout(options.licensesFile ?? path.resolve('out/licenses.json')),
    'papers:ids': async ({ view, search, sort }) => {
      const sorted = await session.records.orderedBy(sort ?? 'added');
      return { ids: (await selectRecords(sorted, { view, search }, session.search)).map((r) => r.id) };
    },
    'papers:setStatus': undoable(history, { label: ({ status }) => `move to ${STATUS_NAMES[status]}` }, async (r) =>
      toListRow(await library.papers.setStatus(r.id, r.status)),
    ),
    'papers:addTags': undoable(history, { label: ({ tags }) => `tagging with ${tagList(tags)}` }, async (r) =>
      toListRow(await library.papers.addTags(r.id, r.tags)),
    ),
    'papers:removeTags': undoable(history, { label: ({ tags }) => `removal of ${tagList(tags)}` }, async (r) =>
      toListRow(await library.papers.removeTags(r.id, r.tags)),
    ),
    'papers:setStatusMany': undoable(
      history,
      { label: ({ ids, status }) => `move of ${papers(ids.length)} to ${STATUS_NAMES[status]}` },
      async ({ ids, status }) => ({ count: await library.papers.setStatusMany(ids, status) }),
    ),
    'papers:editTags': undoable(
      history,
      { label: ({ ids }) => `tag change on ${papers(ids.length)}` },
      async ({ ids, add, remove }) => ({ count: await library.papers.editTags(ids, add, remove) }),
    ),
    'tags:rename': undoable(history, { label: ({ from, to }) => `renaming of #${from} to #${to}` }, async (r) => ({
      count: await library.papers.renameTag(r.from, r.to),
    })),
    'tags:delete': undoable(history, { label: ({ tag }) => `deletion of #${tag}` }, async ({ tag }) => ({
      count: await library.papers.deleteTag(tag),
    })),
    'triage:start': async ({ text, html, format, fileName }) =>
      library.triage.start({ text, html: html ?? null, format, fileName }),
    'triage:open': async ({ id }) => library.triage.open(id),
    'triage:decide': async ({ id, decisions }) => {
      await library.triage.decide(id, decisions);
      return {};
    },
    'triage:finish': undoable(history, { label: () => 'triage' }, async ({ id }) => library.triage.finish(id)),
    'triage:history': async () => library.triage.history(),
    'triage:acceptVersion': undoable(history, { label: () => 'new version' }, async ({ id, index }) =>
      library.triage.acceptVersion(id, index),
    ),
    'triage:watchList': async () => library.triage.watchList(),
    'triage:setWatchList': async (watch) => library.triage.setWatchList(watch),
    'history:undo': async () => library.history.undo(),
    'history:redo': async () => library.history.redo(),
    'papers:setReading': async ({ paperId, position }) => toListRow(await library.papers.setReading(paperId, position)),
    ...createImportHandlers(library),
    'searches:list': async () => session.searches.list(),
    'searches:save': async ({ name, query }) => session.searches.save(name, query),
    'searches:delete': async ({ id }) => session.searches.remove(id),
    'annotations:create': undoable(history, { label: () => 'highlight' }, async (r) =>
      library.annotations.add(r.paperId, { start: r.start, end: r.end, color: r.color, comment: r.comment }),
    ),
    'annotations:createPdf': undoable(history, { label: () => 'highlight' }, async ({ paperId, ...input }) =>
      library.annotations.addPdf(paperId, input),
    ),
    'annotations:update': undoable(
      history,
      { label: () => 'highlight edit', key: (r) => `annotation:${r.paperId}:${r.annotationId}` },
      async ({ paperId, annotationId, color, comment }) =>
        library.annotations.update(paperId, annotationId, { color, comment }),
    ),
    'annotations:delete': undoable(history, { label: () => 'highlight deletion' }, async (r) =>
      library.annotations.remove(r.paperId, r.annotationId),
    ),
    'annotations:restore': undoable(history, { label: () => 'highlight restore' }, async (r) =>
      library.annotations.restore(r.paperId, r.annotation),
    ),
    'notes:set': undoable(history, { label: () => 'note edit', key: (r) => `note:${r.paperId}` }, async (r) =>
      library.annotations.setNote(r.paperId, r.text),
    ),
    'papers:trash': undoable(
      history,
      { label: ({ ids }) => `move of ${papers(ids.length)} to the Trash` },
      async (r) => {
        await library.papers.trash(r.ids);
        return { count: r.ids.length };
      },
    ),
    'papers:untrash': undoable(history, { label: ({ ids }) => `restore of ${papers(ids.length)}` }, async (r) => {
      await library.papers.untrash(r.ids);
      return { count: r.ids.length };
    }),
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
    'duplicates:merge': undoable(history, { label: () => 'merge' }, async ({ keep, drop }) =>
      toListRow(await library.duplicates.merge(keep, drop)),
    ),
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
      history.clear(); // the whole library was replaced: older steps no longer describe it
      await session.searches.reload();
      return info;
    },
    ...createExportHandlers(library, options.exportFolders),
    ...createSettingsHandlers({
      libraryDir: library.dir,
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.exportFolders ? { exportFolders: options.exportFolders } : {}),
      ...(options.pickLibraryFolder ? { pickLibraryFolder: options.pickLibraryFolder } : {}),
      ...(options.pickSharedPdfFolder ? { pickSharedPdfFolder: options.pickSharedPdfFolder } : {}),
      sharedPdfs: library.attachments.shared,
    }),
    ...createCitationHandlers(session),
    ...createSyncHandlers(session),
  };
}

/** The About dialog's facts, from the file the build wrote; a missing or damaged one is named in the error. */
async function readAbout(file: string): Promise<About> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new LibraryError('not-found', `the licences list ${file} is missing: npm run build writes it`);
  }
  return parseValidated(file, text, AboutSchema);
}
