import { memo } from 'react';
import type { ListRow } from '../../../../shared/models/views.js';
import { STATUS_LABELS } from '../sidebar/views.js';
import { Icon } from '../../ui/Icon.js';
import { TexText } from '../../ui/math/TexText.js';

export const ROW_HEIGHT = 108;

function authorLine(row: ListRow): string {
  if (row.authorCount === 0) return '';
  const names = row.authors.slice(0, 2).join(', ');
  const line = row.authorCount > 2 ? `${names} et al.` : names;
  return row.byEditors ? `${line} (${row.authorCount > 1 ? 'eds.' : 'ed.'})` : line;
}

/** One paper in the list: title, first authors, year, tags, highlight count. */
export const PaperRow = memo(function PaperRow({
  row,
  index,
  total,
  top,
  selected,
  onSelect,
}: {
  row: ListRow;
  index: number;
  total: number;
  top: number;
  selected: boolean;
  onSelect: (index: number) => void;
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
      className="row"
      style={{ top, height: ROW_HEIGHT }}
      onMouseDown={() => onSelect(index)}
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
      </div>
      {row.tags.length > 0 && (
        <div className="chips">
          {row.tags.slice(0, 4).map((tag) => (
            <span key={tag} className="chip">
              {tag}
            </span>
          ))}
        </div>
      )}
    </div>
  );
});

export function PlaceholderRow({ top }: { top: number }) {
  return (
    <div className="row placeholder" style={{ top, height: ROW_HEIGHT }} aria-hidden="true">
      <div className="title">Loading</div>
    </div>
  );
}
