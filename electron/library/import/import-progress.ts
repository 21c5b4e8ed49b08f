import { IMPORT_PROGRESS_FROM } from '../../../shared/models/import-progress.js';
import { LibraryError } from '../storage/errors.js';

/** How far an import has got: its entries parsed, matched against the library, written. */
export type ImportPhase = 'parsed' | 'planned' | 'written';

export interface ImportProgress {
  readonly phase: ImportPhase;
  readonly done: number;
  readonly total: number;
}

/** What the caller (the IPC layer, the CLI) passes to follow an import and to stop it. */
export interface ImportControl {
  /** Called as the import goes, for imports of more than `PROGRESS_FROM` entries. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Aborted before the commit point: the import stops with nothing written. After it, the import finishes. */
  readonly signal?: AbortSignal;
}

/** Smaller imports take well under a second: no progress to show. */
export const PROGRESS_FROM = IMPORT_PROGRESS_FROM;
/** Planning reports (and checks for a cancel) every this many entries. */
export const PLAN_STEP = 500;

/** A reporter that stays quiet for small imports. */
export function progressReporter(control: ImportControl, total: number): (phase: ImportPhase, done: number) => void {
  const report = control.onProgress;
  if (!report || total <= PROGRESS_FROM) return () => undefined;
  return (phase, done) => report({ phase, done, total });
}

/** Stop here if the caller cancelled: nothing has been written yet. */
export function throwIfCancelled(control: ImportControl, where: string): void {
  if (control.signal?.aborted)
    throw new LibraryError('conflict', `the import was cancelled ${where}; nothing was imported`);
}
