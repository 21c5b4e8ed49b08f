import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { syncStatusLine } from './sync-status-line.js';

/** The toolbar's Sync button and its status line; syncs every N minutes when Settings say so. */
export function SyncControl() {
  const s = useMargin(
    useShallow((st) => ({
      status: st.syncStatus,
      syncing: st.syncing,
      every: st.settings?.syncEveryMinutes ?? null,
      run: st.runSync,
      loadStatus: st.loadSyncStatus,
      loadSettings: st.loadSettings,
    })),
  );
  const { loadStatus, loadSettings, run, every } = s;
  useEffect(() => {
    void loadStatus();
    void loadSettings();
  }, [loadStatus, loadSettings]);
  useEffect(() => {
    if (every === null) return;
    const timer = setInterval(() => void run(), every * 60_000);
    return () => clearInterval(timer);
  }, [every, run]);
  // "2 min ago" moves on by itself: a render every 30 s reads the clock again.
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const line = syncStatusLine(s.status, s.syncing, new Date());
  const failed = !s.syncing && s.status?.error != null;
  return (
    <div className="sync-control">
      <button type="button" className="btn" disabled={s.syncing} onClick={() => void run()}>
        Sync
      </button>
      <span className={`sync-status${failed ? ' failed' : ''}`} role="status" title={line}>
        {line}
      </span>
    </div>
  );
}
