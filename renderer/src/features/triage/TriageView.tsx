import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MarginStore } from '../../store/use-margin.js';
import { useMargin, useMarginStore } from '../../store/use-margin.js';
import { isTyping } from '../commands/use-global-keys.js';
import { TriageCard } from './TriageCard.js';
import { TriageSummaryView } from './TriageSummaryView.js';
import type { ShownItem } from './triage-order.js';

const DECISION_LABELS = { keep: 'Keep', read: 'Reading', skip: 'Skip' } as const;

/** The keys of a triage, read on the window so they work wherever focus is (outside text fields and dialogs). */
function useTriageKeys(store: MarginStore): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = store.getState();
      if (!s.triage || s.triageDone || s.dialog !== null || isTyping(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const key = event.key;
      let handled = true;
      if (key === 'k') void s.decideTriage('keep');
      else if (key === 'r') void s.decideTriage('read');
      else if (key === 'x') void s.decideTriage('skip');
      else if (key === 'u') void s.undoTriageDecision();
      else if (key === 'ArrowDown' || key === 'n') s.moveTriage(1);
      else if (key === 'ArrowUp' || key === 'p') s.moveTriage(-1);
      else if (/^[1-9]$/.test(key)) void s.toggleQuickTag(Number(key) - 1);
      else if (key === 'Escape') s.closeTriage();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** Morning triage: one key per paper for what is new in a digest. */
export function TriageView() {
  const store = useMarginStore();
  const s = useMargin(
    useShallow((st) => ({
      triage: st.triage,
      shown: st.triageShown,
      at: st.triageAt,
      showSkipped: st.triageShowSkipped,
      busy: st.triageBusy,
      error: st.triageError,
      done: st.triageDone,
      watch: st.watchList,
    })),
  );
  useTriageKeys(store);
  if (!s.triage) return null;
  const { counts, label } = s.triage.session;
  const decided = s.shown.filter((x) => x.item.decision !== null).length;
  const state = store.getState();

  return (
    <section className="triage" aria-label="Triage">
      <header className="triage-header">
        <div className="triage-title">
          <h2>Triage</h2>
          <span className="triage-source">{label}</span>
        </div>
        <p className="triage-counts">
          {plural(counts.new, 'new', 'new')} · {counts.inLibrary.toLocaleString()} already in your library ·{' '}
          {counts.skippedBefore.toLocaleString()} skipped before · {plural(counts.newVersion, 'new version')}
        </p>
        <span className="spacer" />
        {!s.done && (
          <span className="triage-progress" role="status" aria-live="polite">
            {decided.toLocaleString()} of {s.shown.length.toLocaleString()}
          </span>
        )}
        {!s.done && (
          <>
            <button type="button" className="btn small" onClick={() => void state.decideRemaining('keep')}>
              Keep all remaining
            </button>
            <button type="button" className="btn small" onClick={() => void state.decideRemaining('skip')}>
              Skip all remaining
            </button>
            <button
              type="button"
              className="btn small"
              aria-pressed={s.showSkipped}
              disabled={counts.skippedBefore === 0}
              onClick={() => state.setTriageShowSkipped(!s.showSkipped)}
            >
              Show skipped
            </button>
            <button type="button" className="btn small" onClick={() => state.openDialog('watch')}>
              Watch list…
            </button>
            <button
              type="button"
              className="btn small primary"
              disabled={s.busy}
              onClick={() => void state.finishTriage()}
            >
              Finish
            </button>
          </>
        )}
        <button type="button" className="btn small ghost" onClick={() => state.closeTriage()}>
          Close
        </button>
      </header>
      {s.error && (
        <p className="error notice" role="alert">
          {s.error}
        </p>
      )}
      {s.done ? (
        <TriageSummaryView done={s.done} />
      ) : s.shown.length === 0 ? (
        <div className="empty">
          <h2>Nothing new</h2>
          <p>
            Every paper in this digest is already in your library
            {counts.skippedBefore > 0 ? ' or was skipped before' : ''}.
          </p>
        </div>
      ) : (
        <div className="triage-body">
          <TriageList shown={s.shown} at={s.at} />
          <TriageCard shown={s.shown[s.at]} quickTags={s.watch.quickTags} keywords={s.watch.keywords} />
        </div>
      )}
      {!s.done && (
        <footer className="triage-keys" aria-label="Keys">
          <span>
            <kbd>k</kbd> keep
          </span>
          <span>
            <kbd>r</kbd> keep and read
          </span>
          <span>
            <kbd>x</kbd> skip
          </span>
          <span>
            <kbd>1</kbd>–<kbd>9</kbd> quick tags
          </span>
          <span>
            <kbd>u</kbd> undo
          </span>
          <span>
            <kbd>↓</kbd>/<kbd>n</kbd> next · <kbd>↑</kbd>/<kbd>p</kbd> previous
          </span>
          <span>
            <kbd>Esc</kbd> close (decisions are kept)
          </span>
        </footer>
      )}
    </section>
  );
}

/** The digest's papers to decide on, virtualized (a digest may hold thousands). */
function TriageList({ shown, at }: { shown: readonly ShownItem[]; at: number }) {
  const showAt = useMargin((s) => s.showTriageAt);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 58,
    overscan: 8,
  });
  useEffect(() => {
    virtualizer.scrollToIndex(at, { align: 'auto' });
  }, [at, virtualizer]);
  const current = shown[at];
  return (
    <div
      ref={scrollRef}
      className="triage-list"
      role="listbox"
      aria-label="Digest papers"
      tabIndex={-1}
      aria-activedescendant={current ? `triage-${current.item.index}` : undefined}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = shown[row.index];
          if (!entry) return null;
          const { item, reasons } = entry;
          return (
            <div
              key={item.index}
              id={`triage-${item.index}`}
              role="option"
              aria-selected={row.index === at}
              aria-label={item.title}
              className={`triage-row${item.decision ? ` decided decided-${item.decision}` : ''}`}
              style={{ top: row.start, height: row.size }}
              onMouseDown={() => showAt(row.index)}
            >
              <span className="triage-row-title">{item.title}</span>
              <span className="triage-row-meta">
                {item.decision && <span className="decision">{DECISION_LABELS[item.decision]}</span>}
                {item.group === 'new-version' && <span className="chip">new version</span>}
                {item.group === 'skipped-before' && <span className="chip">skipped before</span>}
                {reasons.length > 0 && <span className="watch">matches: {reasons.join(', ')}</span>}
                {item.tags.map((t) => (
                  <span key={t} className="chip">
                    {t}
                  </span>
                ))}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
