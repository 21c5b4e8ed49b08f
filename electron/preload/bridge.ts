import {
  APP_OPEN_EVENT,
  ATTACHMENT_BYTES_CHANNEL,
  CHANNELS,
  LIBRARY_CHANGED_EVENT,
  MENU_COMMAND_EVENT,
  type Channel,
} from '../../shared/ipc/channels.js';

/** What the bridge needs of `ipcRenderer`; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
}

const ALLOWED: ReadonlySet<string> = new Set<string>(CHANNELS);
/** Open requests kept until the page listens: a file double-clicked to launch the app arrives before React does. */
const MAX_PENDING_OPENS = 20;

/**
 * `window.margin`: invoke a contract channel, hear library changes, open requests and menu commands. Nothing else of IPC reaches
 * the page, and a channel outside the contract is refused before it leaves the renderer.
 */
export function createBridge(ipc: IpcRendererLike) {
  const opens = heldEvents(ipc, APP_OPEN_EVENT);
  return Object.freeze({
    invoke(channel: Channel, payload: unknown): Promise<unknown> {
      if (typeof channel !== 'string' || !ALLOWED.has(channel))
        return Promise.reject(new Error(`channel not allowed: ${String(channel)}`));
      return ipc.invoke(channel, payload);
    },
    /** A PDF's bytes, as an envelope the page checks; only the paper id and hash cross over. */
    readAttachment(paperId: string, sha256: string): Promise<unknown> {
      return ipc.invoke(ATTACHMENT_BYTES_CHANNEL, { paperId: String(paperId), sha256: String(sha256) });
    },
    onLibraryChanged(listener: (change: unknown) => void): () => void {
      // Only the payload, never the IpcRendererEvent (and its sender); the page validates it.
      const wrapped = (_event: unknown, change: unknown) => listener(change);
      ipc.on(LIBRARY_CHANGED_EVENT, wrapped);
      return () => {
        ipc.removeListener(LIBRARY_CHANGED_EVENT, wrapped);
      };
    },
    /** What the OS asked the app to open (the payload only; the page validates it against AppOpenSchema). */
    onAppOpen(listener: (request: unknown) => void): () => void {
      return opens.listen(listener);
    },
    /** A command chosen in the native menu (its id only; the page checks it against the shared list). */
    onMenuCommand(listener: (id: unknown) => void): () => void {
      const wrapped = (_event: unknown, id: unknown) => listener(id);
      ipc.on(MENU_COMMAND_EVENT, wrapped);
      return () => {
        ipc.removeListener(MENU_COMMAND_EVENT, wrapped);
      };
    },
  });
}

/** Payloads of one event, held (at most MAX_PENDING_OPENS) until a listener comes, then passed straight on. */
function heldEvents(ipc: IpcRendererLike, channel: string) {
  const held: unknown[] = [];
  let current: ((payload: unknown) => void) | null = null;
  ipc.on(channel, (_event: unknown, payload: unknown) => {
    if (current) current(payload);
    else if (held.length < MAX_PENDING_OPENS) held.push(payload);
  });
  return {
    listen(listener: (payload: unknown) => void): () => void {
      current = listener;
      for (const payload of held.splice(0)) listener(payload);
      return () => {
        if (current === listener) current = null;
      };
    },
  };
}
