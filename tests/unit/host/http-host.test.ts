import { readdirSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost, type RunningHost } from '../../../electron/host/http-host.js';
import type { Session } from '../../../electron/library/api/session.js';
import { sampleSession } from '../../helpers/session.js';
import { readAttachmentBytes } from '../../../electron/library/api/attachment-bytes.js';
import { makePdf } from '../../helpers/make-pdf.js';
import { tempDir } from '../../helpers/temp-dir.js';
import type { Handlers, ParsedRequest } from '../../../shared/ipc/contract.js';
import { endAtLines } from '../../../electron/library/import/text-pieces.js';
import { betterBibtex, syntheticRefs } from '../../../scripts/bench/synthetic-exports.js';

const STATIC_DIR = path.resolve(import.meta.dirname, '../../../out/renderer');
let running: { host: RunningHost; session: Session } | null = null;

afterEach(async () => {
  await running?.host.close();
  await running?.session.close();
  running = null;
});

async function start(wrap: (handlers: Handlers) => Handlers = (h) => h) {
  const { session, handlers, ids } = await sampleSession(await tempDir());
  const host = await startHttpHost({
    handlers: wrap(handlers),
    staticDir: STATIC_DIR,
    subscribe: (l) => session.library.onChange(l),
    readAttachment: (request) => readAttachmentBytes(session.library, request),
  });
  running = { host, session };
  return { host, ids, session };
}

