import { ATTACHMENT_BYTES_CHANNEL, CHANNELS, LIBRARY_CHANGED_EVENT, type Channel } from '../../shared/ipc/channels.js';

/** What the bridge needs of `ipcRenderer`; tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (...args: unknown[]) => void): unknown;
}

const ALLOWED: ReadonlySet<string> = new Set<string>(CHANNELS);

/**
 * `window.margin`: invoke a contract channel, hear library changes. Nothing else of IPC reaches the page,
 * and a channel outside the contract is refused before it leaves the renderer.
 */
export function createBridge(ipc: IpcRendererLike) {
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
  });
}
