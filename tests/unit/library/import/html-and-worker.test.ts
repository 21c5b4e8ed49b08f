import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idOfHref, readHtml } from '../../../../electron/library/import/digest/html.js';
import { parseInProcess } from '../../../../electron/library/import/import-parser.js';
import { workerParser } from '../../../../electron/library/import/worker-parser.js';
import { detectFormat } from '../../../../electron/library/import/parse-import.js';
import { Library } from '../../../../electron/library/library.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';
import { SAMPLE_DIGEST_PATH } from '../../../helpers/sample-digest.js';
import { cslJsonExport, syntheticRefs } from '../../../../scripts/bench/synthetic-exports.js';

const PARSE_WORKER = path.resolve(import.meta.dirname, '../../../../out/workers/parse-worker.js');
const today = new Date('2026-11-27T12:00:00Z');

describe('pasted HTML', () => {
  it('lays out text as a browser copies it, without scripts, styles or hidden elements, and keeps each link with its text', () => {
    const read = readHtml(
      '<html><head><title>x</title><style>p{}</style></head><body><script>alert(1)</script><div>Daily Papers</div>' +
        '<article><h3><a href="/papers/2407.21783">The Llama 3 Herd <b>of</b> Models</a></h3><span style="display:none">hidden</span><p>An abstract &amp; more.</p></article>' +
        '<a href="https://doi.org/10.1101/2024.01.02.123456">A bioRxiv paper</a><br>next line</body></html>',
    );
    expect(read.text.split('\n').filter((l) => l !== '')).toEqual([
      'Daily Papers',
      'The Llama 3 Herd of Models',
      'An abstract & more.',
      'A bioRxiv paper',
      'next line',
    ]);
    expect(read.links).toEqual([
      { href: '/papers/2407.21783', text: 'The Llama 3 Herd of Models' },
      { href: 'https://doi.org/10.1101/2024.01.02.123456', text: 'A bioRxiv paper' },
    ]);
  });

  it('takes arXiv ids and DOIs from the links that carry them, and nothing from others', () => {
    expect(idOfHref('https://huggingface.co/papers/2407.21783')).toEqual({
      arxiv: { id: '2407.21783', version: null },
      doi: null,
    });
    expect(idOfHref('https://arxiv.org/pdf/2407.21783v2')).toEqual({
      arxiv: { id: '2407.21783', version: 2 },
      doi: null,
    });
    expect(idOfHref('https://doi.org/10.1101%2F2024.01.02.123456')).toEqual({
      arxiv: null,
      doi: '10.1101/2024.01.02.123456',
    });
    expect(idOfHref('/login?next=/papers')).toBeNull();
    expect(idOfHref('javascript:alert(1)')).toBeNull();
  });
});

describe('format detection', () => {
  it('takes a paste that starts with a Scholar tag for a digest, not for JSON', () => {
    expect(
      detectFormat('[PDF] Attention Is All You Need\nA Vaswani, N Shazeer - arXiv preprint arXiv:1706.03762, 2017'),
    ).toBe('digest');
    expect(detectFormat('[HTML] A title')).toBe('digest');
    expect(detectFormat('[{"title": "x"}]')).toBe('csl-json');
    expect(detectFormat('[]')).toBe('csl-json');
  });
});

