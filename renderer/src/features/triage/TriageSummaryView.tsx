import { useMargin } from '../../store/use-margin.js';
import type { TriageOutcome } from './triage-slice.js';

/** The end of a triage: what was kept (each a link to the paper) and how many were skipped. */
export function TriageSummaryView({ done }: { done: TriageOutcome }) {
  const close = useMargin((s) => s.closeTriage);
  const openPaper = useMargin((s) => s.openPaper);
  const setView = useMargin((s) => s.setView);
  return (
    <div className="triage-summary" role="region" aria-label="Triage summary">
      <h2>
        Kept {done.kept.length.toLocaleString()} {done.kept.length === 1 ? 'paper' : 'papers'}, skipped{' '}
        {done.skipped.toLocaleString()}
      </h2>
      <p className="hint">
        {done.added.toLocaleString()} new to your library. Skipped papers are remembered: tomorrow’s digest sets them
        apart. Ctrl/Cmd+Z takes the whole triage back.
      </p>
      <ul>
        {done.kept.map(({ id, title }) => (
          <li key={id}>
            <button
              type="button"
              className="link-button"
              onClick={() => {
                close();
                void setView({ kind: 'all' }).then(() => openPaper(id));
              }}
            >
              {title}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="btn primary" onClick={close}>
        Back to the library
      </button>
    </div>
  );
}
