import { libraryChange } from '../../../shared/ipc/library-change.js';
import type { HistoryStep } from '../../../shared/ipc/contract.js';
import { describeError, type SliceCreator } from '../store/store-types.js';

/**
 * Undo and redo. The history itself lives in main, one stack for every edit however it was made (status,
 * tags, Trash, merge, highlights, notes, bulk edits, imports); the renderer only asks for a step back or
 * forward and says what happened.
 */
export interface UndoSlice {
  /** Ctrl/Cmd+Z or a toast's Undo: take back the last change. */
  undo(): Promise<void>;
  /** Ctrl/Cmd+Shift+Z: make again the change last taken back. */
  redo(): Promise<void>;
}

/** "Undid move to Read." plus what was left alone because it changed since. */
export function describeStep(verb: 'Undid' | 'Redid', step: HistoryStep): string {
  const said = `${verb} ${step.label}.`;
  if (step.kept.length === 0) return said;
  const more = step.kept.length > 1 ? ` (and ${step.kept.length - 1} more)` : '';
  return `${said} Left as it is: ${step.kept[0]}${more}.`;
}

export const createUndoSlice: SliceCreator<UndoSlice> = (api) => (_set, get) => {
  async function step(direction: 'undo' | 'redo'): Promise<void> {
    // A note typed but not saved yet is saved first, so it is part of the history it steps through.
    await get().flushNotes();
    try {
      const done = await api.call(direction === 'undo' ? 'history:undo' : 'history:redo', {});
      if (!done) {
        get().showToast(direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
        return;
      }
      get().showToast(describeStep(direction === 'undo' ? 'Undid' : 'Redid', done));
      // Main also announces the change; refreshing here shows the result without waiting for it.
      await get().applyLibraryChange({ ...libraryChange([], true), count: done.papers });
      // A merge undone from the Possible duplicates dialog's toast puts its pair back in the list.
      if (get().dialog === 'duplicates') await get().loadDuplicates();
    } catch (error) {
      get().showToast(`Could not ${direction}: ${describeError(error)}`);
    }
  }
  return {
    undo: () => step('undo'),
    redo: () => step('redo'),
  };
};
