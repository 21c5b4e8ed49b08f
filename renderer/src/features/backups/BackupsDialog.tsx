import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Restore the library from one of its rolling backups (the current state is backed up first). */
export function BackupsDialog() {
  const s = useMargin(
    useShallow((st) => ({
      backups: st.backups,
      error: st.backupsError,
      load: st.loadBackups,
      restore: st.restoreBackup,
      close: st.closeDialog,
    })),
  );
  const [confirming, setConfirming] = useState<string | null>(null);
  const load = s.load;
  useEffect(() => void load(), [load]);
  return (
    <Modal title="Restore from backup" onClose={s.close}>
      <p className="hint-text">
        Margin backs up the whole library before every import and at most hourly while you edit, keeping the newest 10.
        Restoring first backs up what you have now, so a restore can be undone.
      </p>
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      {s.backups.length === 0 ? (
        <p>No backups yet.</p>
      ) : (
        <ul className="preview-list" aria-label="Backups">
          {s.backups.map((b) => (
            <li key={b.name}>
              <span className="grow-text">
                {when(b.createdAt)} · {b.reason} · {b.files} files
              </span>
              {confirming === b.name ? (
                <button
                  type="button"
                  className="btn small primary"
                  onClick={() => void s.restore(b.name).then(() => setConfirming(null))}
                >
                  Replace my library with this backup
                </button>
              ) : (
                <button
                  type="button"
                  className="btn small"
                  onClick={() => setConfirming(b.name)}
                  aria-label={`Restore backup from ${when(b.createdAt)}`}
                >
                  Restore…
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
