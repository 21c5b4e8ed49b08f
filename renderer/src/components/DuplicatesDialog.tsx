import { useEffect, useState } from 'react';
import type { ListRow } from '../../../shared/models/views.js';
import { describeError } from '../stores/types.js';
import { useMargin } from '../stores/store.js';
import { Modal } from './Modal.js';
import type { MarginApi } from '../api/client.js';

type Pair = { a: ListRow; b: ListRow; reason: string };

function Side({ row }: { row: ListRow }) {
  return (
    <div className="dup-side">
      <strong>{row.title}</strong>
      <span className="hint-text">
        {[row.authors.slice(0, 2).join(', '), row.year ?? ''].filter(Boolean).join(' · ')} {row.annotationCount > 0 ? `· ${row.annotationCount} highlights` : ''}
      </span>
    </div>
  );
}

/** Near-duplicates already in the library: merge a pair (highlights and notes included) or say they differ. */
export function DuplicatesDialog({ api }: { api: MarginApi }) {
  const close = useMargin((s) => s.closeDialog);
  const refresh = useMargin((s) => s.refreshOverview);
  const reload = useMargin((s) => s.reloadList);
  const [pairs, setPairs] = useState<Pair[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = () =>
    api
      .call('duplicates:list', {})
      .then((p) => setPairs(p))
      .catch((e: unknown) => setError(describeError(e)));
  // Load once, when the dialog opens.
  useEffect(() => void load(), []);

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
      await Promise.all([load(), refresh(), reload()]);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <Modal title="Possible duplicates" onClose={close}>
      {error && <p className="error" role="alert">{error}</p>}
      {pairs === null ? (
        <p role="status">Looking for near-duplicates…</p>
      ) : pairs.length === 0 ? (
        <p role="status">No possible duplicates. Imports already merge the same paper by arXiv id, DOI and title.</p>
      ) : (
        <ul className="preview-list dup-list" aria-label="Possible duplicates">
          {pairs.map((p) => (
            <li key={`${p.a.id}|${p.b.id}`}>
              <span className="outcome outcome-merge">{p.reason}</span>
              <div className="dup-pair">
                <Side row={p.a} />
                <Side row={p.b} />
                <div className="dup-actions">
                  <button type="button" className="btn small primary" onClick={() => void act(() => api.call('duplicates:merge', { keep: p.a.id, drop: p.b.id }))}>
                    Merge into the first
                  </button>
                  <button type="button" className="btn small" onClick={() => void act(() => api.call('duplicates:distinct', { a: p.a.id, b: p.b.id }))}>
                    Not the same paper
                  </button>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
