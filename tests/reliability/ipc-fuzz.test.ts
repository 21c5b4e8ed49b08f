import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/library/api/dispatch.js';
import { startHttpHost } from '../../electron/host/http-host.js';
import { random } from '../../scripts/bench/synthetic.js';
import { CHANNELS, type Channel } from '../../shared/ipc/channels.js';
import { CONTRACT } from '../../shared/ipc/contract.js';
import { sampleSession } from '../helpers/session.js';
import { librarySnapshot } from '../helpers/snapshot.js';
import { tempDir } from '../helpers/temp-dir.js';
import path from 'node:path';

/** MARGIN_IPC_FUZZ=1000 malformed payloads per channel (the default). */
const PER_CHANNEL = Number(process.env.MARGIN_IPC_FUZZ ?? 1000);

/** A well-formed request per channel, for mutations to break. */
function validRequest(channel: Channel, id: string, annotation: Record<string, unknown>): Record<string, unknown> {
  const requests: Record<Channel, Record<string, unknown>> = {
    'library:overview': {},
    'papers:query': {
      view: { kind: 'status', status: 'inbox' },
      search: 'sparse',
      sort: 'added',
      offset: 0,
      limit: 50,
    },
    'papers:get': { id },
    'papers:setStatus': { id, status: 'read' },
    'papers:addTags': { id, tags: ['x'] },
    'papers:removeTags': { id, tags: ['x'] },
    'import:preview': { text: 'A Title\n\nAn abstract sentence.', format: 'auto', fileName: null },
    'import:run': { text: 'A Title\n\nAn abstract sentence.', format: 'auto', fileName: null, tags: [] },
    'searches:list': {},
    'searches:save': { name: 'n', query: 'q' },
    'searches:delete': { id: 'abc' },
    'annotations:create': { paperId: id, start: 0, end: 5, color: 'green', comment: '' },
    'annotations:update': { paperId: id, annotationId: 'habc', color: 'blue' },
    'annotations:delete': { paperId: id, annotationId: 'habc' },
    'annotations:restore': { paperId: id, annotation },
    'notes:set': { paperId: id, text: 'note' },
    'export:markdown': { dir: '/tmp/x', scope: { kind: 'all' }, dryRun: true },
    'export:highlights': { file: '/tmp/x/H.md', scope: { kind: 'all' } },
    'export:paperMarkdown': { id },
    'export:chooseFolder': {},
    'attachments:add': { paperId: id, fileName: 'a.pdf', data: 'JVBERi0xLjQK' },
    'attachments:choose': { paperId: id },
    'attachments:stored': {},
    'downloads:enqueue': { ids: [id] },
    'downloads:status': {},
    'attachments:addAsPaper': { fileName: 'a.pdf', data: 'JVBERi0xLjQK' },
    'annotations:createPdf': {
      paperId: id,
      sha256: 'a'.repeat(64),
      page: 1,
      pageText: 'Some text',
      start: 0,
      end: 4,
      color: 'yellow',
      comment: '',
    },
    'papers:setReading': { paperId: id, position: { sha256: 'a'.repeat(64), page: 1, pages: 2 } },
    'history:undo': {},
    'history:redo': {},
    'papers:setStatusMany': { ids: [id], status: 'read' },
    'papers:editTags': { ids: [id], add: ['x'], remove: [] },
    'tags:rename': { from: 'x', to: 'y' },
    'tags:delete': { tag: 'x' },
    'papers:ids': { view: { kind: 'all' }, search: '' },
    'triage:start': { text: 'A Title About Things\n\nAn abstract.', format: 'auto', fileName: null },
    'triage:open': { id: '2026-01-01-abcd' },
    'triage:decide': { id: '2026-01-01-abcd', decisions: [{ index: 0, decision: 'keep' }] },
    'triage:finish': { id: '2026-01-01-abcd' },
    'triage:history': {},
    'triage:acceptVersion': { id: '2026-01-01-abcd', index: 0 },
    'triage:watchList': {},
    'triage:setWatchList': { keywords: ['sparsity'], authors: [], quickTags: [] },
    'export:bibliography': { format: 'bibtex', file: '/tmp/x/a.bib', scope: { kind: 'all' } },
    'backups:list': {},
    'backups:restore': { name: 'no-such-backup' },
    'papers:trash': { ids: [id] },
    'papers:untrash': { ids: [id] },
    'trash:empty': {},
    'duplicates:list': {},
    'duplicates:merge': { keep: id, drop: id },
    'duplicates:distinct': { a: id, b: id },
    'import:notSame': { paperId: id, entryKey: 'entry:||x' },
    'citations:format': { ids: [id], style: 'apa' },
    'arxiv:findByTitle': { paperId: id },
    'arxiv:applyMatch': { paperId: id, arxivId: '1706.03762' },
    'export:conflicts': { dir: '/tmp/x' },
    'export:resolve': { dir: '/tmp/x', paperId: id, choice: 'keep-mine', fingerprint: 'x.y', answers: [] },
    'settings:get': {},
    'settings:setTheme': { theme: 'dark' },
    'settings:chooseFolder': { folder: 'export' },
    'papers:snippets': { search: 'sparse', ids: [id] },
    'app:about': {},
    'sync:status': {},
    'sync:run': {},
    'sync:setRemote': { url: '/tmp/margin-fuzz-no-such-remote.git' },
    'settings:setSyncEvery': { minutes: 15 },
    'import:progress': { importId: 'imp-1' },
    'import:cancel': { importId: 'imp-1' },
    'attachments:locate': { paperId: id },
    'settings:forgetSharedPdfFolder': {},
  };
  return requests[channel];
}

