import { useShallow } from 'zustand/react/shallow';
import type { ArxivCandidate } from '../../../../shared/models/citations.js';
import { useMargin } from '../../store/use-margin.js';

function byline(candidate: ArxivCandidate): string {
  const { authors } = candidate;
  const names = authors.length > 3 ? `${authors.slice(0, 3).join(', ')} et al.` : authors.join(', ');
  return [names, candidate.year].filter((part) => part !== '' && part !== null).join(' · ');
}

/** What "Find on arXiv" found for the open paper: a few papers to choose from, or why there are none. */
export function ArxivMatches({ paperId }: { paperId: string }) {
  const { find, apply, close } = useMargin(
    useShallow((s) => ({ find: s.arxivFind, apply: s.applyArxivMatch, close: s.closeArxivFind })),
  );
  if (!find || find.paperId !== paperId) return null;
  return (
    <section className="arxiv-find" aria-label="Find on arXiv" aria-busy={find.busy}>
      <header>
        <h2>Find on arXiv</h2>
        <button type="button" className="btn small ghost" onClick={close}>
          Close
        </button>
      </header>
      {find.busy && find.candidates.length === 0 && <p role="status">Searching arXiv for this title…</p>}
      {find.message && <p role="status">{find.message}</p>}
      {find.candidates.length > 0 && (
        <>
          <p className="faint">Choosing one fills in what this paper lacks; nothing you wrote changes.</p>
          <ul>
            {find.candidates.map((candidate) => (
              <li key={candidate.arxivId}>
                <div className="arxiv-candidate">
                  <span className="arxiv-title">{candidate.title}</span>
                  <span className="faint">{byline(candidate)}</span>
                  <span className="faint">arXiv:{candidate.arxivId}</span>
                </div>
                <button
                  type="button"
                  className="btn small"
                  disabled={find.busy}
                  aria-label={`Use this: arXiv:${candidate.arxivId}`}
                  onClick={() => void apply(candidate.arxivId)}
                >
                  Use this
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
