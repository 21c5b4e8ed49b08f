import { describeError, type SliceCreator } from '../store/store-types.js';

interface UndoEntry {
  readonly label: string;
  readonly run: () => Promise<void>;
}

export interface UndoSlice {
  readonly undoStack: readonly UndoEntry[];
  /** Remember how to take back a change just made (annotation and tag edits). */
  pushUndo(label: string, run: () => Promise<void>): void;
  /** Ctrl/Cmd+Z: take back the last change. */
  undo(): Promise<void>;
}

const MAX_UNDO = 100;

export const createUndoSlice: SliceCreator<UndoSlice> = () => (set, get) => ({
  undoStack: [],
  pushUndo: (label, run) => set((s) => ({ undoStack: [...s.undoStack.slice(-(MAX_UNDO - 1)), { label, run }] })),
  async undo() {
    const entry = get().undoStack.at(-1);
    if (!entry) {
      get().showToast('Nothing to undo.');
      return;
    }
    set((s) => ({ undoStack: s.undoStack.slice(0, -1) }));
    try {
      await entry.run();
      get().showToast(`Undid ${entry.label}.`);
    } catch (error) {
      get().showToast(`Could not undo ${entry.label}: ${describeError(error)}`);
    }
  },
});
