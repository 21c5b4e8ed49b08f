import { useEffect } from 'react';
import { ANNOTATION_COLORS } from '../../../../shared/models/paper.js';
import type { MarginStore } from '../../store/use-margin.js';
import { COMMANDS, type FocusTargets } from './commands.js';
import { own } from '../../../../shared/own.js';

const KEY_TO_COMMAND: Readonly<Record<string, string>> = {
  j: 'next',
  k: 'previous',
  Enter: 'open',
  '/': 'search',
  s: 'cycle-status',
  e: 'archive',
  t: 'tag',
  h: 'highlight',
  '?': 'shortcuts',
  Delete: 'trash',
  Backspace: 'trash',
};

/** True when the key belongs to a text field (typing there must never trigger shortcuts). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Single-key shortcuts outside text fields, Ctrl/Cmd+K and Ctrl/Cmd+, anywhere. */
export function useGlobalKeys(store: MarginStore, focus: FocusTargets): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = store.getState();
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        state.openDialog('palette');
        return;
      }
      if ((event.ctrlKey || event.metaKey) && event.key === ',') {
        event.preventDefault();
        state.openDialog('settings');
        return;
      }
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key.toLowerCase() === 'z' &&
        !isTyping(event.target) &&
        (state.dialog === null || state.dialog === 'duplicates') // a merge is undone where it was made
      ) {
        event.preventDefault();
        void (event.shiftKey ? state.redo() : state.undo());
        return;
      }
      // A triage has keys of its own (TriageView); the list's would act on papers behind it.
      if (state.triage !== null && !((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z')) return;
      if (
        (event.ctrlKey || event.metaKey) &&
        event.key.toLowerCase() === 'a' &&
        !isTyping(event.target) &&
        state.dialog === null
      ) {
        event.preventDefault();
        void state.selectAll();
        return;
      }
      if (state.dialog !== null || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key === 'Escape' && state.multi.length > 0 && !event.defaultPrevented) {
        state.clearSelection();
        return;
      }
      if (state.multi.length > 1) {
        // Several papers selected: the keys that edit one paper edit them all, or do nothing (never a hidden one).
        if (event.key === 'Delete' || event.key === 'Backspace') {
          event.preventDefault();
          void state.bulkTrash();
          return;
        }
        if (event.key === 'e') {
          void state.bulkSetStatus('archived');
          return;
        }
        if (event.key === 's' || event.key === 'h' || event.key === 't') return;
      }
      if (event.shiftKey && (event.key === 'J' || event.key === 'K')) {
        // Shift+j/k: extend the selection down or up.
        event.preventDefault();
        void state.extendSelection(state.selectedIndex + (event.key === 'J' ? 1 : -1));
        return;
      }
      const colorIndex = ['1', '2', '3', '4', '5'].indexOf(event.key);
      if (colorIndex >= 0 && state.selectedAnnotationId) {
        const color = ANNOTATION_COLORS[colorIndex];
        if (color) void state.updateAnnotation(state.selectedAnnotationId, { color });
        return;
      }
      if (
        (event.key === 'ArrowDown' || event.key === 'ArrowUp') &&
        !(event.target instanceof HTMLElement && event.target.getAttribute('role') === 'listbox')
      ) {
        event.preventDefault();
        state.moveSelection(event.key === 'ArrowDown' ? 1 : -1);
        return;
      }
      const id = own(KEY_TO_COMMAND, event.key);
      const command = COMMANDS.find((c) => c.id === id);
      if (!command) return;
      if (event.key === 'Enter' && event.target instanceof HTMLButtonElement) return; // let buttons be pressed
      event.preventDefault();
      command.run(state, focus);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, focus]);
}