describe('parsing in a worker thread', () => {
  it('gives the same result as parsing in process', async () => {
    const text = await readFile(SAMPLE_DIGEST_PATH, 'utf8');
    const request = { text, format: 'auto' as const, fileName: 'digest.txt', html: null, today };
    expect(await workerParser(PARSE_WORKER)(request)).toEqual(await parseInProcess(request));
  });

  it('gives a text of several megabytes, sent to the worker in pieces, the same result as parsing in process', async () => {
    // CSL-JSON is read by one worker whole, so its text goes in pieces; non-Latin text and a pair of surrogates
    // (an emoji) may fall on a piece's edge.
    const refs = syntheticRefs(1200).map((ref, i) => ({ ...ref, title: `${ref.title} — Ünïcödé 🧪 ${i}` }));
    const text = cslJsonExport(refs);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    const request = { text, format: 'auto' as const, fileName: 'zotero.json', html: null, today };
    const inProcess = await parseInProcess(request);
    expect(inProcess.entries).toHaveLength(1200);
    expect(await workerParser(PARSE_WORKER)(request)).toEqual(inProcess);
  });

  it('parses the same text once for every preview and the import, and stops a parse when newer text comes', async () => {
    const parse = workerParser(PARSE_WORKER);
    const text = await readFile(SAMPLE_DIGEST_PATH, 'utf8');
    const first = parse({ text, format: 'auto', fileName: null, html: null, today });
    expect(parse({ text, format: 'auto', fileName: null, html: null, today })).toBe(first);
    const newer = parse({
      text: `${text}\n\nOne More Paper Title Here\n\nWith an abstract that reads as a sentence.`,
      format: 'auto',
      fileName: null,
      html: null,
      today,
    });
    await expect(first).rejects.toMatchObject({
      code: 'conflict',
      message: 'reading the pasted text was stopped: newer text was given to import',
    });
    expect((await newer).entries).toHaveLength(77);
  });

  it('passes the reader’s own errors through with their code and message', async () => {
    await expect(
      workerParser(PARSE_WORKER)({ text: '   ', format: 'auto', fileName: 'empty.txt', html: null, today }),
    ).rejects.toMatchObject({ code: 'invalid-request', message: 'empty.txt is empty: nothing to import' });
  });

  it('stops reading at once when its import is cancelled, and keeps nothing of it', async () => {
    const parse = workerParser(PARSE_WORKER);
    const text = Array.from({ length: 30_000 }, (_, i) => `@article{k${i}, title = {Paper ${i}}, year = 2024}`).join(
      '\n',
    );
    const request = { text, format: 'auto' as const, fileName: 'refs.bib', html: null, today };
    const controller = new AbortController();
    const started = performance.now();
    const reading = parse(request, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(reading).rejects.toMatchObject({
      code: 'conflict',
      message: 'the import was cancelled while reading it; nothing was imported',
    });
    const cancelledMs = performance.now() - started;
    // Asked again, it is read afresh, and whole: the cancel came well before that reading would have ended.
    const again = performance.now();
    expect((await parse(request)).entries).toHaveLength(30_000);
    expect(cancelledMs).toBeLessThan(performance.now() - again);
  });

  it('goes on reading for a caller still waiting when another one cancels', async () => {
    const parse = workerParser(PARSE_WORKER);
    const text = Array.from({ length: 5_000 }, (_, i) => `@article{k${i}, title = {Paper ${i}}, year = 2024}`).join(
      '\n',
    );
    const request = { text, format: 'auto' as const, fileName: 'refs.bib', html: null, today };
    const first = new AbortController();
    const cancelled = parse(request, first.signal);
    const waiting = parse(request, new AbortController().signal);
    first.abort();
    await expect(cancelled).rejects.toMatchObject({ message: /cancelled while reading it/ });
    expect((await waiting).entries).toHaveLength(5_000);
  });

  it('stops a parse that runs past its time, says so, and leaves the library as it was', async () => {
    const dir = await tempDir();
    const library = await Library.open({
      dir,
      mode: 'write',
      holder: 'test',
      deps: fixedDeps(),
      parser: workerParser(PARSE_WORKER, { digestBaseMs: 1, digestMsPerMegabyte: 0 }),
    });
    const text = (await readFile(SAMPLE_DIGEST_PATH, 'utf8')).repeat(20);
    await expect(
      library.imports.run({ text, format: 'auto', fileName: 'big.txt', tags: [], dryRun: false }),
    ).rejects.toThrow(/reading big\.txt took longer than 0 s, so it was stopped; nothing was imported/);
    expect(await library.papers.records()).toEqual([]);
    await library.close();
  });
});
