import { memo } from 'react';
import type { ListRow } from '../../../../shared/models/views.js';
import { STATUS_LABELS } from '../sidebar/views.js';
import { Icon } from '../../ui/Icon.js';
import { TexText } from '../../ui/math/TexText.js';

/** What a row is expected to measure before it is drawn (rows fit their content and are then measured). */
export const ROW_ESTIMATE = { comfortable: 74, compact: 46 } as const;

function authorLine(row: ListRow): string {
  if (row.authorCount === 0) return '';
  const names = row.authors.slice(0, 2).join(', ');
  const line = row.authorCount > 2 ? `${names} et al.` : names;
  return row.byEditors ? `${line} (${row.authorCount > 1 ? 'eds.' : 'ed.'})` : line;
}

/** How a click selects: this row alone, this row added or taken out (Ctrl/Cmd), or a range to it (Shift). */
export type PickHow = 'single' | 'toggle' | 'range';

/** One paper in the list: title, first authors, year, tags, highlight count. */
export const PaperRow = memo(function PaperRow({
  row,
  index,
  total,
  top,
  selected,
  current,
  onPick,
  measure,
}: {
  row: ListRow;
  index: number;
  total: number;
  top: number;
  /** In the selection (the one selected paper, or one of several). */
  selected: boolean;
  /** Where the keyboard is, when several are selected. */
  current: boolean;
  onPick: (index: number, how: PickHow) => void;
  /** Tells the virtual list the row's real height. */
  measure: (element: HTMLElement | null) => void;
}) {
  const authors = authorLine(row);
  return (
    <div
      role="option"
      id={`paper-${row.id}`}
      aria-label={row.title}
      aria-selected={selected}
      aria-setsize={total}
      aria-posinset={index + 1}
      className={current ? 'row current' : 'row'}
      ref={measure}
      data-index={index}
      style={{ top }}
      onMouseDown={(event) => {
        if (event.button !== 0) return;
        if (event.shiftKey) event.preventDefault(); // a Shift range selects rows, not their text
        onPick(index, event.shiftKey ? 'range' : event.ctrlKey || event.metaKey ? 'toggle' : 'single');
      }}
    >
      <div className="title">
        <TexText text={row.title} />
      </div>
      <div className="meta">
        <span className={`status-dot status-${row.status}`} />
        <span>{STATUS_LABELS[row.status]}</span>
        {authors && <span className="authors">{authors}</span>}
        {row.year !== null && <span>{row.year}</span>}
        {row.annotationCount > 0 && (
          <span className="badge" title={`${row.annotationCount} highlights`}>
            <Icon name="highlight" /> {row.annotationCount}
          </span>
        )}
        {row.hasNote && (
          <span className="badge" title="Has a note">
            <Icon name="note" />
          </span>
        )}
        {row.reading ? (
          <span className="badge" title={`PDF: page ${row.reading.page} of ${row.reading.pages} read`}>
            PDF {row.reading.page}/{row.reading.pages}
          </span>
        ) : (
          row.attachmentCount > 0 && (
            <span className="badge" title="Has a PDF">
              PDF
            </span>
          )
        )}
        {row.tags.slice(0, 4).map((tag) => (
          <span key={tag} className="chip">
            {tag}
          </span>
        ))}
      </div>
      {row.snippet && <div className="snippet">{row.snippet}</div>}
    </div>
  );
});

export function PlaceholderRow({ top, height }: { top: number; height: number }) {
  return (
    <div className="row placeholder" style={{ top, height }} aria-hidden="true">
      <div className="title">Loading</div>
    </div>
  );
}
