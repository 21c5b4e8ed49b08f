import { LIBRARY_CHANGED_EVENT, type Channel } from '../../../shared/ipc/channels.js';
import type { Transport } from './client.js';

/** What the preload exposes as `window.margin` (see electron/preload). */
export interface PreloadBridge {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  onLibraryChanged(listener: () => void): () => void;
}

declare global {
  interface Window {
    margin?: PreloadBridge;
  }
}

/** Picks the transport: the preload bridge in Electron, HTTP with the page's token under `margin serve`. */
export function detectTransport(win: Window = window): Transport {
  if (win.margin) return win.margin;
  const token = new URLSearchParams(win.location.search).get('token') ?? '';
  return httpTransport(win.location.origin, token);
}

/** Requests that change nothing: nothing is lost when the page closes before they finish. */
const READS: ReadonlySet<Channel> = new Set<Channel>(['library:overview', 'papers:query', 'papers:get', 'import:preview', 'searches:list', 'backups:list', 'duplicates:list', 'export:paperMarkdown']);
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
    onLibraryChanged(listener) {
      const source = new EventSource(`${origin}/api/events?token=${encodeURIComponent(token)}`);
      source.addEventListener(LIBRARY_CHANGED_EVENT, () => listener());
      return () => source.close();
    },
  };
}
