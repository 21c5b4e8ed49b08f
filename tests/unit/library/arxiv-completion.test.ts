import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { completeArxivPlaceholders } from '../../../electron/library/arxiv/arxiv-completion.js';
import { Library } from '../../../electron/library/library.js';
import { fixedDeps } from '../../helpers/fixed-deps.js';
import { tempDir } from '../../helpers/temp-dir.js';

const KNOWN: Readonly<Record<string, { title: string; summary: string; author: string }>> = {
  '2406.11944': {
    title: 'Transcoders Find Interpretable LLM Feature\n  Circuits',
    summary: 'A key goal in mechanistic interpretability is circuit analysis.',
    author: 'Jacob Dunefsky',
  },
  '1706.03762': {
    title: 'Attention Is All You Need',
    summary: 'The dominant sequence transduction models are based on recurrent networks.',
    author: 'Ashish Vaswani',
  },
};

let server: Server | null = null;
const requests: string[] = [];

/** A local stand-in for the arXiv API: answers id_list queries with an Atom feed. */
async function fakeArxiv(): Promise<string> {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const ids = new URL(req.url ?? '/', 'http://x').searchParams.get('id_list')?.split(',') ?? [];
    const entries = ids
      .filter((id) => KNOWN[id])
      .map(
        (id) =>
          `<entry><id>http://arxiv.org/abs/${id}v3</id><published>2024-06-17T00:00:00Z</published><title>${KNOWN[id]?.title}</title><summary>${KNOWN[id]?.summary}</summary><author><name>${KNOWN[id]?.author}</name></author><category term="cs.LG"/></entry>`,
      )
      .join('');
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${entries}</feed>`);
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/api/query`; // listening on TCP
}

afterEach(async () => {
  requests.length = 0;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe('completing papers imported from bare arXiv ids', () => {
  it('fills title, authors, abstract and tags from the API, in polite batches, and keeps what the user did', async () => {
    const baseUrl = await fakeArxiv();
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    const { ids } = await library.imports.run({
      text: 'https://arxiv.org/abs/2406.11944v2\narXiv:1706.03762\n2401.99999\n',
      format: 'auto',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    await library.papers.addTags(ids[0] ?? '', ['to-read-first']);
    await library.papers.setStatus(ids[0] ?? '', 'reading');
    const pauses: number[] = [];
    const report = await completeArxivPlaceholders(library, {
      baseUrl,
      batchSize: 2,
      sleep: async (ms) => void pauses.push(ms),
    });
    expect(report).toEqual({ asked: 3, completed: 2, stopped: null });
    expect(requests).toHaveLength(2);
    expect(pauses).toEqual([3000]);
    const first = await library.papers.get(ids[0] ?? '');
    expect(first).toMatchObject({
      title: 'Transcoders Find Interpretable LLM Feature Circuits',
      authors: ['Jacob Dunefsky'],
      abstract: 'A key goal in mechanistic interpretability is circuit analysis.',
      status: 'reading',
      year: 2024,
    });
    expect(first.tags).toEqual(['to-read-first', 'arxiv/cs.LG']);
    expect((await library.papers.get(ids[2] ?? '')).title).toBe('arXiv:2401.99999');
    expect((await library.imports.arxivPlaceholders()).map((r) => r.arxivId)).toEqual(['2401.99999']);
    await library.close();
  });

  it('offline, stops quietly and changes nothing; the ids wait for the next try', async () => {
    const library = await Library.open({ dir: await tempDir(), mode: 'write', holder: 'test', deps: fixedDeps() });
    await library.imports.run({ text: '2406.11944\n', format: 'auto', fileName: null, tags: [], dryRun: false });
    const asked = new Set<string>();
    const report = await completeArxivPlaceholders(library, {
      baseUrl: 'http://127.0.0.1:9/api/query',
      timeoutMs: 2000,
      asked,
    });
    expect(report.completed).toBe(0);
    expect(report.stopped).not.toBeNull();
    expect(asked.size).toBe(0);
    expect(await library.imports.arxivPlaceholders()).toHaveLength(1);
    await library.close();
  });
});

describe('the app session', () => {
  it('completes arXiv ids in the background after they are imported', async () => {
    const { openSession } = await import('../../../electron/library/api/session.js');
    const { createHandlers } = await import('../../../electron/library/api/handlers.js');
    const arxivApi = await fakeArxiv();
    const session = await openSession({ dir: await tempDir(), holder: 'test', deps: fixedDeps(), arxivApi });
    const handlers = createHandlers(session);
    const { ids } = await handlers['import:run']({ text: '1706.03762\n', format: 'auto', fileName: null, tags: [] });
    await expect
      .poll(async () => (await session.library.papers.get(ids[0] ?? '')).title)
      .toBe('Attention Is All You Need');
    await session.close();
  });
});
