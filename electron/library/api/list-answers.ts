/** The answers behind the sidebar and the list (`library:overview`, `papers:query`): what the first screen shows. */
import { homedir } from 'node:os';
import path from 'node:path';
import type { Overview, QueryResult } from '../../../shared/models/views.js';
import { runPaperQuery, type PaperQuery } from '../search/paper-query.js';
import { searchNote } from '../search/worker-protocol.js';
import { hasTextTerms, parseQuery } from '../search/query.js';
import type { Session } from './session.js';

export async function overview(session: Session, defaultExportDir: string | null): Promise<Overview> {
  // Until every record is read, the counts kept at the last close answer (when they are still true).
  const counts = session.startup.counts() ?? (await session.records.counts());
  return {
    libraryDir: session.library.dir,
    ...counts,
    readOnly: session.library.readOnly,
    notices: [...session.library.notices],
    defaultExportDir: defaultExportDir ?? path.join(homedir(), 'Documents', 'Margin'),
  };
}

export async function queryList(session: Session, request: PaperQuery): Promise<QueryResult> {
  // While the records are read at open, the list the app opens with comes from the list snapshot.
  const early = session.startup.page(request);
  if (early) return { ...early, offset: request.offset, problems: [], searchNote: null, indexBuilding: false };
  const fromIndex = await searchFromIndex(session, request);
  if (fromIndex) return fromIndex;
  const result = await runPaperQuery(await session.records.orderedBy(request.sort), request, session.search);
  const searching = request.search.trim() !== '';
  const status = session.search.status();
  return {
    ...result,
    offset: request.offset,
    searchNote: searching ? searchNote(status) : null,
    indexBuilding: searching && status.mode === 'building',
  };
}

/**
 * While the records are read at open (the list snapshot answers the first screen), a search is answered by the
 * index alone: its rows, order and count are the ones the records would give (issue 17). Null: the records answer.
 */
async function searchFromIndex(session: Session, request: PaperQuery): Promise<QueryResult | null> {
  if (!session.startup.answering) return null;
  const query = parseQuery(request.search);
  if (!hasTextTerms(query)) return null;
  const { view, sort, offset, limit } = request;
  const page = await session.search.page({ query, view, sort, offset, limit });
  // A change landed meanwhile: the records answer, so no search misses a confirmed edit.
  if (!page || !session.startup.answering) return null;
  return { ...page, offset, problems: [...query.problems], searchNote: null, indexBuilding: false };
}
