import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';
import { formatSize } from '../../ui/format-size.js';

/** What the library's PDFs take up, largest first, and which papers have each. */
export function StorageDialog() {
  const s = useMargin(
    useShallow((st) => ({ stored: st.storedPdfs, load: st.loadStoredPdfs, error: st.pdfError, close: st.closeDialog })),
  );
  const { load } = s;
  useEffect(() => void load(), [load]);
  const total = (s.stored ?? []).reduce((n, f) => n + f.bytes, 0);
  return (
    <Modal title="Storage" onClose={s.close}>
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      {s.stored === null ? (
        <p role="status">Adding up…</p>
      ) : s.stored.length === 0 ? (
        <p role="status">No PDFs yet. Attach one to a paper, or download it from arXiv.</p>
      ) : (
        <>
          <p role="status">
            {s.stored.length} PDF{s.stored.length === 1 ? '' : 's'}, {formatSize(total)} in all. A PDF goes when the
            last paper that has it leaves the Trash for good.
          </p>
          <ul className="preview-list" aria-label="Stored PDFs">
            {s.stored.map((file) => (
              <li key={file.sha256}>
                <strong>{file.fileName}</strong> <span className="hint-text">{formatSize(file.bytes)}</span>
                <div className="hint-text">
                  {file.papers.map((p) => `${p.title}${p.trashed ? ' (in the Trash)' : ''}`).join(' · ')}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
