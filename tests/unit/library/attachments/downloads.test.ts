import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import type { DownloadOptions } from '../../../../electron/library/attachments/pdf-downloads.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { makePdf } from '../../../helpers/make-pdf.js';
import { runMargin } from '../../../helpers/run-margin.js';
import { tempDir } from '../../../helpers/temp-dir.js';

// A stand-in for arxiv.org on loopback: a PDF, a 404, one that never answers, and a redirect to a web page.
let server: Server;
let base: string;
let pdf: Uint8Array;
const asked: string[] = [];

beforeAll(async () => {
  pdf = await makePdf([['A downloaded paper.']]);
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (req.url === '/pdf/2401.00001' || req.url === '/pdf/2401.00005')
      return res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    if (req.url === '/pdf/2401.00002') return res.writeHead(404).end('not found');
    if (req.url === '/pdf/2401.00003') return; // never answers
    if (req.url === '/pdf/2401.00004') return res.writeHead(302, { location: '/abs/2401.00004' }).end();
    res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Please log in</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function open(dir: string, downloads: Partial<DownloadOptions> = {}): Promise<Library> {
  return Library.open({
    dir,
    mode: 'write',
    holder: 'test',
    deps: fixedDeps(),
    pdfDownloads: { baseUrl: base, delayMs: 0, timeoutMs: 400, ...downloads },
  });
}

async function withArxivPapers(library: Library, ids: string[]): Promise<string[]> {
  const report = await library.imports.run({
    text: ids.join('\n'),
    format: 'arxiv',
    fileName: 'ids.txt',
    tags: [],
    dryRun: false,
  });
  return report.ids;
}

describe('downloading PDFs', () => {
  it('fetches one at a time and says what failed and why: a 404, no answer, a web page instead of a PDF', async () => {
    const library = await open(await tempDir());
    const ids = await withArxivPapers(library, ['2401.00001', '2401.00002', '2401.00003', '2401.00004']);
    const other = (
      await library.imports.run({
        text: JSON.stringify([{ id: 'x', type: 'book', title: 'A Book Without An Id' }]),
        format: 'csl-json',
        fileName: 'b.json',
        tags: [],
        dryRun: false,
      })
    ).ids[0];
    const queued = await library.downloads.enqueue([...ids, other ?? '']);
    expect(queued.map((q) => q.outcome)).toEqual(['queued', 'queued', 'queued', 'queued', 'no-arxiv-id']);
    await library.downloads.run();

    const status = await library.downloads.status();
    expect(status).toMatchObject({ online: true, waiting: 0, done: 1 });
    expect(status.failed.map((f) => [f.paperId, f.error])).toEqual([
      [ids[1], `${base}/pdf/2401.00002: the server answered 404`],
      [ids[2], `${base}/pdf/2401.00003: no answer in time`],
      [ids[3], `${base}/pdf/2401.00004: not a PDF (no %PDF- header in its first 1024 bytes)`],
    ]);
    const first = await library.papers.get(ids[0] ?? '');
    expect(first.attachments.map((a) => [a.fileName, a.bytes])).toEqual([['2401.00001.pdf', pdf.length]]);
    // A paper that has its PDF is not fetched again.
    expect((await library.downloads.enqueue([ids[0] ?? '']))[0]?.outcome).toBe('has-pdf');
    await library.close();
  });

  it('keeps what is left across a restart, and goes on from there', async () => {
    const dir = await tempDir();
    let library = await open(dir);
    const ids = await withArxivPapers(library, ['2401.00001', '2401.00005']);
    await library.downloads.enqueue(ids);
    // The app closes while the first download is on its way.
    const closing = library.downloads.run();
    await library.downloads.stop();
    await closing;
    await library.close();
    const afterFirst = asked.length;

    library = await open(dir);
    expect((await library.downloads.status()).waiting).toBeGreaterThan(0);
    await library.downloads.run();
    expect(await library.downloads.status()).toMatchObject({ waiting: 0, failed: [] });
    for (const id of ids) expect((await library.papers.get(id)).attachments).toHaveLength(1);
    expect(asked.length - afterFirst).toBeLessThanOrEqual(2);
    await library.close();
  });

  it('waits offline, and says so', async () => {
    const dir = await tempDir();
    const library = await open(dir, { baseUrl: null });
    const ids = await withArxivPapers(library, ['2401.00001']);
    await library.downloads.enqueue(ids);
    const before = asked.length;
    await library.downloads.run();
    expect(asked.length).toBe(before);
    expect(await library.downloads.status()).toMatchObject({ online: false, waiting: 1 });
    await library.close();
  });
});

describe('margin fetch-pdf', () => {
  it('downloads, reports each paper, and fails for one it could not fetch', async () => {
    const dir = await tempDir();
    const library = await open(dir);
    const ids = await withArxivPapers(library, ['2401.00001', '2401.00002']);
    await library.close();
    const env = { MARGIN_OFFLINE: '', MARGIN_ARXIV_PDF_BASE: base, MARGIN_DOWNLOAD_DELAY_MS: '0' };
    const result = await runMargin(['fetch-pdf', ...ids, '--library', dir], { env });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      `${ids[0]}: downloaded\n${ids[1]}: failed: ${base}/pdf/2401.00002: the server answered 404\n`,
    );
    const offline = await runMargin(['fetch-pdf', ids[1] ?? '', '--library', dir], { env: { MARGIN_OFFLINE: '1' } });
    expect(offline.stdout).toBe(`${ids[1]}: queued (offline: it downloads when Margin is next online)\n`);
  });
});
