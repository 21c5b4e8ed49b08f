import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { progressLabel, progressPercent } from './import-progress.js';

/**
 * How far a large preview or import has got (entries parsed, matched against the library, written), with the
 * button that stops it before anything is written; once it writes, it finishes whole.
 */
export function ImportProgressBar() {
  const s = useMargin(
    useShallow((st) => ({
      progress: st.importProgress,
      writes: st.importWrites,
      cancelling: st.importCancelling,
      cancel: st.cancelImport,
    })),
  );
  if (!s.progress) return null;
  const { phase, done, total } = s.progress;
  const percent = progressPercent(s.progress);
  const label = progressLabel(s.progress, s.writes);
  const writing = s.writes && ((phase === 'planned' && done >= total) || phase === 'written' || phase === 'done');
  return (
    <div className="import-progress">
      <div className="import-progress-head">
        <span className="import-progress-label" aria-hidden="true">
          {label}
        </span>
        <button
          type="button"
          className="btn small"
          disabled={writing || s.cancelling || s.progress.cancelRequested}
          title={writing ? 'Writing: it lands whole now' : undefined}
          onClick={() => void s.cancel()}
        >
          {s.cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
      <div
        role="progressbar"
        aria-label={s.writes ? 'Import progress' : 'Preview progress'}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent ?? undefined}
        aria-valuetext={label}
        className={percent === null ? 'import-progress-bar indeterminate' : 'import-progress-bar'}
      >
        <div className="import-progress-fill" style={percent === null ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
