import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportFailure, SkippedText } from '../../../../shared/models/import-report.js';
import type { ImportPreview, PreviewItem } from '../../../../shared/models/views.js';
import { fieldLabel } from '../../../../shared/models/paper.js';
import { importSeedFromFile, pastedImport } from './use-import-gestures.js';
import { importSummary, type ImportCorrection } from './import-slice.js';
import { ImportProgressBar } from './ImportProgressBar.js';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';
import { TexText } from '../../ui/math/TexText.js';

const OUTCOME_LABEL: Readonly<Record<PreviewItem['outcome'], string>> = {
  new: 'New',
  merge: 'Merge',
  same: 'In library',
};
const OUTCOME_ORDER: Readonly<Record<PreviewItem['outcome'], number>> = { new: 0, merge: 1, same: 2 };
const KIND_LABEL: Readonly<Record<NonNullable<PreviewItem['kind']>, [string, string]>> = {
  new: ['new', 'new'],
  'cross-list': ['cross-list', 'cross-lists'],
  replaced: ['replaced', 'replaced'],
};
/** Corrections offered for a mis-read digest entry, in menu order. */
const CORRECTIONS: ReadonlyArray<{ action: ImportCorrection; label: string; first: boolean }> = [
  { action: 'not-a-paper', label: 'Not a paper', first: true },
  { action: 'join-next', label: 'Join with the next', first: true },
  { action: 'abstract-of-previous', label: 'This is the abstract of the one above', first: false },
];

