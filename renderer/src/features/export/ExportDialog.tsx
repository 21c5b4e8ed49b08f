import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportScope } from '../../../../shared/ipc/contract.js';
import { STATUSES, type Status, PaperIdSchema } from '../../../../shared/models/paper.js';
import { STATUS_LABELS } from '../sidebar/views.js';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';
import { ExportConflicts } from './ExportConflicts.js';

type ScopeKind = 'selection' | 'tag' | 'status' | 'all';
type Format = 'markdown' | 'bibtex' | 'csl-json';
const FORMAT_LABELS: Readonly<Record<Format, string>> = {
  markdown: 'Markdown notes (one file per paper)',
  bibtex: 'BibTeX (references.bib)',
  'csl-json': 'CSL-JSON (references.json)',
};
const LAST_DIR_KEY = 'margin.exportDir';
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Export Markdown notes into a folder (an Obsidian vault, say); shows what was written, unchanged, or left alone. */
export function ExportDialog() {
  const s = useMargin(
    useShallow((st) => ({
      paper: st.paper,
      multi: st.multi,
      tags: st.overview?.tags ?? [],
      defaultDir: st.overview?.defaultExportDir ?? '',
      report: st.exportReport,
      digest: st.exportDigest,
      error: st.exportError,
      busy: st.exportBusy,
      runExport: st.runExport,
      runHighlights: st.runHighlightsExport,
      runBibliography: st.runBibliographyExport,
      close: st.closeDialog,
      chooseFolder: st.chooseExportFolder,
      hasConflicts: st.exportConflicts.length > 0,
    })),
  );
  const [dir, setDir] = useState(() => localStorage.getItem(LAST_DIR_KEY) ?? s.defaultDir);
  const [kind, setKind] = useState<ScopeKind>(s.paper || s.multi.length > 1 ? 'selection' : 'all');
  const [tag, setTag] = useState(s.tags[0]?.tag ?? '');
  const [status, setStatus] = useState<Status>('reading');
  const [format, setFormat] = useState<Format>('markdown');

  const scope = (): ExportScope | null => {
    if (kind === 'selection' && s.multi.length > 1)
      return { kind: 'ids', ids: s.multi.map((id) => PaperIdSchema.parse(id)) };
    if (kind === 'selection') return s.paper ? { kind: 'ids', ids: [s.paper.id] } : null;
    if (kind === 'tag') return tag ? { kind: 'tag', tag } : null;
    if (kind === 'status') return { kind: 'status', status };
    return { kind: 'all' };
  };
  const run = (what: 'export' | 'highlights') => {
    const chosen = scope();
    if (!chosen || dir.trim() === '') return;
    const folder = dir.trim().replace(/[\\/]+$/, '');
    localStorage.setItem(LAST_DIR_KEY, folder);
    if (what === 'highlights') void s.runHighlights(`${folder}/Highlights.md`, chosen);
    else if (format === 'markdown') void s.runExport(folder, chosen);
    else void s.runBibliography(format, `${folder}/references.${format === 'bibtex' ? 'bib' : 'json'}`, chosen);
  };

  return (
    <Modal
      title="Export"
      onClose={s.close}
      className={s.hasConflicts ? 'export-dialog wide' : 'export-dialog'}
      footer={
        <>
          <span className="grow">Margin only rewrites its own sections; text you add around them is kept.</span>
          <button type="button" className="btn" disabled={s.busy} onClick={() => run('highlights')}>
            Export highlights file
          </button>
          <button
            type="button"
            className="btn primary"
            disabled={s.busy || dir.trim() === ''}
            onClick={() => run('export')}
          >
            {format === 'markdown' ? 'Export notes' : 'Export references'}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field-label" htmlFor="export-folder">
          Folder
        </label>
        <div className="folder-row">
          <input
            id="export-folder"
            className="text-input"
            aria-label="Folder"
            value={dir}
            onChange={(e) => setDir(e.target.value)}
            placeholder="/path/to/your/vault/Papers"
            spellCheck={false}
          />
          {/* The app writes only into a folder picked here (or a folder inside it); main decides, not this page. */}
          <button
            type="button"
            className="btn"
            onClick={() => void s.chooseFolder().then((picked) => picked !== null && setDir(picked))}
          >
            Choose…
          </button>
        </div>
      </div>
      <label className="field">
        <span className="field-label">Format</span>
        {/* the options are exactly the Format keys */}
        <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="scope">
        <legend className="field-label">Papers</legend>
        <label>
          <input
            type="radio"
            name="scope"
            checked={kind === 'selection'}
            disabled={!s.paper && s.multi.length < 2}
            onChange={() => setKind('selection')}
          />{' '}
          {s.multi.length > 1
            ? `The ${s.multi.length.toLocaleString()} selected papers`
            : `This paper${s.paper ? `: ${s.paper.title.slice(0, 60)}${s.paper.title.length > 60 ? '…' : ''}` : ''}`}
        </label>
        <label>
          <input
            type="radio"
            name="scope"
            checked={kind === 'tag'}
            disabled={s.tags.length === 0}
            onChange={() => setKind('tag')}
          />{' '}
          Tag{' '}
          <select
            aria-label="Tag"
            value={tag}
            onChange={(e) => {
              setTag(e.target.value);
              setKind('tag');
            }}
            disabled={s.tags.length === 0}
          >
            {s.tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="scope" checked={kind === 'status'} onChange={() => setKind('status')} /> Status{' '}
          {/* the options are exactly STATUSES, so the value is a Status */}
          <select
            aria-label="Export status"
            value={status}
            onChange={(e) => {
              setStatus(e.target.value as Status);
              setKind('status');
            }}
          >
            {STATUSES.map((st) => (
              <option key={st} value={st}>
                {STATUS_LABELS[st]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="radio" name="scope" checked={kind === 'all'} onChange={() => setKind('all')} /> All papers
        </label>
      </fieldset>
      {s.busy && <p role="status">Exporting…</p>}
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      {s.report && (
        <section aria-label="Export result" className="export-result">
          <div className="preview-summary" role="status">
            <div className="stat">
              <strong>{s.report.written.length}</strong>
              <span>written</span>
            </div>
            <div className="stat">
              <strong>{s.report.unchanged.length}</strong>
              <span>unchanged</span>
            </div>
            <div className="stat">
              <strong>{s.report.conflicts.length}</strong>
              <span>conflicts</span>
            </div>
          </div>
          <p className="hint-text">In {s.report.dir}</p>
          {s.report.highlights && (
            <p className="hint-text">
              {s.report.highlights.outcome === 'conflict'
                ? `Highlights file not written: ${s.report.highlights.reason ?? 'you edited it'}.`
                : `Highlights file ${s.report.highlights.outcome === 'written' ? 'refreshed' : 'unchanged'}: ${plural(s.report.highlights.highlights, 'highlight')} from ${plural(s.report.highlights.papers, 'paper')}.`}
            </p>
          )}
        </section>
      )}
      <ExportConflicts />
      {s.digest && (
        <p role="status">
          {s.digest.outcome === 'conflict'
            ? `Not written: ${s.digest.reason}.`
            : `${s.digest.outcome === 'written' ? 'Wrote' : 'Unchanged:'} ${s.digest.file}`}{' '}
          ({s.digest.highlights} {s.digest.unit ?? 'highlights'})
        </p>
      )}
    </Modal>
  );
}
