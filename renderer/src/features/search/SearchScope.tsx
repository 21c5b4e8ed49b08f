import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { viewTitle } from '../sidebar/views.js';

/**
 * Where a search looks, above its results: everywhere (with a way to narrow to the view it was typed in), or
 * only in that view (the chip "in Inbox ×" widens it again); and the filters it could not read, explained.
 */
export function SearchScope() {
  const s = useMargin(
    useShallow((st) => ({
      search: st.search,
      view: st.view,
      inView: st.searchInView,
      problems: st.searchProblems,
      note: st.searchNote,
      setInView: st.setSearchInView,
    })),
  );
  if (s.search.trim() === '') return null;
  const name = viewTitle(s.view);
  const narrowable = s.view.kind !== 'all' && s.view.kind !== 'trash';
  return (
    <div className="search-scope">
      {narrowable &&
        (s.inView ? (
          <button
            type="button"
            className="chip removable"
            aria-label={`Search all papers, not only ${name}`}
            onClick={() => void s.setInView(false)}
          >
            in {name} ×
          </button>
        ) : (
          <>
            <span className="hint">Searching all papers</span>
            <button type="button" className="btn small ghost" onClick={() => void s.setInView(true)}>
              Only in {name}
            </button>
          </>
        ))}
      {s.note && (
        <p className="hint search-note" role="status">
          {s.note}
        </p>
      )}
      {s.problems.length > 0 && (
        <ul className="search-problems" role="status" aria-label="Search filters not understood">
          {s.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