/** Paste or choose a file, see what will be added, merged or skipped, correct any mis-read, then import. Nothing is written before "Import". */
export function ImportDialog() {
  const s = useMargin(
    useShallow((st) => ({
      text: st.importText,
      html: st.importHtml,
      fileName: st.importFileName,
      encoding: st.importEncoding,
      excluded: st.importExcluded,
      corrections: st.importCorrections,
      categoryTags: st.importCategoryTags,
      preview: st.importPreview,
      error: st.importError,
      busy: st.importBusy,
      result: st.importResult,
      setText: st.setImportText,
      setIncluded: st.setImportIncluded,
      correct: st.correctImportEntry,
      clearCorrections: st.clearImportCorrections,
      setCategoryTags: st.setImportCategoryTags,
      runImport: st.runImport,
      close: st.closeDialog,
      showToast: st.showToast,
      notSame: st.notSamePaper,
      startTriage: st.startTriage,
      triageBusy: st.triageBusy,
      triageError: st.triageError,
      cancelled: st.importCancelled,
    })),
  );
  const fileInput = useRef<HTMLInputElement>(null);

  if (s.result) {
    const { added, merged, unchanged, failed, skipped } = s.result;
    return (
      <Modal
        title="Import papers"
        onClose={s.close}
        footer={
          <button type="button" className="btn primary" data-autofocus onClick={s.close}>
            Done
          </button>
        }
      >
        <p role="status">{importSummary({ added, merged, unchanged })}</p>
        {failed.length > 0 && <Failures failed={failed} fileName={s.fileName} />}
        {skipped.length > 0 && <Skipped skipped={skipped} fileName={s.fileName} />}
      </Modal>
    );
  }

  const p = s.preview;
  // A page read from its HTML alone: its line numbers count lines of text the user never saw, so none are shown.
  const htmlOnly = s.html !== null && s.text === '';
  const canImport = p !== null && p.added + p.merged > 0 && !s.busy;
  const isDigest = p?.digest != null;
  // A digest keeps the page's order, so "the next" and "the one above" mean what they say; other imports list what changes first.
  const items =
    p === null
      ? []
      : isDigest
        ? p.items
        : [...p.items].sort((x, y) => OUTCOME_ORDER[x.outcome] - OUTCOME_ORDER[y.outcome]);
  return (
    <Modal
      title="Import papers"
      className="import-dialog"
      onClose={s.close}
      footer={
        <>
          <span className="grow">
            {s.fileName
              ? `From ${s.fileName}${s.encoding ? `, read as ${s.encoding}` : ''}`
              : 'Digests (arXiv, Scholar, bioRxiv, Hugging Face, any page), BibTeX, RIS, CSL-JSON, arXiv feeds or ids.'}
          </span>
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".txt,.bib,.ris,.json,.xml,.md,.html,.htm,text/plain,text/html"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              void importSeedFromFile(file).then(
                (seed) => s.setText(seed.text, seed.fileName, seed.html ?? null, seed.encoding ?? null),
                (error: unknown) => s.showToast(error instanceof Error ? error.message : String(error)),
              );
            }}
          />
          <button type="button" className="btn" onClick={() => fileInput.current?.click()}>
            Choose file…
          </button>
          <button type="button" className="btn" onClick={s.close}>
            Cancel
          </button>
          {isDigest ? (
            <>
              {/* A digest is triaged, one key per paper; importing it all is the second choice. */}
              <button type="button" className="btn" disabled={!canImport} onClick={() => void s.runImport()}>
                Import
              </button>
              <button
                type="button"
                className="btn primary"
                disabled={p === null || s.busy || s.triageBusy}
                onClick={
                  () => void s.startTriage({ text: s.text, html: s.html, fileName: s.fileName }).catch(() => undefined) // said under the box
                }
              >
                Triage…
              </button>
            </>
          ) : (
            <button type="button" className="btn primary" disabled={!canImport} onClick={() => void s.runImport()}>
              Import
            </button>
          )}
        </>
      }
    >
      <textarea
        aria-label="Paste papers"
        data-autofocus
        placeholder={
          htmlOnly
            ? 'A web page, read from its HTML: its text and the links under its titles. Type or paste here to replace it.'
            : 'Paste a daily digest here (an arXiv listing or email, a Scholar or bioRxiv alert, a Hugging Face page), or a BibTeX, RIS or CSL-JSON file.'
        }
        value={s.text}
        onChange={(e) => s.setText(e.target.value, null)}
        onPaste={(e) => {
          // Pasting over everything keeps the clipboard's HTML too, for the links under the titles.
          const area = e.currentTarget;
          const replacesAll =
            area.value === '' || (area.selectionStart === 0 && area.selectionEnd === area.value.length);
          const seed = pastedImport(e);
          if (!replacesAll || !seed) return;
          e.preventDefault();
          s.setText(seed.text, null, seed.html ?? null);
        }}
        spellCheck={false}
      />
      <ImportProgressBar />
      {s.cancelled && (
        <p className="import-cancelled" role="status">
          Import cancelled — nothing was changed.
        </p>
      )}
      {s.triageError && (
        <p className="error" role="alert">
          {s.triageError}
        </p>
      )}
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      {p && (
        <section aria-label="Preview" className="preview">
          {p.digest && (
            <SourceLine preview={p} categoryTags={s.categoryTags} onCategoryTags={(on) => void s.setCategoryTags(on)} />
          )}
          <div className="preview-summary" role="status">
            <div className="stat">
              <strong>{p.added}</strong>
              <span>new</span>
            </div>
            <div className="stat">
              <strong>{p.merged}</strong>
              <span>to merge</span>
            </div>
            <div className="stat">
              <strong>{p.unchanged}</strong>
              <span>already in the library</span>
            </div>
            {p.failed.length > 0 && (
              <div className="stat">
                <strong>{p.failed.length}</strong>
                <span>could not be read</span>
              </div>
            )}
            {p.digest && p.digest.skipped.length > 0 && (
              <div className="stat">
                <strong>{p.digest.skipped.length}</strong>
                <span>skipped text</span>
              </div>
            )}
          </div>
          {p.digest && p.items.length === 0 && (
            <p className="empty-preview" role="note">
              No papers found in this text. Margin looks for titles, each followed by an abstract, an author line or an
              arXiv id
              {p.digest.skipped.length > 0 ? '; what it read is under Skipped text.' : '.'}
            </p>
          )}
          {p.items.length > 0 && p.added + p.merged === 0 && (
            <p className="empty-preview" role="note">
              Nothing new to import: every paper here is already in your library as it is.
            </p>
          )}
          {s.corrections.size > 0 && (
            <p className="corrections">
              {s.corrections.size} {s.corrections.size === 1 ? 'correction' : 'corrections'}
              <button type="button" className="btn small ghost" onClick={() => void s.clearCorrections()}>
                Undo corrections
              </button>
            </p>
          )}
          {items.length > 0 && (
            <ul className="preview-list" aria-label="Papers in this import">
              {items.map((item, position) => (
                <PreviewRow
                  key={`${item.index}:${item.title}`}
                  item={item}
                  // Ticks answer at once; the preview catches up a moment later.
                  included={!s.excluded.has(item.index)}
                  first={position === 0}
                  showLine={!htmlOnly}
                  corrections={isDigest}
                  onToggle={() => void s.setIncluded(item.index, s.excluded.has(item.index))}
                  onCorrect={(correction) => void s.correct(item.index, correction)}
                  onNotSame={() => item.paperId !== null && void s.notSame(item.paperId, item.entryKey)}
                />
              ))}
            </ul>
          )}
          {p.failed.length > 0 && <Failures failed={p.failed} fileName={s.fileName} />}
          {p.digest && p.digest.skipped.length > 0 && (
            <Skipped skipped={p.digest.skipped} fileName={s.fileName} showLines={!htmlOnly} />
          )}
        </section>
      )}
    </Modal>
  );
}

