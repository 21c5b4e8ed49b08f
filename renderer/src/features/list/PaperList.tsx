import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SORTS, type Sort } from '../../../../shared/models/views.js';
import { viewTitle } from '../sidebar/views.js';
import { useMargin } from '../../store/use-margin.js';
import { EmptyList } from './EmptyList.js';
import { searchedView } from './list-slice.js';
import { SearchScope } from '../search/SearchScope.js';
import { searchTerms } from '../../../../shared/text/search-terms.js';
import { useSearchHighlight } from '../../ui/search-highlight.js';
import { PaperRow, PlaceholderRow, ROW_ESTIMATE, type PickHow } from './PaperRow.js';
import { Icon } from '../../ui/Icon.js';

const SORT_LABELS: Readonly<Record<Sort, string>> = {
  relevance: 'Best match',
  added: 'Newest added',
  title: 'Title',
  year: 'Year',
};

/** The virtualized paper list: only the rows in view (plus a few) are in the DOM, whatever the library's size. */
export const PaperList = forwardRef<HTMLDivElement>(function PaperList(_props, forwarded) {
  const { total, rows, selectedIndex, sort, listLoaded, listError, search, multi, density, searched } = useMargin(
    useShallow((s) => ({
      searched: searchedView(s),
      density: s.layout.density,
      multi: s.multi,
      total: s.total,
      rows: s.rows,
      selectedIndex: s.selectedIndex,
      sort: s.sort,
      listLoaded: s.listLoaded,
      listError: s.listError,
      search: s.search,
    })),
  );
  const { select, ensureRange, setSort, moveSelection, toggleSelected, extendSelection, setLayout } = useMargin(
    useShallow((s) => ({
      setLayout: s.setLayout,
      select: s.select,
      toggleSelected: s.toggleSelected,
      extendSelection: s.extendSelection,
      ensureRange: s.ensureRange,
      setSort: s.setSort,
      moveSelection: s.moveSelection,
    })),
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  useImperativeHandle(forwarded, () => scrollRef.current as HTMLDivElement); // mounted before any caller can use it

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE[density],
    overscan: 6,
    // Rows are measured once drawn; keyed by paper so a measured height follows its paper, not its position.
    getItemKey: (index) => rows[index]?.id ?? `placeholder-${index}`,
  });
  // A new density changes every row's height: measure again.
  useEffect(() => virtualizer.measure(), [density, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) void ensureRange(first, last);
  }, [first, last, total, ensureRange, rows]);

  useEffect(() => {
    if (total > 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  const selectedRow = rows[selectedIndex];
  const chosen = useMemo(() => new Set(multi), [multi]);
  // While searching, the words are marked in the rows drawn (titles and snippets).
  const terms = useMemo(() => searchTerms(search), [search]);
  // Marked again whenever other rows are drawn or rows change (their snippets arrive after them).
  const drawn = useMemo(() => ({ first, last, total, rows }), [first, last, total, rows]);
  useSearchHighlight(scrollRef, 'margin-search-list', terms, drawn);
  const pick = useCallback(
    (index: number, how: PickHow) => {
      if (how === 'toggle') toggleSelected(index);
      else if (how === 'range') void extendSelection(index);
      else select(index);
    },
    [select, toggleSelected, extendSelection],
  );

  return (
    <section className="list-pane" aria-label="Paper list">
      <div className="list-header">
        <h2>
          {viewTitle(searched)}
          {listLoaded && (
            <>
              <span className="visually-hidden">, </span>
              <span className="total">{total.toLocaleString()}</span>
              <span className="visually-hidden"> {total === 1 ? 'paper' : 'papers'}</span>
            </>
          )}
        </h2>
        <button
          type="button"
          className="btn ghost small icon-only"
          aria-label="Compact rows"
          aria-pressed={density === 'compact'}
          title="Compact rows"
          onClick={() => setLayout({ density: density === 'compact' ? 'comfortable' : 'compact' })}
        >
          <Icon name="density" />
        </button>
        <label className="visually-hidden" htmlFor="sort">
          Sort by
        </label>
        <select id="sort" value={sort} onChange={(e) => void setSort(e.target.value as Sort)}>
          {SORTS.filter((s) => s !== 'relevance' || search.trim() !== '').map((s) => (
            <option key={s} value={s}>
              {SORT_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <SearchScope />
      {listError && (
        <p className="error notice" role="alert">
          Could not load the list: {listError}
        </p>
      )}
      <div
        ref={scrollRef}
        className="paper-list"
        role="listbox"
        aria-label="Papers"
        aria-multiselectable="true"
        tabIndex={0}
        aria-activedescendant={selectedRow ? `paper-${selectedRow.id}` : undefined}
        onKeyDown={(e) => {
          if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && e.shiftKey) {
            e.preventDefault();
            void extendSelection(selectedIndex + (e.key === 'ArrowDown' ? 1 : -1));
          } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            moveSelection(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'PageDown' || e.key === 'PageUp') {
            e.preventDefault();
            moveSelection((e.key === 'PageDown' ? 1 : -1) * Math.max(1, items.length - 2));
          } else if (e.key === 'Home' || e.key === 'End') {
            e.preventDefault();
            select(e.key === 'Home' ? 0 : total - 1);
          }
        }}
      >
        {listLoaded && total === 0 ? (
          <EmptyList view={searched} searching={search.trim() !== ''} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows[item.index];
              return row ? (
                <PaperRow
                  key={row.id}
                  row={row}
                  index={item.index}
                  total={total}
                  top={item.start}
                  selected={multi.length > 0 ? chosen.has(row.id) : item.index === selectedIndex}
                  current={multi.length > 0 && item.index === selectedIndex}
                  onPick={pick}
                  measure={virtualizer.measureElement}
                />
              ) : (
                <PlaceholderRow key={`placeholder-${item.index}`} top={item.start} height={ROW_ESTIMATE[density]} />
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
});
