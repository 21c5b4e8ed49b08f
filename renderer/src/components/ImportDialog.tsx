import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PreviewItem } from '../../../shared/models/views.js';
import { useMargin } from '../stores/store.js';
import { Modal } from './Modal.js';

const OUTCOME_LABEL: Readonly<Record<PreviewItem['outcome'], string>> = { new: 'New', merge: 'Merge', same: 'In library' };
const OUTCOME_ORDER: Readonly<Record<PreviewItem['outcome'], number>> = { new: 0, merge: 1, same: 2 };

/** Paste or choose a file, see what will be added, merged or skipped, then import. Nothing is written before "Import". */
export function ImportDialog() {
  const s = useMargin(
    useShallow((st) => ({
      text: st.importText,
      fileName: st.importFileName,
      preview: st.importPreview,
      error: st.importError,
      busy: st.importBusy,
      result: st.importResult,
      setText: st.setImportText,
      previewImport: st.previewImport,
      runImport: st.runImport,
      close: st.closeDialog,
      showToast: st.showToast,
      notSame: st.notSamePaper,
    })),
  );
  const fileInput = useRef<HTMLInputElement>(null);

  // Preview again a beat after the text stops changing.
  const { text, previewImport } = s;
  useEffect(() => {
    const timer = setTimeout(() => void previewImport(), 250);
    return () => clearTimeout(timer);
  }, [text, previewImport]);

  const finish = () => {
    if (s.result) s.showToast(`Imported: ${s.result.added} added, ${s.result.merged} merged, ${s.result.unchanged} already in the library`);
    s.close();
  };

  if (s.result) {
    const { added, merged, unchanged, failed } = s.result;
    return (
      <Modal title="Import papers" onClose={finish} footer={<button type="button" className="btn primary" data-autofocus onClick={finish}>Done</button>}>
        <p role="status">
          Imported {added} new {added === 1 ? 'paper' : 'papers'}
          {merged > 0 && `, merged ${merged} into papers you had`}
          {unchanged > 0 && `, ${unchanged} already in the library`}.
        </p>
        {failed.length > 0 && <Failures failed={failed} fileName={s.fileName} />}
      </Modal>
    );
  }

  const p = s.preview;
  const canImport = p !== null && p.added + p.merged > 0 && !s.busy;
  return (
    <Modal
      title="Import papers"
      onClose={s.close}
      footer={
        <>
          <span className="grow">{s.fileName ? `From ${s.fileName}` : 'Digest pages, BibTeX, RIS, CSL-JSON, arXiv feeds or ids, Hugging Face JSON.'}</span>
          <input ref={fileInput} type="file" hidden accept=".txt,.bib,.ris,.json,.xml,.md,text/plain" onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) s.setText(await file.text(), file.name);
          }} />
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            Choose file…
          </button>
          <button type="button" className="btn" onClick={s.close}>
            Cancel
          </button>
          <button type="button" className="btn primary" disabled={!canImport} onClick={() => void s.runImport()}>
            Import
          </button>
        </>
      }
    >
      <textarea aria-label="Paste papers" data-autofocus placeholder="Paste a daily digest here: titles, each followed by its abstract." value={s.text} onChange={(e) => s.setText(e.target.value, null)} spellCheck={false} />
      {s.error && <p className="error" role="alert">{s.error}</p>}
      {p && (
        <section aria-label="Preview" className="preview">
          <div className="preview-summary" role="status">
            <div className="stat"><strong>{p.added}</strong><span>new</span></div>
            <div className="stat"><strong>{p.merged}</strong><span>to merge</span></div>
            <div className="stat"><strong>{p.unchanged}</strong><span>already in the library</span></div>
            {p.failed.length > 0 && <div className="stat"><strong>{p.failed.length}</strong><span>could not be read</span></div>}
          </div>
          {p.items.length > 0 && (
            <ul className="preview-list" aria-label="Papers in this import">
              {/* What changes comes first: new papers, then merges, then papers already in the library. */}
              {[...p.items].sort((x, y) => OUTCOME_ORDER[x.outcome] - OUTCOME_ORDER[y.outcome]).map((item, i) => (
                <li key={i}>
                  <span className={`outcome outcome-${item.outcome}`}>{OUTCOME_LABEL[item.outcome]}</span>
                  <span className="grow-text">
                    {item.title}
                    {item.changes.length > 0 && <span className="chip">adds {item.changes.join(', ')}</span>}
                  </span>
                  {item.paperId !== null && (
                    <button type="button" className="btn small ghost" aria-label={`Not the same paper: ${item.title}`} onClick={() => item.paperId !== null && void s.notSame(item.paperId, item.entryKey)}>
                      Not the same paper
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          {p.failed.length > 0 && <Failures failed={p.failed} fileName={s.fileName} />}
        </section>
      )}
    </Modal>
  );
}

function Failures({ failed, fileName }: { failed: ReadonlyArray<{ line: number | null; message: string }>; fileName: string | null }) {
  return (
    <ul className="failures" aria-label="Entries that could not be read">
      {failed.map((f, i) => (
        <li key={i}>
          {fileName ?? 'Pasted text'}
          {f.line !== null && `, line ${f.line}`}: {f.message}
        </li>
      ))}
    </ul>
  );
}
