import { forwardRef, useEffect, useState } from 'react';
import { useMargin } from '../../store/use-margin.js';
import { Icon } from '../../ui/Icon.js';

/** Instant search over the library; typing waits a beat so each keystroke does not query. */
export const SearchBox = forwardRef<HTMLInputElement>(function SearchBox(_props, ref) {
  const search = useMargin((s) => s.search);
  const setSearch = useMargin((s) => s.setSearch);
  const [draft, setDraft] = useState(search);

  useEffect(() => setDraft(search), [search]);
  useEffect(() => {
    if (draft === search) return;
    const timer = setTimeout(() => void setSearch(draft), 120);
    return () => clearTimeout(timer);
  }, [draft, search, setSearch]);

  return (
    <div className="search" role="search">
      <Icon name="search" />
      {draftHint(draft)}
      <input
        ref={ref}
        type="search"
        aria-label="Search library"
        placeholder="Search titles, authors, abstracts, notes…"
        title='Filters: tag:llm  status:reading  year:>=2024  "exact phrase"  -exclude'
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            setDraft('');
            (e.target as HTMLInputElement).blur();
          }
          if (e.key === 'Enter' || e.key === 'ArrowDown') {
            void setSearch(draft);
            document.querySelector<HTMLElement>('[role="listbox"][aria-label="Papers"]')?.focus();
          }
        }}
      />
    </div>
  );
});

/** Shows the `/` shortcut while the box is empty. */
function draftHint(draft: string) {
  return draft === '' ? <kbd aria-hidden="true">/</kbd> : null;
}
