import { createHandlers } from '../../electron/library/api/handlers.js';
import { dispatch } from '../../electron/library/api/dispatch.js';
import { readAttachmentBytes } from '../../electron/library/api/attachment-bytes.js';
import { anyFolder } from '../../electron/library/api/export-folders.js';
import { openSession, type Session } from '../../electron/library/api/session.js';
import type { Channel } from '../../shared/ipc/channels.js';
import { libraryChange } from '../../shared/ipc/library-change.js';
import { fixedDeps } from './fixed-deps.js';

/** The renderer's transport, spelled out here so this Node helper needs nothing of the renderer. */
export interface InProcessTransport {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  onLibraryChanged(listener: (change: unknown) => void): () => void;
  readAttachment(paperId: string, sha256: string): Promise<unknown>;
}

export interface InProcessMain {
  readonly transport: InProcessTransport;
  readonly session: Session;
  /** Every channel called, in order. */
  readonly calls: Channel[];
  /** Calls made and not yet answered. */
  pending(): number;
  close(): Promise<void>;
}

/**
 * Main in this process: the real handlers over a real library in `dir`, reached through the same dispatch
 * (validation, envelopes) as IPC and HTTP, with data copied both ways as structured clone copies it across
 * processes. Change events go out after the call that made them, as they do over IPC.
 */
export async function inProcessMain(dir: string): Promise<InProcessMain> {
  const session = await openSession({ dir, holder: 'renderer-test', deps: fixedDeps() });
  const handlers = createHandlers(session, { exportFolders: anyFolder });
  const calls: Channel[] = [];
  let inFlight = 0;
  const listeners = new Set<(change: unknown) => void>();
  const unsubscribe = session.library.onChange((ids, change) => {
    const event = structuredClone(libraryChange(ids, change.content));
    setTimeout(() => listeners.forEach((listener) => listener(event)), 0);
  });
  return {
    session,
    calls,
    pending: () => inFlight,
    transport: {
      async invoke(channel, request) {
        calls.push(channel);
        inFlight++;
        try {
          return structuredClone(await dispatch(handlers, channel, structuredClone(request)));
        } finally {
          inFlight--;
        }
      },
      async readAttachment(paperId, sha256) {
        return readAttachmentBytes(session.library, { paperId, sha256 });
      },
      onLibraryChanged(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    async close() {
      unsubscribe();
      listeners.clear();
      await session.close();
    },
  };
}

/** CSL-JSON for `count` papers titled "Paper 0", "Paper 1", …, each with an abstract; every other one tagged. */
export function numberedPapers(count: number): string {
  return JSON.stringify(
    Array.from({ length: count }, (_, i) => ({
      id: `paper-${i}`,
      type: 'article-journal',
      title: `Paper ${i}`,
      author: [
        { family: 'Lovelace', given: 'Ada' },
        { family: 'Turing', given: 'Alan' },
      ],
      issued: { 'date-parts': [[2000 + (i % 25)]] },
      abstract: `Abstract of paper ${i}.`,
    })),
  );
}
