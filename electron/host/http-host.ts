import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TEXT_IN_PIECES_CHANNELS, type Handlers } from '../../shared/ipc/contract.js';
import { LIBRARY_CHANGED_EVENT } from '../../shared/ipc/channels.js';
import { libraryChange } from '../../shared/ipc/library-change.js';
import { fail, type Envelope } from '../../shared/ipc/envelope.js';
import { dispatch } from '../library/api/dispatch.js';
import { jsonReader, type JsonReader } from './json-off-thread.js';
import { jsonPieces } from './json-pieces.js';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { own } from '../../shared/own.js';

/** Largest request body: an import of up to 64 MB of text, JSON-escaped. */
const MAX_BODY_BYTES = 80 * 1024 * 1024;
export const TOKEN_HEADER = 'x-margin-token';
/** A body this large takes milliseconds to parse: it is read in a worker thread. */
const LARGE_BODY_BYTES = 1_000_000;

export interface HostOptions {
  readonly handlers: Handlers;
  /** The built renderer (`out/renderer`). */
  readonly staticDir: string;
  readonly port?: number;
  /** Fixed in tests; random otherwise. */
  readonly token?: string;
  /** The bytes of a paper's PDF (`GET /api/attachment/<paperId>/<sha256>`); without it, that route is 404. */
  readonly readAttachment?: (request: unknown) => Promise<Envelope<Uint8Array>>;
  /** Subscribe to library changes; returns the unsubscribe function. */
  readonly subscribe: (listener: (ids: readonly string[], change: { readonly content: boolean }) => void) => () => void;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is a module: browsers run it only when served as JavaScript.
  '.mjs': 'text/javascript; charset=utf-8',
  // pdf.js's standard fonts and character maps.
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.bcmap': 'application/octet-stream',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * `margin serve`: the same handlers as IPC behind a loopback HTTP host, and the same UI.
 * Only 127.0.0.1; every API call needs the token; a foreign Host or Origin is refused, which
 * stops DNS-rebinding and cross-site requests from other pages in the user's browser.
 */
/** A path with its %-escapes decoded, or null when one is malformed (`%E0%A4%A`). */
function decodedPath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

export async function startHttpHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const events = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, fail('internal', error instanceof Error ? error.message : String(error)));
    });
  });
  const unsubscribe = options.subscribe((ids, change) => {
    const data = `event: ${LIBRARY_CHANGED_EVENT}\ndata: ${JSON.stringify(libraryChange(ids, change.content))}\n\n`;
    for (const res of events) res.write(data);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port; // listening on TCP, so the address is an AddressInfo
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? ''))
      return send(res, 403, fail('forbidden', 'foreign Host header refused'));
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin))
      return send(res, 403, fail('forbidden', 'foreign Origin refused'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const pathname = decodedPath(url.pathname);
    if (pathname === null) return send(res, 400, fail('invalid-request', 'the address has a malformed %-escape'));
    if (pathname.startsWith('/api/')) {
      // The token travels in a header; only the event stream (EventSource cannot set headers) takes it in the query.
      const fromQuery = pathname === '/api/events' ? url.searchParams.get('token') : null;
      const given = req.headers[TOKEN_HEADER] ?? fromQuery ?? '';
      if (!sameToken(Array.isArray(given) ? (given[0] ?? '') : given, token))
        return send(res, 401, fail('forbidden', 'missing or wrong token'));
      if (pathname === '/api/events' && req.method === 'GET') return openEventStream(res);
      if (pathname.startsWith('/api/attachment/') && req.method === 'GET') return sendAttachment(res, pathname);
      if (req.method !== 'POST') return send(res, 405, fail('invalid-request', 'use POST for API calls'));
      return callChannel(req, res, pathname.slice('/api/'.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, fail('invalid-request', 'method not allowed'));
    return serveStatic(res, pathname);
  }

  async function callChannel(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    const body = await readBody(req, TEXT_IN_PIECES_CHANNELS.has(channel) ? 'text' : null);
    if (body.kind === 'too-large')
      return send(res, 413, fail('invalid-request', `request body over ${MAX_BODY_BYTES} bytes`));
    if (body.kind === 'not-json')
      return send(res, 400, fail('invalid-request', `${channel}: the request body is not valid JSON`));
    const envelope = await dispatch(options.handlers, channel, body.value);
    await sendInPieces(res, envelope.ok ? 200 : statusFor(envelope.error.code), envelope);
  }

  async function sendAttachment(res: ServerResponse, pathname: string): Promise<void> {
    const [paperId = '', sha256 = '', ...rest] = pathname.slice('/api/attachment/'.length).split('/');
    if (!options.readAttachment || rest.length > 0) return send(res, 404, fail('not-found', 'no such attachment'));
    const envelope = await options.readAttachment({ paperId, sha256 });
    if (!envelope.ok) return send(res, statusFor(envelope.error.code), envelope);
    res.writeHead(200, {
      'content-type': 'application/pdf',
      // Read by the app's PDF reader only, never shown by the browser itself.
      'content-disposition': 'attachment',
      'content-security-policy': "sandbox; default-src 'none'",
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    res.end(envelope.data);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    events.add(res);
    res.on('close', () => events.delete(res));
  }

  async function serveStatic(res: ServerResponse, pathname: string): Promise<void> {
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(options.staticDir, relative);
    if (!file.startsWith(path.resolve(options.staticDir) + path.sep))
      return send(res, 404, fail('not-found', 'not found'));
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, fail('not-found', `${pathname} not found`));
    }
    res.writeHead(200, {
      'content-type': own(MIME, path.extname(file)) ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': relative === 'index.html' ? 'no-store' : 'max-age=3600',
    });
    res.end(content);
  }

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const res of events) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function statusFor(code: string): number {
  if (code === 'not-found') return 404;
  if (code === 'invalid-request') return 400;
  if (code === 'conflict' || code === 'locked' || code === 'read-only') return 409;
  if (code === 'forbidden') return 403;
  return 500;
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function send(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, JSON_HEADERS);
  res.end(JSON.stringify(body));
}

/** An answer that may be large (an import's report), its text made in turns and sent as it is made. */
async function sendInPieces(res: ServerResponse, status: number, body: Envelope<unknown>): Promise<void> {
  const pieces = await jsonPieces(body);
  res.writeHead(status, JSON_HEADERS);
  for (const piece of pieces) res.write(piece);
  res.end();
}

type Body =
  { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'too-large' } | { readonly kind: 'not-json' };

/**
 * The body read as JSON. A large one (an import) goes to a worker thread as it arrives, and its long `piecedField`
 * comes back in line pieces (json-off-thread.ts): the event loop goes on meanwhile, and never holds the body whole.
 */
function readBody(req: IncomingMessage, piecedField: string | null): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let reader: JsonReader | null = null;
    const toReader = (chunk: Buffer): void => {
      // A chunk of its own, handed over whole (a socket's chunk may share its memory with others).
      const copy = new Uint8Array(chunk);
      reader?.write(copy);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reader?.abort();
        resolve({ kind: 'too-large' });
        req.destroy();
        return;
      }
      if (reader === null && size > LARGE_BODY_BYTES) {
        reader = jsonReader({ piecedField });
        chunks.splice(0).forEach(toReader);
      }
      if (reader) toReader(chunk);
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (reader === null) {
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ kind: 'value', value: text === '' ? {} : (JSON.parse(text) as unknown) });
        } catch {
          resolve({ kind: 'not-json' });
        }
        return;
      }
      reader.end().then(
        // Taking the value in was a turn of its own; the call itself starts in the next.
        (value) => setImmediate(() => resolve({ kind: 'value', value })),
        (error: unknown) => (error instanceof SyntaxError ? resolve({ kind: 'not-json' }) : reject(error)),
      );
    });
    // Node reports an upload the client drops part-way as an error (ECONNRESET): the reader's worker stops with it.
    req.on('error', (error) => {
      reader?.abort();
      reject(error);
    });
  });
}
