import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/library/api/handlers.js';
import { dispatch } from '../../../../electron/library/api/dispatch.js';
import { openSession, type Session } from '../../../../electron/library/api/session.js';
import type { Handlers } from '../../../../shared/ipc/contract.js';
import { startFakeArxiv } from '../../../helpers/fake-arxiv.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** Two real papers as a reference manager exports them; the second has no arXiv id. */
const BIBTEX = `
@article{lecun2015deep,
  title = {Deep learning},
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal = {Nature},
  year = {2015},
  doi = {10.1038/nature14539}
}
@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2017}
}
`;

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

async function library(arxivApi?: string): Promise<{ session: Session; handlers: Handlers; ids: string[] }> {
  const session = await openSession({
    dir: await tempDir(),
    holder: 'test',
    deps: fixedDeps(),
    ...(arxivApi ? { arxivApi } : {}),
  });
  open.push(session);
  const handlers = createHandlers(session);
  const { ids } = await handlers['import:run']({ text: BIBTEX, format: 'bibtex', fileName: 'refs.bib', tags: [] });
  return { session, handlers, ids };
}

/** A call as IPC and HTTP make it: validated, answered in an envelope. */
const call = (handlers: Handlers, channel: string, request: unknown) => dispatch(handlers, channel, request);

describe('citations:format', () => {
  it('formats the papers asked for, in the order asked, in each style', async () => {
    const { handlers, ids } = await library();
    const [deep, attention] = ids;
    const apa = await call(handlers, 'citations:format', { ids: [attention, deep], style: 'apa' });
    expect(apa).toEqual({
      ok: true,
      data: {
        text:
          'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature. https://doi.org/10.1038/nature14539\n' +
          'Vaswani, A., Shazeer, N., & Parmar, N. (2017). Attention Is All You Need. Advances in Neural Information Processing Systems.\n',
      },
    });
    const ieee = await call(handlers, 'citations:format', { ids: [attention, deep], style: 'ieee' });
    expect(ieee.ok && (ieee.data as { text: string }).text).toMatch(/^\[1\] A\. Vaswani.*\n\[2\] Y\. LeCun/);
    const bibtex = await call(handlers, 'citations:format', { ids: [deep], style: 'bibtex' });
    expect(bibtex.ok && (bibtex.data as { text: string }).text).toMatch(/^@article\{lecun2015deep,\n/);
  });

  it('refuses an unknown style, no papers, and names a paper that is not there', async () => {
    const { handlers, ids } = await library();
    expect(await call(handlers, 'citations:format', { ids, style: 'mla' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await call(handlers, 'citations:format', { ids: [], style: 'apa' })).toMatchObject({ ok: false });
    expect(await call(handlers, 'citations:format', { ids: ['nosuchpaper1'], style: 'apa' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('nosuchpaper1') },
    });
  });
});

describe('Find on arXiv', () => {
  it('searches arXiv by the title words, offers the closest titles first, and merges the chosen one', async () => {
    const arxiv = await startFakeArxiv();
    open.push(arxiv);
    const { session, handlers, ids } = await library(arxiv.url);
    const attention = ids[1] ?? '';
    await call(handlers, 'notes:set', { paperId: attention, text: 'My own words.' });
    const changes: string[][] = [];
    session.library.onChange((changed) => changes.push([...changed]));

    const found = await call(handlers, 'arxiv:findByTitle', { paperId: attention });
    expect(arxiv.queries.at(-1)?.get('search_query')).toBe('ti:attention AND ti:all AND ti:you AND ti:need');
    expect(found).toMatchObject({ ok: true, data: { message: null } });
    const { candidates } = found.ok ? (found.data as { candidates: Array<{ arxivId: string }> }) : { candidates: [] };
    expect(candidates.map((c) => c.arxivId)).toEqual(['1706.03762', '2305.13245']);
    expect(candidates[0]).toEqual({
      arxivId: '1706.03762',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
      year: 2017,
      venue: null,
      doi: null,
    });

    const asked = arxiv.queries.length;
    const applied = await call(handlers, 'arxiv:applyMatch', { paperId: attention, arxivId: '1706.03762' });
    expect(applied).toEqual({
      ok: true,
      data: { changed: ['arxivId', 'url', 'abstract'] },
    });
    expect(arxiv.queries.length).toBe(asked); // applied from the search's answer, not asked again
    const paper = await session.library.papers.get(attention);
    expect(paper).toMatchObject({
      arxivId: '1706.03762',
      title: 'Attention Is All You Need',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'], // the user's list is kept
      year: 2017,
      venue: 'Advances in Neural Information Processing Systems',
      abstract: expect.stringContaining('dominant sequence transduction'),
      note: { text: 'My own words.' },
      tags: [],
    });
    expect(changes).toEqual([[attention]]);
  });

  it('takes a match back in one undo step: the fields it filled are empty again, the note is kept', async () => {
    const arxiv = await startFakeArxiv();
    open.push(arxiv);
    const { session, handlers, ids } = await library(arxiv.url);
    const attention = ids[1] ?? '';
    await call(handlers, 'notes:set', { paperId: attention, text: 'Mine.' });
    const before = await session.library.papers.get(attention);
    await call(handlers, 'arxiv:findByTitle', { paperId: attention });
    await call(handlers, 'arxiv:applyMatch', { paperId: attention, arxivId: '1706.03762' });

    expect(await call(handlers, 'history:undo', {})).toEqual({
      ok: true,
      data: { label: 'match with arXiv:1706.03762', papers: 1, kept: [] },
    });
    const after = await session.library.papers.get(attention);
    expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    expect((await call(handlers, 'history:redo', {})).ok).toBe(true);
    expect((await session.library.papers.get(attention)).arxivId).toBe('1706.03762');
  });

  it('refuses an arXiv id another paper already has, and changes nothing', async () => {
    const arxiv = await startFakeArxiv();
    open.push(arxiv);
    const { handlers, ids, session } = await library(arxiv.url);
    await handlers['import:run']({ text: 'arXiv:1706.03762\n', format: 'arxiv', fileName: null, tags: [] });
    const before = await session.library.papers.get(ids[1] ?? '');
    const applied = await call(handlers, 'arxiv:applyMatch', { paperId: ids[1], arxivId: '1706.03762' });
    expect(applied).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('arXiv:1706.03762 is already in your library') },
    });
    expect(await session.library.papers.get(ids[1] ?? '')).toEqual(before);
  });

  it('says so when arXiv has nothing like the title', async () => {
    const arxiv = await startFakeArxiv();
    open.push(arxiv);
    const { handlers, ids } = await library(arxiv.url);
    expect(await call(handlers, 'arxiv:findByTitle', { paperId: ids[0] })).toEqual({
      ok: true,
      data: { candidates: [], message: 'arXiv has no paper with a title like this one.' },
    });
  });

  it('offline, asks nothing and says it is offline', async () => {
    const { handlers, ids } = await library();
    expect(await call(handlers, 'arxiv:findByTitle', { paperId: ids[1] })).toEqual({
      ok: true,
      data: { candidates: [], message: expect.stringContaining('Margin is set to stay offline') },
    });
    expect(await call(handlers, 'arxiv:applyMatch', { paperId: ids[1], arxivId: '1706.03762' })).toMatchObject({
      ok: false,
      error: { code: 'unsupported', message: expect.stringContaining('offline') },
    });
  });

  it('says arXiv could not be reached when the API is down', async () => {
    const arxiv = await startFakeArxiv();
    await arxiv.close();
    const { handlers, ids } = await library(arxiv.url);
    const found = await call(handlers, 'arxiv:findByTitle', { paperId: ids[1] });
    expect(found).toMatchObject({
      ok: true,
      data: { candidates: [], message: expect.stringMatching(/^Could not reach arXiv/) },
    });
  });
});