const WRONG_VALUES: readonly unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  '',
  'x'.repeat((70 * 1024 * 1024) / 64),
  [],
  {},
  [1, 2],
  { a: 1 },
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '\u0000',
  NaN,
];

/** Break a valid request: wrong types, missing or extra fields, prototype-pollution keys, huge strings. */
function mutate(base: Record<string, unknown>, rand: () => number): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const keys = Object.keys(base);
  const copy: Record<string, unknown> = structuredClone(base);
  switch (Math.floor(rand() * 7)) {
    case 0:
      return pick(WRONG_VALUES);
    case 1:
      if (keys.length > 0) delete copy[pick(keys)];
      else copy.extra = 1;
      return copy;
    case 2:
      if (keys.length > 0) copy[pick(keys)] = pick(WRONG_VALUES);
      else copy[pick(['x', 'id', 'text'])] = pick(WRONG_VALUES);
      return copy;
    case 3:
      return JSON.parse(JSON.stringify(copy).replace(/^\{/, `{"__proto__": {"polluted": true}, `).replace(/, }$/, '}'));
    case 4:
      return {
        ...copy,
        [pick(['extra', 'constructor', 'prototype', '__defineGetter__', 'isAdmin'])]: pick(WRONG_VALUES),
      };
    case 5: {
      const key = pick(keys);
      if (key !== undefined && typeof copy[key] === 'string') copy[key] = 'y'.repeat(5_000_000);
      else copy.huge = 'y'.repeat(100_000);
      return copy;
    }
    default:
      if (keys.length > 0)
        copy[pick(keys)] = { nested: { deeper: [pick(WRONG_VALUES)] }, __proto__: { polluted: true } };
      else copy.nested = [];
      return copy;
  }
}

describe('IPC and HTTP fuzzing', () => {
  it(`refuses ${PER_CHANNEL} malformed payloads per channel with invalid-request and changes nothing`, async () => {
    const dir = await tempDir();
    const { session, handlers, ids } = await sampleSession(dir);
    const id = ids[0] ?? '';
    const annotation = await handlers['annotations:create']({
      paperId: id as never,
      start: 0,
      end: 10,
      color: 'yellow',
      comment: '',
    }); // a valid PaperId from the import
    const before = await librarySnapshot(dir);
    const rand = random(11);
    for (const channel of CHANNELS) {
      const base = validRequest(channel, id, { ...annotation });
      expect(CONTRACT[channel].request.safeParse(base).success, `${channel}: the base request should be valid`).toBe(
        true,
      );
      let refused = 0;
      for (let attempt = 0; refused < PER_CHANNEL && attempt < PER_CHANNEL * 5; attempt++) {
        const payload = mutate(base, rand);
        if (CONTRACT[channel].request.safeParse(payload).success) continue; // a mutation that happens to stay valid
        const result = await dispatch(handlers, channel, payload);
        expect(result, `${channel}: ${JSON.stringify(payload)?.slice(0, 200)}`).toMatchObject({
          ok: false,
          error: { code: 'invalid-request' },
        });
        refused++;
      }
      expect(refused, channel).toBe(PER_CHANNEL);
    }
    expect(await librarySnapshot(dir)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await session.close();
  }, 600_000);

  it('refuses malformed payloads over HTTP the same way', async () => {
    const dir = await tempDir();
    const { session, handlers, ids } = await sampleSession(dir);
    const host = await startHttpHost({
      handlers,
      staticDir: path.resolve(import.meta.dirname, '../../out/renderer'),
      subscribe: (l) => session.library.onChange(l),
    });
    const before = await librarySnapshot(dir);
    const rand = random(13);
    try {
      for (const channel of CHANNELS) {
        const base = validRequest(channel, ids[0] ?? '', {});
        for (let i = 0; i < 20; i++) {
          // What arrives is the JSON text: undefined fields vanish and NaN becomes null, so judge that.
          const body = JSON.stringify(mutate(base, rand));
          if (body === undefined || CONTRACT[channel].request.safeParse(JSON.parse(body)).success) continue;
          const response = await fetch(`http://127.0.0.1:${host.port}/api/${encodeURIComponent(channel)}`, {
            method: 'POST',
            headers: { 'x-margin-token': host.token, 'content-type': 'application/json' },
            body,
          });
          expect(response.status, channel).toBe(400);
          expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
        }
      }
      expect(await librarySnapshot(dir)).toBe(before);
    } finally {
      await host.close();
      await session.close();
    }
  }, 300_000);
});
