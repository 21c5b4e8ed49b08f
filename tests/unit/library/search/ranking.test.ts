import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import type { Handlers } from '../../../../shared/ipc/contract.js';
import { PaperIdSchema } from '../../../../shared/models/paper.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

let open: Session | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

const PAPERS = [
  {
    title: 'Scaling Laws for Language Models',
    abstract: 'We study how loss falls with compute.',
    author: 'Jared Kaplan',
  },
  {
    title: 'A Survey of Pruning',
    abstract: 'Attention is all you need, they said; sparsity is what we study.',
    author: 'Ana Ruiz',
  },
  {
    title: 'Attention Is All You Need',
    abstract: 'The dominant sequence transduction models.',
    author: 'Łukasz Kaiser',
  },
  { title: 'Sparse Attention Patterns', abstract: 'A naïve baseline of dense layers.', author: 'Wei Chen' },
];

/** The built search worker (npm test builds first): the index the app searches with. */
const WORKER = path.resolve('out/workers/search-worker.js');
type Engine = 'scan' | 'index';

async function library(engine: Engine): Promise<Handlers> {
  const session = await openSession({
    dir: await tempDir(),
    holder: 'test',
    deps: fixedDeps(),
    ...(engine === 'index' ? { searchWorker: WORKER } : {}),
  });
  open = session;
  const handlers = createHandlers(session);
  const csl = PAPERS.map((p, i) => ({
    id: `p${i}`,
    type: 'article-journal',
    title: p.title,
    abstract: p.abstract,
    author: [{ given: p.author.split(' ')[0], family: p.author.split(' ')[1] }],
    issued: { 'date-parts': [[2020 + i]] },
  }));
  await handlers['import:run']({ text: JSON.stringify(csl), format: 'csl-json', fileName: 'p.json', tags: [] });
  return handlers;
}

const titles = async (handlers: Handlers, search: string, sort: 'relevance' | 'added' | 'title' = 'relevance') =>
  (await handlers['papers:query']({ view: { kind: 'all' }, search, sort, offset: 0, limit: 50 })).rows.map(
    (r) => r.title,
  );

