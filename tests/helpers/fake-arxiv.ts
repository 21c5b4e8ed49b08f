import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A paper the fake arXiv API knows. */
export interface FakeArxivPaper {
  readonly id: string;
  readonly title: string;
  readonly authors: readonly string[];
  readonly summary: string;
  readonly published: string;
  readonly doi?: string;
  readonly journalRef?: string;
}

/** Two real papers arXiv has, to find papers by title in tests. */
export const ARXIV_PAPERS: readonly FakeArxivPaper[] = [
  {
    id: '1706.03762',
    title: 'Attention Is All You Need',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'],
    summary:
      'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.',
    published: '2017-06-12T17:57:34Z',
  },
  {
    id: '1810.04805',
    title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
    authors: ['Jacob Devlin', 'Ming-Wei Chang', 'Kenton Lee', 'Kristina Toutanova'],
    summary: 'We introduce a new language representation model called BERT.',
    published: '2018-10-11T00:50:01Z',
  },
  {
    id: '2305.13245',
    title: 'Attention Is Not All You Need Anymore',
    authors: ['Zhe Chen'],
    summary: 'A decoy with most of the same title words.',
    published: '2023-05-22T16:29:08Z',
  },
];

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function entryXml(p: FakeArxivPaper): string {
  return (
    `<entry><id>http://arxiv.org/abs/${p.id}v2</id><published>${p.published}</published>` +
    `<title>${escape(p.title)}</title><summary>${escape(p.summary)}</summary>` +
    p.authors.map((a) => `<author><name>${escape(a)}</name></author>`).join('') +
    (p.doi ? `<arxiv:doi>${p.doi}</arxiv:doi>` : '') +
    (p.journalRef ? `<arxiv:journal_ref>${escape(p.journalRef)}</arxiv:journal_ref>` : '') +
    `<category term="cs.CL"/></entry>`
  );
}

/** `ti:attention AND ti:need` → the papers whose titles have every word. */
function searchTitles(query: string, papers: readonly FakeArxivPaper[]): FakeArxivPaper[] {
  const words = [...query.matchAll(/ti:(\S+)/g)].map((m) => (m[1] ?? '').toLowerCase());
  return papers.filter((p) => {
    const title = p.title.toLowerCase().split(/[^a-z0-9]+/);
    return words.every((w) => title.includes(w));
  });
}

/**
 * A local stand-in for the arXiv API (`/api/query`): `search_query` title searches and `id_list` look-ups,
 * answered with Atom feeds as arXiv answers them. Records every query it was asked.
 */
export async function startFakeArxiv(
  papers: readonly FakeArxivPaper[] = ARXIV_PAPERS,
): Promise<{ url: string; queries: URLSearchParams[]; close(): Promise<void> }> {
  const queries: URLSearchParams[] = [];
  const server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://x').searchParams;
    queries.push(params);
    const ids = params.get('id_list')?.split(',') ?? [];
    const found = params.has('search_query')
      ? searchTitles(params.get('search_query') ?? '', papers)
      : papers.filter((p) => ids.includes(p.id));
    res.writeHead(200, { 'content-type': 'application/atom+xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">` +
        `${found.map(entryXml).join('')}</feed>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // listening on TCP, so the address is an AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/query`,
    queries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
