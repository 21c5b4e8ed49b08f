import { describeError, type SliceCreator } from '../store/store-types.js';

/** A change the user made, with how to take it back and, where it can be, how to make it again. */
interface UndoEntry {
  readonly label: string;
  readonly undo: () => Promise<void>;
  readonly redo: (() => Promise<void>) | null;
}

export interface UndoSlice {
  readonly undoStack: readonly UndoEntry[];
  readonly redoStack: readonly UndoEntry[];
  /** Remember how to take back a change just made (and how to make it again); a new change clears redo. */
  pushUndo(label: string, undo: () => Promise<void>, redo?: () => Promise<void>): void;
  /** Ctrl/Cmd+Z: take back the last change. */
  undo(): Promise<void>;
  /** Ctrl/Cmd+Shift+Z: make again the change last taken back. */
  redo(): Promise<void>;
}

const MAX_UNDO = 100;

export const createUndoSlice: SliceCreator<UndoSlice> = () => (set, get) => ({
  undoStack: [],
  redoStack: [],
  pushUndo: (label, undo, redo) =>
    set((s) => ({
      undoStack: [...s.undoStack.slice(-(MAX_UNDO - 1)), { label, undo, redo: redo ?? null }],
      redoStack: [],
    })),
  async undo() {
    const entry = get().undoStack.at(-1);
    if (!entry) {
      get().showToast('Nothing to undo.');
      return;
    }
    set((s) => ({ undoStack: s.undoStack.slice(0, -1) }));
    try {
      await entry.undo();
      if (entry.redo) set((s) => ({ redoStack: [...s.redoStack, entry] }));
      get().showToast(`Undid ${entry.label}.`);
    } catch (error) {
      get().showToast(`Could not undo ${entry.label}: ${describeError(error)}`);
    }
  },
  async redo() {
    const entry = get().redoStack.at(-1);
    if (!entry?.redo) {
      get().showToast('Nothing to redo.');
      return;
    }
    set((s) => ({ redoStack: s.redoStack.slice(0, -1) }));
    try {
      await entry.redo();
      set((s) => ({ undoStack: [...s.undoStack, entry] }));
      get().showToast(`Redid ${entry.label}.`);
    } catch (error) {
      get().showToast(`Could not redo ${entry.label}: ${describeError(error)}`);
    }
  },
});
