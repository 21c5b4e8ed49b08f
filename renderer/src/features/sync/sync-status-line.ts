import type { SyncStatus } from '../../../../shared/models/sync.js';

/** The words beside the Sync button: when the last sync was and what it moved, or what went wrong. */
export function syncStatusLine(status: SyncStatus | null, syncing: boolean, now: Date): string {
  if (syncing || status?.running) return 'Syncing…';
  if (status === null) return '';
  if (status.error !== null) return status.error.message;
  // A library never set up for sync says nothing until Sync is pressed (then: how to set a remote).
  if (status.last === null) return status.remote === null ? '' : 'Not synced yet';
  const { sent, received } = status.last;
  const moved =
    sent === 0 && received === 0
      ? 'nothing new'
      : `${sent} ${sent === 1 ? 'change' : 'changes'} sent, ${received} received`;
  return `Synced ${ago(new Date(status.last.at), now)} · ${moved}`;
}

/** "just now", "2 min ago", "3 h ago", or the day. */
export function ago(then: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - then.getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return `on ${then.toLocaleDateString()}`;
}
