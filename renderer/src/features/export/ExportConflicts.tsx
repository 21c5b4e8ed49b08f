import { useEffect, useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportConflict } from '../../../../shared/models/export-conflict.js';
import { useMargin } from '../../store/use-margin.js';
import { ConflictDiff } from './ConflictDiff.js';
import { MergeView } from './MergeView.js';

/**
 * The notes the last export left alone because the user and Margin both changed them, each with a way
 * forward: see the diff, keep mine, take Margin's (after seeing what it replaces), or merge.
 */
export function ExportConflicts() {
  const s = useMargin(
    useShallow((st) => ({
      conflicts: st.exportConflicts,
      reported: st.exportReport?.conflicts.length ?? 0,
      message: st.exportConflictMessage,
      resolving: st.resolvingConflict,
      resolve: st.resolveExportConflict,
    })),
  );
  const said = useRef<HTMLParagraphElement>(null);
  // The item that was settled is gone, and focus with it: move focus to what happened instead.
  useEffect(() => {
    if (s.message) said.current?.focus();
  }, [s.message]);
  if (s.conflicts.length === 0 && !s.message) return null;
  return (
    <section aria-label="Export conflicts" className="export-conflicts">
      {s.message && (
        <p
          ref={said}
          tabIndex={-1}
          role={s.message.error ? 'alert' : 'status'}
          className={s.message.error ? 'error' : 'conflict-done'}
        >
          {s.message.text}
        </p>
      )}
      {s.conflicts.length > 0 && (
        <>
          <p className="hint-text">
            {s.conflicts.length === 1 ? 'This note was' : 'These notes were'} left as you wrote{' '}
            {s.conflicts.length === 1 ? 'it' : 'them'}. See what differs, then keep yours, take Margin's, or merge the
            two.
          </p>
          {s.reported > s.conflicts.length && (
            <p className="hint-text">
              Showing {s.conflicts.length} of {s.reported}; the rest follow as these are settled.
            </p>
          )}
          <ul aria-label="Conflicts" className="conflict-list">
            {s.conflicts.map((c) => (
              <ConflictItem key={c.paperId} conflict={c} busy={s.resolving !== null} resolve={s.resolve} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type Open = 'diff' | 'take' | 'merge' | null;

function ConflictItem({
  conflict,
  busy,
  resolve,
}: {
  conflict: ExportConflict;
  busy: boolean;
  resolve: (
    paperId: string,
    choice: 'keep-mine' | 'take-margin' | 'merge',
    answers?: readonly ('mine' | 'margin' | 'both')[],
  ) => Promise<void>;
}) {
  const [open, setOpen] = useState<Open>(null);
  const item = useRef<HTMLLIElement>(null);
  // The dialog scrolls: bring what was just opened into view with its note's name above it.
  useEffect(() => {
    if (open !== null) item.current?.scrollIntoView({ block: 'start' });
  }, [open]);
  const nameId = useId();
  const panelId = useId();
  const toggle = (what: Open) => setOpen((now) => (now === what ? null : what));
  return (
    <li ref={item} aria-labelledby={nameId} className="conflict-item">
      <div className="conflict-head">
        <strong id={nameId} className="conflict-file">
          {conflict.file}
        </strong>
        <span className="conflict-reason">
          {conflict.title} · {conflict.reason}
        </span>
      </div>
      <div className="conflict-actions">
        <button
          type="button"
          className="btn small"
          aria-expanded={open === 'diff'}
          aria-controls={panelId}
          onClick={() => toggle('diff')}
        >
          See the diff
        </button>
        <button
          type="button"
          className="btn small"
          disabled={busy}
          onClick={() => void resolve(conflict.paperId, 'keep-mine')}
        >
          Keep mine
        </button>
        <button
          type="button"
          className="btn small"
          disabled={busy}
          aria-expanded={open === 'take'}
          onClick={() => toggle('take')}
        >
          Take Margin's
        </button>
        <button
          type="button"
          className="btn small primary"
          disabled={busy || conflict.merge === null}
          title={
            conflict.merge === null ? "Margin's section markers are gone, so there is nothing to merge into" : undefined
          }
          aria-expanded={open === 'merge'}
          onClick={() => toggle('merge')}
        >
          Merge
        </button>
      </div>
      <div id={panelId}>
        {open === 'take' && (
          <div className="take-confirm" role="group" aria-label="Take Margin's side">
            <p>
              Your lines marked − below are replaced by Margin's (+). Text you wrote outside Margin's sections stays,
              and the note as it is now is kept in the folder's .margin-base.
            </p>
            <div className="merge-actions">
              <button
                type="button"
                className="btn primary"
                disabled={busy}
                onClick={() => void resolve(conflict.paperId, 'take-margin')}
              >
                Replace with Margin's
              </button>
              <button type="button" className="btn" onClick={() => setOpen(null)}>
                Cancel
              </button>
            </div>
          </div>
        )}
        {(open === 'diff' || open === 'take') && <ConflictDiff file={conflict.file} lines={conflict.diff} />}
        {open === 'merge' && (
          <MergeView
            conflict={conflict}
            busy={busy}
            onWrite={(answers) => void resolve(conflict.paperId, 'merge', answers)}
            onCancel={() => setOpen(null)}
          />
        )}
      </div>
    </li>
  );
}
