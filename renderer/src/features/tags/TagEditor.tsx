import { forwardRef, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';

/** The paper's tags as chips, and a combobox that suggests tags already in the library. */
export const TagEditor = forwardRef<HTMLInputElement, { tags: readonly string[] }>(function TagEditor({ tags }, ref) {
  const { addTag, removeTag, known } = useMargin(
    useShallow((s) => ({ addTag: s.addTag, removeTag: s.removeTag, known: s.overview?.tags })),
  );
  const [draft, setDraft] = useState('');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();

  const suggestions = useMemo(() => {
    const needle = draft.trim().toLowerCase();
    if (needle === '') return [];
    const mine = new Set(tags.map((t) => t.toLowerCase()));
    return (known ?? [])
      .map((t) => t.tag)
      .filter((t) => !mine.has(t.toLowerCase()) && t.toLowerCase().includes(needle))
      .sort(
        (a, b) =>
          Number(!a.toLowerCase().startsWith(needle)) - Number(!b.toLowerCase().startsWith(needle)) ||
          a.localeCompare(b),
      )
      .slice(0, 8);
  }, [draft, known, tags]);

  const commit = (value: string) => {
    const tag = value.trim();
    if (tag === '') return;
    void addTag(tag);
    setDraft('');
    setOpen(false);
  };

  const showList = open && suggestions.length > 0;
  return (
    <div className="tag-editor">
      {tags.map((tag) => (
        <span key={tag} className="chip">
          {tag}
          <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => void removeTag(tag)}>
            ×
          </button>
        </span>
      ))}
      <input
        ref={ref}
        role="combobox"
        aria-label="Add tag"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList ? `${listId}-${active}` : undefined}
        placeholder="Add tag…"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && suggestions.length > 0) {
            e.preventDefault();
            setOpen(true);
            setActive((active + 1) % suggestions.length);
          } else if (e.key === 'ArrowUp' && suggestions.length > 0) {
            e.preventDefault();
            setActive((active - 1 + suggestions.length) % suggestions.length);
          } else if (e.key === 'Enter' || e.key === 'Tab' || e.key === ',') {
            if (draft.trim() === '') return;
            e.preventDefault();
            commit(showList && e.key !== ',' ? (suggestions[active] ?? draft) : draft);
          } else if (e.key === 'Escape') {
            if (showList) setOpen(false);
            else (e.target as HTMLInputElement).blur();
            e.stopPropagation();
          }
        }}
      />
      {showList && (
        <ul className="suggestions" role="listbox" id={listId} aria-label="Tag suggestions">
          {suggestions.map((tag, i) => (
            <li
              key={tag}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                commit(tag);
              }}
            >
              {tag}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
