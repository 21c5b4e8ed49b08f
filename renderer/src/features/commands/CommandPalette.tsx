import { useMemo, useState } from 'react';
import { COMMANDS, type FocusTargets } from './commands.js';
import { useMargin, useMarginStore } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';

/** Ctrl/Cmd+K: every action, filtered as you type. */
export function CommandPalette({ focus }: { focus: FocusTargets }) {
  const close = useMargin((s) => s.closeDialog);
  const store = useMarginStore();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const matches = useMemo(
    () =>
      COMMANDS.filter(
        (c) =>
          c.id !== 'palette' && c.inPalette !== false && c.title.toLowerCase().includes(query.trim().toLowerCase()),
      ),
    [query],
  );

  const run = (index: number) => {
    const command = matches[index];
    if (!command) return;
    close();
    command.run(store.getState(), focus);
  };

  return (
    <Modal title="Commands" onClose={close} className="palette">
      <input
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={matches[active] ? `cmd-${matches[active].id}` : undefined}
        placeholder="Type a command…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((active + 1) % Math.max(matches.length, 1));
          else if (e.key === 'ArrowUp') setActive((active - 1 + matches.length) % Math.max(matches.length, 1));
          else if (e.key === 'Enter') run(active);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Commands">
        {matches.map((c, i) => (
          <li
            key={c.id}
            id={`cmd-${c.id}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(e) => {
              e.preventDefault();
              run(i);
            }}
          >
            <span>{c.title}</span>
            <span>{c.keys[0] && <kbd>{c.keys[0]}</kbd>}</span>
          </li>
        ))}
        {matches.length === 0 && <li aria-disabled="true">No command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
