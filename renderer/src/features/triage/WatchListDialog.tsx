import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

/** One entry per line, blanks dropped. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** Watched keywords and authors (matching papers float to the top of a triage) and the quick tags for keys 1–9. */
export function WatchListDialog() {
  const s = useMargin(
    useShallow((st) => ({ watch: st.watchList, save: st.saveWatchList, close: st.closeDialog, error: st.triageError })),
  );
  const [keywords, setKeywords] = useState(s.watch.keywords.join('\n'));
  const [authors, setAuthors] = useState(s.watch.authors.join('\n'));
  const [tags, setTags] = useState(s.watch.quickTags.join('\n'));
  const quickTags = lines(tags);
  return (
    <Modal
      title="Watch list"
      onClose={s.close}
      className="watch-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={s.close}>
            Cancel
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={quickTags.length > 9}
            onClick={() =>
              void s
                .save({ keywords: lines(keywords), authors: lines(authors), quickTags })
                .then((saved) => saved && s.close())
            }
          >
            Save
          </button>
        </>
      }
    >
      <p className="hint">Papers that match float to the top of a triage, saying why. One per line.</p>
      <label className="field">
        <span className="field-label">Keywords</span>
        <textarea rows={4} value={keywords} onChange={(e) => setKeywords(e.target.value)} placeholder="sparsity" />
      </label>
      <label className="field">
        <span className="field-label">Authors</span>
        <textarea rows={3} value={authors} onChange={(e) => setAuthors(e.target.value)} placeholder="Nanda" />
      </label>
      <label className="field">
        <span className="field-label">Quick tags for keys 1–9</span>
        <textarea rows={3} value={tags} onChange={(e) => setTags(e.target.value)} placeholder="to-cite" />
      </label>
      {quickTags.length > 9 && (
        <p className="error" role="alert">
          At most nine quick tags (keys 1–9).
        </p>
      )}
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
    </Modal>
  );
}
