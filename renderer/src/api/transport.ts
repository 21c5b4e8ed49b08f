import { LIBRARY_CHANGED_EVENT, type Channel } from '../../../shared/ipc/channels.js';
import type { Transport } from './client.js';

/** What the preload exposes as `window.margin` (see electron/preload). */
export interface PreloadBridge {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  onLibraryChanged(listener: (change: unknown) => void): () => void;
  readAttachment(paperId: string, sha256: string): Promise<unknown>;
  onAppOpen(listener: (request: unknown) => void): () => void;
  onMenuCommand(listener: (id: unknown) => void): () => void;
}

declare global {
  interface Window {
    margin?: PreloadBridge;
  }
}

/** Picks the transport: the preload bridge in Electron, HTTP with the page's token under `margin serve`. */
export function detectTransport(win: Window = window): Transport {
  if (win.margin) return win.margin;
  return httpTransport(win.location.origin, pageToken(win));
}

const TOKEN_KEY = 'margin-token';

/**
 * The token `margin serve` printed in the page's address: kept for this tab (so a reload still works) and
 * taken out of the address bar, where it would otherwise sit in history and in screenshots.
 */
function pageToken(win: Window): string {
  const params = new URLSearchParams(win.location.search);
  const fromUrl = params.get('token');
  if (fromUrl !== null) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const rest = params.toString();
    win.history.replaceState(
      win.history.state,
      '',
      `${win.location.pathname}${rest ? `?${rest}` : ''}${win.location.hash}`,
    );
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Requests that change nothing: nothing is lost when the page closes before they finish. */
const READS: ReadonlySet<Channel> = new Set<Channel>([
  'library:overview',
  'papers:query',
  'papers:snippets',
  'app:about',
  'sync:status',
  'papers:get',
  'import:preview',
  'searches:list',
  'backups:list',
  'duplicates:list',
  'export:paperMarkdown',
  'citations:format',
  'arxiv:findByTitle',
  'export:conflicts',
  'papers:ids',
  'triage:open',
  'triage:history',
  'triage:watchList',
  'settings:get',
  'import:progress',
]);
const KEEPALIVE_MAX_BYTES = 16_000;

export function httpTransport(origin: string, token: string): Transport {
  return {
    async invoke(channel, request) {
      const body = JSON.stringify(request);
      const response = await fetch(`${origin}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-margin-token': token },
        body,
        // Lets an edit finish even when the page is closing. Only small edits: Chromium allows 64 KB of
        // keepalive bodies in flight in all, and two pasted digests previewing at once went over it.
        keepalive: !READS.has(channel) && body.length < KEEPALIVE_MAX_BYTES,
      });
      return response.json();
    },
    async readAttachment(paperId, sha256) {
      const response = await fetch(
        `${origin}/api/attachment/${encodeURIComponent(paperId)}/${encodeURIComponent(sha256)}`,
        { headers: { 'x-margin-token': token } },
      );
      // The bytes, or the error envelope the host sends instead.
      return response.ok ? { ok: true, data: new Uint8Array(await response.arrayBuffer()) } : response.json();
    },
    onLibraryChanged(listener) {
      const source = new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`);
      source.addEventListener(LIBRARY_CHANGED_EVENT, (event) => listener(parseJson(event.data)));
      return () => source.close();
    },
  };
}

/** An event's data, or undefined when it is not JSON (the client then takes it as "anything changed"). */
function parseJson(data: unknown): unknown {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