/** A raw HTTP request, so tests can send any Host and Origin they like. */
function send(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        // Decoded whole: a character can be split between two chunks.
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('margin serve HTTP host', () => {
  it('prints a loopback URL with a random token and answers with the IPC envelope', async () => {
    const { host, ids } = await start();
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const res = await send(host.port, {
      method: 'POST',
      path: '/api/papers%3Aget',
      headers: { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token, 'content-type': 'application/json' },
      body: JSON.stringify({ id: ids[0] }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { id: ids[0] } });
  });

  it('refuses calls without the right token, with a foreign Host or Origin', async () => {
    const { host, ids } = await start();
    const body = JSON.stringify({ id: ids[0], status: 'read' });
    const good = { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token };
    const cases: Array<[Record<string, string>, number]> = [
      [{ host: good.host }, 401],
      [{ host: good.host, 'x-margin-token': 'wrong' }, 401],
      [{ ...good, host: `evil.example:${host.port}` }, 403],
      [{ ...good, host: 'evil.example' }, 403],
      [{ ...good, origin: 'https://evil.example' }, 403],
      [{ ...good, origin: 'null' }, 403],
      [{ ...good, origin: `http://127.0.0.1:${host.port + 1}` }, 403],
    ];
    for (const [headers, status] of cases) {
      const res = await send(host.port, { method: 'POST', path: '/api/papers%3AsetStatus', headers, body });
      expect(res.status, JSON.stringify(headers)).toBe(status);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const check = await send(host.port, {
      method: 'POST',
      path: '/api/papers%3Aget',
      headers: good,
      body: JSON.stringify({ id: ids[0] }),
    });
    expect(JSON.parse(check.body)).toMatchObject({ data: { status: 'inbox' } });
  });

  it('takes the token from the query only for the event stream, and answers a malformed %-escape with 400', async () => {
    const { host, ids } = await start();
    const hostHeader = { host: `127.0.0.1:${host.port}` };
    const inQuery = await send(host.port, {
      method: 'POST',
      path: `/api/papers%3Aget?token=${host.token}`,
      headers: hostHeader,
      body: JSON.stringify({ id: ids[0] }),
    });
    expect(inQuery.status).toBe(401);
    const events = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, path: `/api/events?token=${host.token}`, headers: hostHeader },
        (res) => {
          resolve(res.statusCode ?? 0);
          res.destroy();
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(events).toBe(200);
    const malformed = await send(host.port, {
      method: 'POST',
      path: '/api/papers%E0%A4%A',
      headers: { ...hostHeader, 'x-margin-token': host.token },
      body: '{}',
    });
    expect(malformed.status).toBe(400);
    expect((await send(host.port, { path: '/assets/%E0%A4%A.js', headers: hostHeader })).status).toBe(400);
  });

  it('refuses bad JSON, unknown channels and invalid requests with invalid-request', async () => {
    const { host } = await start();
    const headers = { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token };
    for (const [pathName, body] of [
      ['/api/papers%3Aget', '{not json'],
      ['/api/papers%3Adelete', '{}'],
      ['/api/papers%3Aget', '{"id": 5}'],
      ['/api/__proto__', '{}'],
    ] as const) {
      const res = await send(host.port, { method: 'POST', path: pathName, headers, body });
      expect(res.status, pathName).toBe(400);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  it('reads a large body (an import) in a worker thread, with the same answers', async () => {
    const { host, ids } = await start();
    const headers = { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token };
    // Over a megabyte, non-ASCII split across the body's chunks: read off the main thread.
    const text = `${'Łukasz Ω '.repeat(100_000)}end`;
    const body = JSON.stringify({ paperId: ids[0], text });
    expect(Buffer.byteLength(body)).toBeGreaterThan(1_000_000);
    const set = await send(host.port, { method: 'POST', path: '/api/notes%3Aset', headers, body });
    expect(set.status).toBe(200);
    const got = await send(host.port, {
      method: 'POST',
      path: '/api/papers%3Aget',
      headers,
      body: JSON.stringify({ id: ids[0] }),
    });
    const stored = (JSON.parse(got.body) as { data: { note: { text: string } } }).data.note.text;
    expect(stored === text, 'the note arrives as sent, every character').toBe(true);
    const bad = await send(host.port, { method: 'POST', path: '/api/notes%3Aset', headers, body: `{${body}` });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it("hands a large import's text to its handler in line pieces, never as one string, and imports it whole", async () => {
    const given: Array<ParsedRequest<'import:preview'>['text']> = [];
    const { host } = await start((handlers) => ({
      ...handlers,
      'import:preview': async (request) => {
        given.push(request.text);
        return handlers['import:preview'](request);
      },
    }));
    const headers = { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token };
    // Three megabytes and more of a Zotero export with Windows line breaks, non-ASCII split across the body's chunks.
    const text = betterBibtex(syntheticRefs(1300)).replace(/\n/g, '\r\n');
    expect(text.length).toBeGreaterThan(3 * 1024 * 1024);
    const body = JSON.stringify({ text, format: 'auto', fileName: 'zotero.bib' });
    const res = await send(host.port, { method: 'POST', path: '/api/import%3Apreview', headers, body });
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { data: { added: number } }).data.added).toBe(1300);
    const [pieces] = given;
    if (!Array.isArray(pieces)) throw new Error('the text came as one string');
    expect(pieces.length).toBeGreaterThanOrEqual(3);
    expect(endAtLines(pieces)).toBe(true);
    expect(pieces.join('') === text, 'the pieces join to the text as sent').toBe(true);
    // A small import comes as it was sent.
    const small = await send(host.port, {
      method: 'POST',
      path: '/api/import%3Apreview',
      headers,
      body: JSON.stringify({ text: 'arXiv:2401.00001', format: 'auto', fileName: null }),
    });
    expect(small.status).toBe(200);
    expect(given[1]).toBe('arXiv:2401.00001');
  });

  it('stops reading a large upload the client drops part-way, leaving no thread behind', async () => {
    const { host } = await start();
    const threads = (): number => readdirSync('/proc/self/task').length;
    const until = async (done: () => boolean, what: string): Promise<void> => {
      for (let waited = 0; !done(); waited += 20) {
        if (waited > 10_000) throw new Error(`still waiting for ${what} (${threads()} threads)`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // A first call, so the threads Node starts on demand are there before counting.
    await send(host.port, { path: '/' });
    const before = threads();
    const req = request({
      host: '127.0.0.1',
      port: host.port,
      method: 'POST',
      path: '/api/import%3Apreview',
      headers: { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token, 'content-length': String(8 << 20) },
    });
    req.on('error', () => undefined);
    req.write(`{"text":"${'x'.repeat(3 << 20)}`);
    await until(() => threads() > before, 'the reader to start');
    req.destroy();
    await until(() => threads() <= before, 'the reader to stop');
  });

  it('serves the UI with a CSP and never a file outside it', async () => {
    const { host } = await start();
    const headers = { host: `127.0.0.1:${host.port}` };
    const index = await send(host.port, { path: '/', headers });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    for (const escape of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/../../package.json',
    ]) {
      const res = await send(host.port, { path: escape, headers });
      expect(res.status, escape).toBe(404);
    }
  });
});

describe('where exports may go (issue 12, item 5)', () => {
  it('under margin serve: below the export folder and nowhere else', async () => {
    const { folderBelow } = await import('../../../electron/library/api/export-folders.js');
    const root = path.resolve('/tmp/margin-exports');
    const folders = folderBelow(root);
    expect(folders.target('Papers')).toBe(path.join(root, 'Papers'));
    expect(folders.target(path.join(root, 'Vault', 'refs.bib'))).toBe(path.join(root, 'Vault', 'refs.bib'));
    expect(folders.target(root)).toBe(root);
    for (const outside of ['/etc', '../outside', `${root}-evil/x.bib`, '/tmp/margin-exports/../x.md']) {
      expect(() => folders.target(outside), outside).toThrow(/exports go in/);
    }
  });

  it('in the app: only into folders the user chose in the dialog (remembered between runs)', async () => {
    const { chosenFolders } = await import('../../../electron/library/api/export-folders.js');
    let saved: readonly string[] = [];
    const store = { load: async () => saved, save: async (f: readonly string[]) => void (saved = f) };
    const vault = path.resolve('/home/ada/vault');
    const answers: Array<string | null> = [null, vault];
    const folders = await chosenFolders(async () => answers.shift() ?? null, store);
    expect(() => folders.target('/etc/evil.md')).toThrow(/choose the folder/);
    expect(await folders.choose()).toBeNull();
    expect(() => folders.target(path.join(vault, 'Papers'))).toThrow(/choose the folder/);
    expect(await folders.choose()).toBe(vault);
    expect(folders.target(path.join(vault, 'Papers'))).toBe(path.join(vault, 'Papers'));
    expect(() => folders.target(`${vault}-other/x.bib`)).toThrow(/choose the folder/);
    const later = await chosenFolders(async () => null, store);
    expect(later.target(path.join(vault, 'references.bib'))).toBe(path.join(vault, 'references.bib'));
  });

  it('are refused outside the folder through the handlers too, and the dialog suggests the folder', async () => {
    const { session } = await sampleSession(await tempDir());
    const root = await tempDir();
    const { createHandlers } = await import('../../../electron/library/api/handlers.js');
    const { folderBelow } = await import('../../../electron/library/api/export-folders.js');
    const confined = createHandlers(session, { exportFolders: folderBelow(root), defaultExportDir: root });
    await expect(
      confined['export:bibliography']({ format: 'bibtex', file: '/tmp/elsewhere.bib', scope: { kind: 'all' } }),
    ).rejects.toThrow(/exports go in/);
    await expect(
      confined['export:bibliography']({ format: 'bibtex', file: 'refs.bib', scope: { kind: 'all' } }),
    ).resolves.toMatchObject({ papers: 76 });
    expect((await confined['library:overview']({})).defaultExportDir).toBe(root);
    expect(await confined['export:chooseFolder']({})).toEqual({ dir: root });
    await session.close();
  });

  it('sends the bytes of a PDF to the token holder only, as a download the browser never shows', async () => {
    const { host, ids, session } = await start();
    const id = ids[0] ?? '';
    const pdf = await makePdf([['Hello']]);
    const { attachment } = await session.library.attachments.attach(id, { bytes: pdf }, 'hello.pdf');
    const where = `/api/attachment/${id}/${attachment.sha256}`;
    const headers = { host: `127.0.0.1:${host.port}`, 'x-margin-token': host.token };
    const got = await fetch(`http://127.0.0.1:${host.port}${where}`, { headers: { 'x-margin-token': host.token } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toBe('attachment');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(new Uint8Array(pdf));
    expect((await send(host.port, { path: where, headers: { host: headers.host } })).status).toBe(401);
    const bad = await send(host.port, { path: `/api/attachment/${id}/not-a-hash`, headers });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const missing = await send(host.port, { path: `/api/attachment/${ids[1]}/${attachment.sha256}`, headers });
    expect(missing.status).toBe(404);
  });
});