/** "arXiv listing · cs.LG new · 13 new, 3 replaced", and the offer to tag papers with their categories. */
function SourceLine({
  preview,
  categoryTags,
  onCategoryTags,
}: {
  preview: ImportPreview;
  categoryTags: boolean;
  onCategoryTags: (on: boolean) => void;
}) {
  const digest = preview.digest;
  if (!digest) return null;
  const kinds = new Map<NonNullable<PreviewItem['kind']>, number>();
  for (const item of preview.items) if (item.kind) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
  const kindText = [...kinds].map(([kind, n]) => `${n} ${KIND_LABEL[kind][n === 1 ? 0 : 1]}`).join(', ');
  const hasCategories = preview.items.some((item) => item.categories.length > 0);
  const example = preview.items.find((item) => item.categories.length > 0)?.categories[0];
  return (
    <div className="source-line">
      <span aria-label="Recognised source">
        <strong>{digest.label}</strong>
        {digest.detail && ` · ${digest.detail}`}
        {kindText && ` · listed as ${kindText}`}
      </span>
      {hasCategories && (
        <label className="check">
          <input type="checkbox" checked={categoryTags} onChange={(e) => onCategoryTags(e.target.checked)} />
          Tag with arXiv categories{example ? ` (arxiv/${example})` : ''}
        </label>
      )}
    </div>
  );
}

function PreviewRow({
  item,
  included,
  first,
  showLine,
  corrections,
  onToggle,
  onCorrect,
  onNotSame,
}: {
  item: PreviewItem;
  included: boolean;
  first: boolean;
  showLine: boolean;
  corrections: boolean;
  onToggle: () => void;
  onCorrect: (correction: ImportCorrection) => void;
  onNotSame: () => void;
}) {
  const [menuOpen, setMenuOpen] = useState(false);
  const menuRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (menuOpen) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menuOpen]);
  const authors =
    item.authors.join(', ') +
    (item.authorCount > item.authors.length ? ` +${item.authorCount - item.authors.length}` : '');
  return (
    <li className={included ? undefined : 'excluded'}>
      <input type="checkbox" checked={included} onChange={onToggle} aria-label={`Import ${item.title}`} />
      <span className={`outcome outcome-${!included ? 'off' : item.repeatOfLine !== null ? 'same' : item.outcome}`}>
        {!included ? 'Unticked' : item.repeatOfLine !== null ? 'Again' : OUTCOME_LABEL[item.outcome]}
      </span>
      <span className="grow-text">
        <span className="item-title">
          <TexText text={item.title} />
        </span>
        <span className="item-meta">
          {authors !== '' && <span>{authors}</span>}
          {item.arxivId && <span>arXiv:{item.arxivId}</span>}
          {!item.arxivId && item.doi && <span>doi:{item.doi}</span>}
          {item.kind && item.kind !== 'new' && <span className="chip">{KIND_LABEL[item.kind][0]}</span>}
          {item.repeatOfLine !== null && (
            <span className="chip">
              {item.repeatOfLine > 0 && showLine
                ? `same paper as line ${item.repeatOfLine}`
                : 'same paper as an entry above'}
            </span>
          )}
          {!item.hasAbstract && <span className="faint">no abstract</span>}
          {showLine && item.line !== null && <span className="faint">line {item.line}</span>}
          {item.changes.length > 0 && <span className="chip">adds {item.changes.map(fieldLabel).join(', ')}</span>}
        </span>
      </span>
      {item.paperId !== null && (
        <button
          type="button"
          className="btn small ghost"
          aria-label={`Not the same paper: ${item.title}`}
          onClick={onNotSame}
        >
          Not the same paper
        </button>
      )}
      {corrections && (
        <span className="menu-anchor">
          <button
            type="button"
            className="btn small ghost"
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            aria-label={`Correct the reading of ${item.title}`}
            onClick={() => setMenuOpen((open) => !open)}
          >
            Fix…
          </button>
          {menuOpen && (
            <ul
              ref={menuRef}
              role="menu"
              aria-label={`Corrections for ${item.title}`}
              className="menu"
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setMenuOpen(false);
                  return;
                }
                // Arrow keys move between the items, as in any menu.
                if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
                e.preventDefault();
                const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
                const at = items.findIndex((item) => item === document.activeElement);
                const next =
                  at < 0
                    ? e.key === 'ArrowDown'
                      ? 0
                      : items.length - 1
                    : (at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
                items[next]?.focus();
              }}
              onBlur={(e) => {
                if (!e.currentTarget.contains(e.relatedTarget)) setMenuOpen(false);
              }}
            >
              {CORRECTIONS.filter((c) => c.first || !first).map((c) => (
                <li key={c.action} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    onClick={() => {
                      setMenuOpen(false);
                      onCorrect(c.action);
                    }}
                  >
                    {c.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </span>
      )}
    </li>
  );
}

function Failures({ failed, fileName }: { failed: readonly ImportFailure[]; fileName: string | null }) {
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

/** Text of the digest that became no paper: shown with its line, never imported silently. */
function Skipped({
  skipped,
  fileName,
  showLines = true,
}: {
  skipped: readonly SkippedText[];
  fileName: string | null;
  showLines?: boolean;
}) {
  return (
    <details className="skipped">
      <summary>Skipped text ({skipped.length}): read, but not a paper</summary>
      <ul aria-label="Skipped text">
        {skipped.map((item, i) => (
          <li key={i}>
            {showLines && (
              <span className="faint">
                {fileName ?? 'Pasted text'}, line {item.line}{' '}
              </span>
            )}
            {item.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