describe.each(['scan', 'index'] as const)('search ranking and matching (%s)', (engine) => {
  it('puts a title match above an abstract match, and the exact title first', async () => {
    const handlers = await library(engine);
    const ranked = await titles(handlers, 'attention');
    expect(ranked.slice(0, 2).sort()).toEqual(['Attention Is All You Need', 'Sparse Attention Patterns']);
    expect(ranked[2]).toBe('A Survey of Pruning'); // only its abstract says "attention"
    // Sorted another way (here newest first, then by title), the abstract match is first: the ranking moved it.
    expect(await titles(handlers, 'attention', 'added')).not.toEqual(ranked);
    expect((await titles(handlers, 'attention all need'))[0]).toBe('Attention Is All You Need');
    expect((await titles(handlers, '"attention is all"'))[0]).toBe('Attention Is All You Need');
    // The other sorts are still there: newest added first ignores the ranking.
    expect(await titles(handlers, 'attention', 'title')).toEqual([
      'A Survey of Pruning',
      'Attention Is All You Need',
      'Sparse Attention Patterns',
    ]);
  });

  it('pages through a ranked list as it stands whole, the total the same on every page', async () => {
    const handlers = await library(engine);
    const page = (offset: number, limit: number) =>
      handlers['papers:query']({ view: { kind: 'all' }, search: 'attention', sort: 'relevance', offset, limit });
    const whole = await page(0, 50);
    expect(whole.total).toBe(3);
    for (let offset = 0; offset <= whole.total; offset++) {
      const one = await page(offset, 1);
      expect(one.total).toBe(whole.total);
      expect(one.rows.map((r) => r.id)).toEqual(whole.rows.slice(offset, offset + 1).map((r) => r.id));
    }
  });

  it('ignores accents and case both ways, and matches word prefixes', async () => {
    const handlers = await library(engine);
    expect(await titles(handlers, 'lukasz')).toEqual(['Attention Is All You Need']);
    expect(await titles(handlers, 'ŁUKASZ')).toEqual(['Attention Is All You Need']);
    expect(await titles(handlers, 'naive')).toEqual(['Sparse Attention Patterns']);
    expect(await titles(handlers, 'naïve baseline')).toEqual(['Sparse Attention Patterns']);
    expect(await titles(handlers, 'spars')).toEqual(['Sparse Attention Patterns', 'A Survey of Pruning']);
    expect(await titles(handlers, 'attention -sparse')).toEqual(['Attention Is All You Need', 'A Survey of Pruning']);
  });

  it('finds an edit as soon as its call returns', async () => {
    const handlers = await library(engine);
    const [row] = (
      await handlers['papers:query']({ view: { kind: 'all' }, search: 'kaplan', sort: 'added', offset: 0, limit: 5 })
    ).rows;
    if (!row) throw new Error('seeded paper missing');
    const id = PaperIdSchema.parse(row.id);
    await handlers['notes:set']({ paperId: id, text: 'Compare with the Chinchilla quokkaesque result.' });
    expect(await titles(handlers, 'quokka')).toEqual(['Scaling Laws for Language Models']);
    await handlers['papers:addTags']({ id, tags: ['zebrafish'] });
    expect(await titles(handlers, 'tag:zebrafish quokka')).toEqual(['Scaling Laws for Language Models']);
    expect(await titles(handlers, 'zebrafish')).toEqual(['Scaling Laws for Language Models']);
    await handlers['papers:trash']({ ids: [id] });
    expect(await titles(handlers, 'quokka')).toEqual([]);
  });

  it('keeps to the view and the filters, the Trash included', async () => {
    const handlers = await library(engine);
    const query = (view: Parameters<Handlers['papers:query']>[0]['view'], search: string) =>
      handlers['papers:query']({ view, search, sort: 'relevance', offset: 0, limit: 50 });
    const all = await query({ kind: 'all' }, 'attention');
    const survey = all.rows.find((r) => r.title === 'A Survey of Pruning');
    if (!survey) throw new Error('seeded paper missing');
    await handlers['papers:trash']({ ids: [PaperIdSchema.parse(survey.id)] });
    expect((await query({ kind: 'all' }, 'attention')).total).toBe(2);
    expect((await query({ kind: 'trash' }, 'attention')).rows.map((r) => r.title)).toEqual(['A Survey of Pruning']);
    expect(
      (await query({ kind: 'status', status: 'inbox' }, 'attention year:>=2022')).rows.map((r) => r.title),
    ).toEqual(['Attention Is All You Need', 'Sparse Attention Patterns']);
    expect((await query({ kind: 'all' }, 'attention -year:2022')).rows.map((r) => r.title)).toEqual([
      'Sparse Attention Patterns',
    ]);
  });

  it('follows tag edits in tag views and tag: filters', async () => {
    const handlers = await library(engine);
    const titlesIn = async (view: Parameters<Handlers['papers:query']>[0]['view'], search: string) =>
      (await handlers['papers:query']({ view, search, sort: 'added', offset: 0, limit: 50 })).rows.map((r) => r.title);
    expect(await titlesIn({ kind: 'tag', tag: 'llm' }, '')).toEqual([]);
    const [row] = (
      await handlers['papers:query']({ view: { kind: 'all' }, search: 'kaplan', sort: 'added', offset: 0, limit: 5 })
    ).rows;
    if (!row) throw new Error('seeded paper missing');
    const id = PaperIdSchema.parse(row.id);
    await handlers['papers:addTags']({ id, tags: ['LLM/Scaling'] });
    expect(await titlesIn({ kind: 'tag', tag: 'llm' }, '')).toEqual(['Scaling Laws for Language Models']);
    expect(await titlesIn({ kind: 'all' }, 'tag:llm/scaling')).toEqual(['Scaling Laws for Language Models']);
    expect(await titlesIn({ kind: 'tag', tag: 'llm' }, 'tag:llm/other')).toEqual([]);
    // The sidebar counts a tag once whatever its case, as views and filters match it.
    const [other] = (
      await handlers['papers:query']({ view: { kind: 'all' }, search: 'pruning', sort: 'added', offset: 0, limit: 5 })
    ).rows;
    if (!other) throw new Error('seeded paper missing');
    await handlers['papers:addTags']({ id: PaperIdSchema.parse(other.id), tags: ['llm'] });
    expect((await handlers['library:overview']({})).tags).toEqual([
      { tag: 'LLM', count: 2 },
      { tag: 'LLM/Scaling', count: 1 },
    ]);
    await handlers['papers:removeTags']({ id: PaperIdSchema.parse(other.id), tags: ['llm'] });
    // A word with a tag view or filter: the hits meet the tag index, whatever the case typed.
    expect(await titlesIn({ kind: 'tag', tag: 'Llm' }, 'scaling')).toEqual(['Scaling Laws for Language Models']);
    expect(await titlesIn({ kind: 'all' }, 'tag:LLM scaling')).toEqual(['Scaling Laws for Language Models']);
    expect(await titlesIn({ kind: 'all' }, 'tag:llm scaling status:read')).toEqual([]);
    expect(await titlesIn({ kind: 'trash' }, 'tag:llm scaling')).toEqual([]);
    await handlers['papers:removeTags']({ id, tags: ['LLM/Scaling'] });
    expect(await titlesIn({ kind: 'all' }, 'tag:llm')).toEqual([]);
    expect(await titlesIn({ kind: 'tag', tag: 'llm' }, 'scaling')).toEqual([]);
  });

  it('follows status edits in status views and status: filters with a word', async () => {
    const handlers = await library(engine);
    const titlesIn = async (view: Parameters<Handlers['papers:query']>[0]['view'], search: string) =>
      (await handlers['papers:query']({ view, search, sort: 'added', offset: 0, limit: 50 })).rows.map((r) => r.title);
    const [row] = (
      await handlers['papers:query']({ view: { kind: 'all' }, search: 'kaplan', sort: 'added', offset: 0, limit: 5 })
    ).rows;
    if (!row) throw new Error('seeded paper missing');
    const id = PaperIdSchema.parse(row.id);
    expect(await titlesIn({ kind: 'status', status: 'archived' }, 'scaling')).toEqual([]);
    await handlers['papers:setStatus']({ id, status: 'archived' });
    expect(await titlesIn({ kind: 'status', status: 'archived' }, 'scaling')).toEqual([
      'Scaling Laws for Language Models',
    ]);
    expect(await titlesIn({ kind: 'all' }, 'status:archived scaling')).toEqual(['Scaling Laws for Language Models']);
    expect(await titlesIn({ kind: 'all' }, '-status:archived scaling')).toEqual([]);
    expect(await titlesIn({ kind: 'status', status: 'inbox' }, 'scaling')).toEqual([]);
  });
});
