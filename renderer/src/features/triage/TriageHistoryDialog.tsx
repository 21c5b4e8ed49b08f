import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

/** Every digest triaged, newest first, with what it held; Reopen to change decisions. */
export function TriageHistoryDialog() {
  const s = useMargin(
    useShallow((st) => ({
      history: st.triageHistory,
      load: st.loadTriageHistory,
      reopen: st.reopenTriage,
      close: st.closeDialog,
    })),
  );
  useEffect(() => {
    void s.load();
  }, [s.load]); // eslint-disable-line react-hooks/exhaustive-deps -- load once when opened
  return (
    <Modal title="Triage history" onClose={s.close}>
      {s.history === null ? (
        <p>Reading…</p>
      ) : s.history.length === 0 ? (
        <p>No digest triaged yet. Paste one and choose Triage.</p>
      ) : (
        <ul className="triage-history">
          {s.history.map((h) => (
            <li key={h.id}>
              <div>
                <strong>{new Date(h.createdAt).toLocaleString()}</strong> · {h.label}
                {h.fileName ? ` (${h.fileName})` : ''}
                <div className="hint">
                  {h.counts.new} new · {h.counts.inLibrary} already in your library · {h.counts.skippedBefore} skipped
                  before · {h.counts.newVersion} new versions — kept {h.counts.kept}, skipped {h.counts.skipped}
                  {h.finishedAt ? '' : ' (not finished)'}
                </div>
              </div>
              <button type="button" className="btn small" onClick={() => void s.reopen(h.id)}>
                Reopen
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
