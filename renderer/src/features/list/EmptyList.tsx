import type { View } from '../../../../shared/ipc/contract.js';
import { useMargin } from '../../store/use-margin.js';
import { Icon } from '../../ui/Icon.js';
import { viewTitle } from '../sidebar/views.js';

/** What an empty list says, and what to do next. */
export function EmptyList({ view, searching }: { view: View; searching: boolean }) {
  const openImport = useMargin((s) => s.openImport);
  const total = useMargin((s) => s.overview?.total ?? 0);
  const elsewhere = useMargin((s) => s.elsewhereCount);
  const searchEverywhere = useMargin((s) => s.setSearchInView);
  if (searching) {
    return (
      <div className="empty">
        <Icon name="search" />
        <h2>No papers match{view.kind === 'all' ? '' : ` in ${viewTitle(view)}`}</h2>
        {elsewhere !== null && elsewhere > 0 ? (
          <button type="button" className="btn primary" onClick={() => void searchEverywhere(false)}>
            {elsewhere.toLocaleString()} {elsewhere === 1 ? 'match' : 'matches'} in All papers
          </button>
        ) : (
          <p>Try fewer words or a prefix. Filters: tag:x, status:reading, year:&gt;=2024, "a phrase", -word.</p>
        )}
      </div>
    );
  }
  if (total === 0) {
    return (
      <div className="empty">
        <Icon name="paper" />
        <h2>Your reading list is empty</h2>
        <p>Paste a daily digest of papers anywhere (Ctrl+V), drop a file here, or import one.</p>
        <button type="button" className="btn primary" onClick={() => openImport(null)}>
          Import papers…
        </button>
      </div>
    );
  }
  if (view.kind === 'trash') {
    return (
      <div className="empty">
        <Icon name="trash" />
        <h2>The Trash is empty</h2>
        <p>Papers you delete (Delete key) wait here until you empty the Trash.</p>
      </div>
    );
  }
  const message =
    view.kind === 'status' && view.status === 'inbox' ? 'Inbox zero. New imports land here.' : 'Nothing here yet.';
  return (
    <div className="empty">
      <Icon name={view.kind === 'status' && view.status === 'inbox' ? 'read' : 'paper'} />
      <h2>{message}</h2>
      <p>Press s on a paper to move it along: Inbox → To read → Reading → Read.</p>
    </div>
  );
}
