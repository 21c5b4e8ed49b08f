import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { STATUSES } from '../../../../shared/models/paper.js';
import { STATUS_LABELS } from '../sidebar/views.js';
import { useMargin } from '../../store/use-margin.js';

/** The reader pane when several papers are selected: what can be done to all of them at once. */
export function BulkPanel() {
  const s = useMargin(
    useShallow((st) => ({
      multi: st.multi,
      rows: st.rows,
      error: st.bulkError,
      setStatus: st.bulkSetStatus,
      editTags: st.bulkEditTags,
      trash: st.bulkTrash,
      clear: st.clearSelection,
      openExport: st.openExport,
    })),
  );
  const [tag, setTag] = useState('');
  // The tags the selected papers carry (of the rows loaded), most common first: the ones to offer removing.
  const tags = useMemo(() => {
    const chosen = new Set(s.multi);
    const counts = new Map<string, number>();
    for (const row of Object.values(s.rows))
      if (chosen.has(row.id)) for (const t of row.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20);
  }, [s.multi, s.rows]);
  const n = s.multi.length;

  const addTag = () => {
    const value = tag.trim();
    if (value === '') return;
    void s.editTags([value], []).then(() => setTag(''));
  };

  return (
    <main className="reader" aria-label="Reader">
      <section className="bulk-panel" aria-labelledby="bulk-heading">
        <h2 id="bulk-heading">{n.toLocaleString()} selected</h2>
        <p className="hint">Shift-click or Shift+J/K to extend, Ctrl/Cmd-click to add or take one out, Esc to clear.</p>
        {s.error && (
          <p className="error" role="alert">
            {s.error}
          </p>
        )}
        <div className="bulk-group" role="group" aria-label="Move to">
          <span className="field-label">Move to</span>
          {STATUSES.map((status) => (
            <button key={status} type="button" className="btn small" onClick={() => void s.setStatus(status)}>
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
        <form
          className="bulk-group"
          onSubmit={(e) => {
            e.preventDefault();
            addTag();
          }}
        >
          <label className="field-label" htmlFor="bulk-tag">
            Add a tag
          </label>
          <input id="bulk-tag" value={tag} placeholder="e.g. to-cite" onChange={(e) => setTag(e.target.value)} />
          <button type="submit" className="btn small" disabled={tag.trim() === ''}>
            Tag {n.toLocaleString()}
          </button>
        </form>
        {tags.length > 0 && (
          <div className="bulk-group" role="group" aria-label="Remove a tag">
            <span className="field-label">Remove a tag</span>
            {tags.map(([t, count]) => (
              <button
                key={t}
                type="button"
                className="chip removable"
                aria-label={`Remove #${t} from the selected papers`}
                onClick={() => void s.editTags([], [t])}
              >
                #{t} <span className="count">{count}</span> ×
              </button>
            ))}
          </div>
        )}
        <div className="bulk-group">
          <button type="button" className="btn small" onClick={() => s.openExport()}>
            Export…
          </button>
          <button type="button" className="btn small danger" onClick={() => void s.trash()}>
            Move to Trash
          </button>
          <span className="spacer" />
          <button type="button" className="btn small ghost" onClick={s.clear}>
            Clear selection
          </button>
        </div>
      </section>
    </main>
  );
}
