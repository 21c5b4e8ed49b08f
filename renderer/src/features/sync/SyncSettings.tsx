import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';

/**
 * Settings' sync section: the remote (kept in the library's git config, so it can be set under `margin serve`
 * too) and how often to sync (settings.json, the desktop app's).
 */
export function SyncSettings() {
  const s = useMargin(
    useShallow((st) => ({
      status: st.syncStatus,
      settings: st.settings,
      load: st.loadSyncStatus,
      setRemote: st.setSyncRemote,
      setEvery: st.setSyncEvery,
    })),
  );
  const load = s.load;
  useEffect(() => void load(), [load]);
  const saved = s.status?.remote ?? '';
  const [remote, setRemote] = useState(saved);
  useEffect(() => setRemote(saved), [saved]);
  const every = s.settings?.syncEveryMinutes ?? null;
  const [minutes, setMinutes] = useState(every === null ? '' : String(every));
  useEffect(() => setMinutes(every === null ? '' : String(every)), [every]);
  const editable = s.settings?.editable === true;

  const saveRemote = (event: FormEvent) => {
    event.preventDefault();
    if (remote.trim() !== '') void s.setRemote(remote.trim());
  };
  const saveEvery = () => {
    const n = Number(minutes);
    if (minutes.trim() === '') void s.setEvery(null);
    else if (Number.isInteger(n) && n >= 1 && n <= 1440) void s.setEvery(n);
  };
  return (
    <fieldset className="settings-group">
      <legend>Sync</legend>
      <form className="sync-remote" onSubmit={saveRemote}>
        <label htmlFor="sync-remote">Remote URL</label>
        <input
          id="sync-remote"
          type="text"
          spellCheck={false}
          placeholder="https://github.com/you/library.git or /Volumes/nas/library.git"
          value={remote}
          onChange={(e) => setRemote(e.target.value)}
        />
        <button type="submit" className="btn small" disabled={remote.trim() === '' || remote.trim() === saved}>
          Save remote
        </button>
      </form>
      <p className="hint-text">
        Sign-in is git&rsquo;s: its credential helper or your SSH key. Margin stores no password.
      </p>
      <label className="settings-choice">
        Sync every
        <input
          className="sync-every"
          type="number"
          min={1}
          max={1440}
          inputMode="numeric"
          aria-label="Sync every N minutes (empty: only when asked)"
          disabled={!editable}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          onBlur={saveEvery}
        />
        minutes
      </label>
    </fieldset>
  );
}
