import { afterEach, describe, expect, it } from 'vitest';
import { ArxivLookup, titleQuery } from '../../../../electron/library/arxiv/arxiv-title-search.js';
import { startFakeArxiv } from '../../../helpers/fake-arxiv.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('searching arXiv by title', () => {
  it('asks for every distinctive word of the title in the title field', () => {
    expect(titleQuery('BERT: Pre-training of Deep Bidirectional Transformers')).toBe(
      'ti:bert AND ti:pre AND ti:training AND ti:deep AND ti:bidirectional AND ti:transformers',
    );
    expect(titleQuery('Schrödinger’s AND OR cat')).toBe('ti:schrodinger AND ti:or AND ti:cat');
    expect(titleQuery('A & the — of')).toBeNull();
  });

  it('spaces its requests three seconds apart, as arXiv asks, and answers a pick from the search without asking again', async () => {
    const arxiv = await startFakeArxiv();
    servers.push(arxiv);
    let clock = 1_000_000;
    const waits: number[] = [];
    const lookup = new ArxivLookup({
      baseUrl: arxiv.url,
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
    });
    const first = await lookup.searchTitle('BERT: Pre-training of Deep Bidirectional Transformers');
    expect(first.entries.map((e) => e.arxivId)).toEqual(['1810.04805']);
    clock += 1000;
    expect(await lookup.searchTitle('Graph neural networks')).toEqual({
      entries: [],
      message: 'arXiv has no paper with a title like this one.',
    });
    expect(waits).toEqual([2000]);
    expect(await lookup.entry('1810.04805')).toMatchObject({ title: expect.stringContaining('BERT') });
    expect(arxiv.queries).toHaveLength(2);
    // An id no search offered is asked for by id.
    clock += 5000;
    expect(await lookup.entry('1706.03762')).toMatchObject({ arxivId: '1706.03762' });
    expect(arxiv.queries.at(-1)?.get('id_list')).toBe('1706.03762');
    expect(await lookup.entry('2101.00001')).toBe('arXiv has no paper arXiv:2101.00001.');
  });

  it('offline, never asks', async () => {
    const lookup = new ArxivLookup({ baseUrl: null });
    expect(await lookup.searchTitle('Attention is all you need')).toEqual({
      entries: [],
      message: 'Margin is set to stay offline (MARGIN_OFFLINE), so it cannot search arXiv.',
    });
  });
});
