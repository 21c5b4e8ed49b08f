import type { Handlers } from '../../../shared/ipc/contract.js';
import type { SyncStatus } from '../../../shared/models/sync.js';
import { LibraryError } from '../storage/errors.js';
import { setSyncRemote, syncLibrary, syncRemote } from '../sync/git/library-sync.js';
import type { Session } from './session.js';

type SyncHandlers = Pick<Handlers, 'sync:status' | 'sync:run' | 'sync:setRemote'>;

/** Said when the library has no remote yet. */
export const NO_REMOTE = 'No remote set — run margin sync --remote URL, or set one in Settings';

/**
 * Sync over IPC: one sync at a time (a click while the timer's sync runs waits for that one), its outcome kept for
 * the status line. A failure is part of the status, in words the user can act on, not an error envelope.
 */
export function createSyncHandlers(session: Session, now: () => Date = () => new Date()): SyncHandlers {
  const { library } = session;
  let last: SyncStatus['last'] = null;
  let error: SyncStatus['error'] = null;
  let running: Promise<void> | null = null;
  const status = async (): Promise<SyncStatus> => ({
    remote: await syncRemote(library).catch(() => null),
    running: running !== null,
    last,
    error,
  });
  const sync = async (): Promise<void> => {
    try {
      if ((await syncRemote(library)) === null) throw new LibraryError('invalid-request', NO_REMOTE);
      const { outcome, sent, received } = await syncLibrary(library);
      if (received.length > 0) {
        // What came in replaced papers and side files under the undo steps and the saved searches.
        library.history.clear();
        await session.searches.reload();
      }
      last = { at: now().toISOString(), result: outcome.result, sent: sent.length, received: received.length };
      error = null;
    } catch (caught) {
      error = { at: now().toISOString(), message: describeSyncError(caught) };
    }
  };
  return {
    'sync:status': status,
    'sync:run': async () => {
      running ??= sync().finally(() => {
        running = null;
      });
      await running;
      return status();
    },
    'sync:setRemote': async ({ url }) => {
      await setSyncRemote(library, url);
      return status();
    },
  };
}

/** git's words for what failed, without the library's path, and what to do. */
export function describeSyncError(caught: unknown): string {
  const message = caught instanceof Error ? caught.message : String(caught);
  if (message === NO_REMOTE) return message;
  if (message.startsWith('cannot run git')) return 'Git is not installed or not on the PATH — sync runs the system git';
  const gitSaid = (text: string) =>
    text
      .replace(/^git \S+ failed in .*?: /s, '')
      .replace(/^git push to \S+ failed: /, '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .slice(0, 3)
      .join(' ');
  if (/^git push to /.test(message)) return `Push rejected: ${gitSaid(message)}`;
  if (/other machines kept pushing/.test(message))
    return 'Push rejected: other machines kept pushing first — nothing was lost, sync again';
  if (/^git fetch failed/.test(message)) return `Could not fetch from the remote: ${gitSaid(message)}`;
  return gitSaid(message);
}
