import type { MarginApi } from '../../../renderer/src/api/client.js';
import type { Channel } from '../../../shared/ipc/channels.js';
import type { ListRow } from '../../../shared/models/views.js';
import type { Paper, Status } from '../../../shared/models/paper.js';
import { STATUSES } from '../../../shared/models/paper.js';

/** An in-memory stand-in for main: enough of the contract to drive the store. */
export function fakeApi(count: number) {
  const papers: Paper[] = Array.from({ length: count }, (_, i) => ({
    id: `paper${String(i).padStart(5, '0')}` as Paper['id'], // matches PaperIdSchema
    title: `Paper ${i}`,
    authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'],
    year: 2000 + (i % 25),
    publishedAt: null,
    arxivId: null,
    arxivVersion: null,
    editors: [],
    doi: null,
    url: null,
    venue: null,
    tags: i % 2 === 0 ? ['llm/sparsity'] : [],
    status: 'inbox',
    source: { format: 'digest', fileName: null, digestDate: null },
    citationKey: null,
    trashedAt: null,
    annotationCount: 0,
    hasNote: false,
    addedAt: new Date(Date.UTC(2026, 0, 1) - i * 1000).toISOString(),
    updatedAt: '2026-01-01T00:00:00.000Z',
    abstract: `Abstract of paper ${i}.`,
    note: null,
    annotations: [],
  }));
  const calls: Array<{ channel: Channel; request: unknown }> = [];
  const row = (p: Paper): ListRow => ({ id: p.id, title: p.title, authors: p.authors.slice(0, 3), authorCount: p.authors.length, byEditors: false, year: p.year, tags: p.tags, status: p.status, annotationCount: 0, hasNote: false, addedAt: p.addedAt });
  const find = (id: string) => {
    const paper = papers.find((p) => p.id === id);
    if (!paper) throw new Error(`no paper ${id}`);
    return paper;
  };
  const handlers: Record<string, (request: never) => unknown> = {
    'library:overview': () => ({ libraryDir: '/lib', total: papers.length, statusCounts: Object.fromEntries(STATUSES.map((s) => [s, papers.filter((p) => p.status === s).length])), tags: [{ tag: 'llm', count: Math.ceil(count / 2) }, { tag: 'llm/sparsity', count: Math.ceil(count / 2) }], readOnly: false, notices: [] }),
    'papers:query': (r: { view: { kind: string; status?: Status }; offset: number; limit: number; search: string }) => {
      const selected = papers.filter((p) => (r.view.kind !== 'status' || p.status === r.view.status) && p.title.toLowerCase().includes(r.search.toLowerCase()));
      return { total: selected.length, offset: r.offset, rows: selected.slice(r.offset, r.offset + r.limit).map(row) };
    },
    'papers:get': (r: { id: string }) => find(r.id),
    'papers:setStatus': (r: { id: string; status: Status }) => {
      const p = find(r.id);
      p.status = r.status;
      return row(p);
    },
    'papers:addTags': (r: { id: string; tags: string[] }) => {
      const p = find(r.id);
      p.tags = [...p.tags, ...r.tags];
      return row(p);
    },
    'papers:removeTags': (r: { id: string; tags: string[] }) => {
      const p = find(r.id);
      p.tags = p.tags.filter((t) => !r.tags.includes(t));
      return row(p);
    },
    'import:preview': () => ({ format: 'digest', added: 2, merged: 0, unchanged: 1, failed: [{ line: 3, message: 'a paragraph of text with no title before it; skipped' }], items: [] }),
    'import:run': () => ({ added: 2, merged: 0, unchanged: 1, failed: [], ids: [] }),
    'searches:list': () => [],
    'searches:save': (r: { name: string; query: string }) => [{ id: 's1', name: r.name, query: r.query }],
    'searches:delete': () => [],
  };
  const api: MarginApi = {
    async call(channel, request) {
      calls.push({ channel, request });
      const handler = handlers[channel];
      if (!handler) throw new Error(`fake api: no ${channel}`);
      // The fake mirrors the contract loosely; tests assert on behaviour, not on these types.
      return structuredClone(handler(request as never)) as never;
    },
    onLibraryChanged: () => () => undefined,
  };
  return { api, papers, calls };
}
