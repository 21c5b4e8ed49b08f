import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CITATION_STYLES, CITATION_STYLE_LABELS } from '../../../../shared/models/citations.js';
import { useMargin } from '../../store/use-margin.js';

/**
 * "Copy citation": a menu of styles that copies these papers' citations (one paper in the reader, or a
 * selection) to the clipboard. Arrow keys move through it, Esc closes it and returns focus to the button.
 */
export function CopyCitationMenu({ ids, label = 'Copy citation' }: { ids: readonly string[]; label?: string }) {
  const copy = useMargin((s) => s.copyCitations);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    // Keys inside the menu are the menu's: `e` or `j` here must not archive or move the list.
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === 'Tab') {
      if (e.key === 'Escape') e.preventDefault();
      close(e.key === 'Escape');
      return;
    }
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = items.findIndex((item) => item === document.activeElement);
    const step: Readonly<Record<string, number>> = { ArrowDown: 1, ArrowUp: -1 };
    const to =
      e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : e.key in step ? at + (step[e.key] ?? 0) : null;
    if (to === null) return;
    e.preventDefault();
    items[(to + items.length) % items.length]?.focus();
  };

  return (
    <span className="menu-anchor">
      <button
        ref={button}
        type="button"
        className="btn small ghost"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {label}
        <span className="menu-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <ul
          ref={menu}
          role="menu"
          aria-label="Citation style"
          className="menu citation-menu"
          onKeyDown={onKeyDown}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget) && e.relatedTarget !== button.current) close(false);
          }}
        >
          {CITATION_STYLES.map((style) => (
            <li key={style} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  close(true);
                  void copy(ids, style);
                }}
              >
                {CITATION_STYLE_LABELS[style]}
              </button>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
