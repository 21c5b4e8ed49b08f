import path from 'node:path';

/**
 * The UI is served from `app://margin/…` rather than `file://`: a file URL's origin is every file on the disk,
 * while this origin is only the renderer folder, and `'self'` in the CSP means exactly that folder.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'margin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Privileges for `protocol.registerSchemesAsPrivileged`: a standard scheme (real origin, relative URLs), secure
 * (as https, so workers and the clipboard API work), fetchable (pdf.js fetches its fonts); no CORS, no bypassing CSP.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  corsEnabled: false,
  bypassCSP: false,
  allowServiceWorkers: false,
  codeCache: true,
} as const;

const MAX_URL_CHARS = 2048;
/** Names Windows opens as devices whatever the folder (NUL, COM1…). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * The file inside `rootDir` an `app://margin/…` URL names, or null for anything else: another scheme or host,
 * credentials or a port, `.` or `..` segments (plain or percent-encoded), encoded slashes or backslashes, drive
 * letters, NUL, empty segments. Segments are checked as sent, before any URL normalization could hide them.
 */
export function resolveAppUrl(raw: unknown, rootDir: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_URL_CHARS) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '')
    return null;
  const prefix = `${APP_ORIGIN}/`;
  if (!raw.startsWith(prefix) && raw !== APP_ORIGIN) return null;
  const rawPath = raw.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  const segments = rawPath === '' ? ['index.html'] : rawPath.split('/').map(segment);
  if (segments.some((s) => s === null)) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...(segments as string[]));
  const inside = path.relative(root, file);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside) ? file : null;
}

/** One path segment, decoded, or null when it could step out of its folder or name something odd. */
function segment(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded === '' || decoded === '.' || decoded === '..') return null;
  // What decoding revealed must not be a separator, a drive, another escape or a control character.
  if (/[/\\:%]/.test(decoded) || hasControl(decoded) || WINDOWS_DEVICE.test(decoded)) return null;
  return decoded;
}

function hasControl(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** The Content-Type a renderer file is served with; anything unknown is opaque bytes (never sniffed as a page). */
export function contentTypeOf(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return Object.hasOwn(CONTENT_TYPES, ext)
    ? (CONTENT_TYPES[ext] ?? 'application/octet-stream')
    : 'application/octet-stream';
}

/** What the protocol handler answers, before it becomes a `Response`. */
export interface AppResponse {
  readonly status: 200 | 404;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | string;
}

/**
 * Answer one `app://` request from `rootDir`: the file with its type and the CSP, or 404 for anything the resolver
 * refuses or that cannot be read (the same answer, so a refused path says nothing about the disk).
 */
export async function serveAppRequest(
  url: string,
  rootDir: string,
  read: (file: string) => Promise<Uint8Array>,
  contentSecurityPolicy: string,
): Promise<AppResponse> {
  const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
  const file = resolveAppUrl(url, rootDir);
  const notFound: AppResponse = {
    status: 404,
    headers: { ...headers, 'Content-Type': 'text/plain' },
    body: 'Not found',
  };
  if (file === null) return notFound;
  try {
    return { status: 200, headers: { ...headers, 'Content-Type': contentTypeOf(file) }, body: await read(file) };
  } catch {
    return notFound;
  }
}
