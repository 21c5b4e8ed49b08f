import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ListRow } from '../../../../shared/models/views.js';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';
import { TexText } from '../../ui/math/TexText.js';

function Side({ row }: { row: ListRow }) {
  return (
    <div className="dup-side">
      <strong>
        <TexText text={row.title} />
      </strong>
      <span className="hint-text">
        {[row.authors.slice(0, 2).join(', '), row.year ?? ''].filter(Boolean).join(' · ')}{' '}
        {row.annotationCount > 0 ? `· ${row.annotationCount} highlights` : ''}
      </span>
    </div>
  );
}

/** Near-duplicates already in the library: merge a pair (highlights and notes included) or say they differ. */
export function DuplicatesDialog() {
  const s = useMargin(
    useShallow((st) => ({
      pairs: st.duplicates,
      error: st.duplicatesError,
      load: st.loadDuplicates,
      merge: st.mergeDuplicates,
      distinct: st.markDistinct,
      close: st.closeDialog,
    })),
  );
  const { load } = s;
  useEffect(() => void load(), [load]);
  const { pairs, error } = s;

  return (
    <Modal title="Possible duplicates" onClose={s.close}>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
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
                  <button type="button" className="btn small primary" onClick={() => void s.merge(p.a.id, p.b.id)}>
                    Merge into the first
                  </button>
                  <button type="button" className="btn small" onClick={() => void s.distinct(p.a.id, p.b.id)}>
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
