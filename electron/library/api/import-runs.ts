import type { ImportProgressView } from '../../../shared/models/import-progress.js';
import type { ImportControl, ImportProgress } from '../import/import-progress.js';

/** Finished or cancelled runs kept for a late poll; older ones are forgotten first. */
const KEPT = 64;
const RUNNING: ReadonlySet<ImportProgressView['phase']> = new Set(['reading', 'parsed', 'planned', 'written']);

interface Run {
  readonly controller: AbortController;
  view: ImportProgressView;
}

/**
 * Imports in flight, by the id their caller chose: what each has done (`import:progress`) and a way to stop it
 * (`import:cancel`). A cancel may arrive before its import does (HTTP requests race; an import's body is large):
 * it is kept, and the import then stops before it starts, with nothing written.
 */
export class ImportRuns {
  private readonly runs = new Map<string, Run>();

  /** The control to pass to `Importing.run` for the import called `id`. */
  start(id: string): ImportControl {
    const run = this.runs.get(id) ?? this.add(id);
    run.view = { ...run.view, phase: 'reading' };
    return {
      signal: run.controller.signal,
      onProgress: (progress: ImportProgress) => {
        run.view = { ...run.view, phase: progress.phase, done: progress.done, total: progress.total };
      },
    };
  }

  /** The import stopped: `cancelled` when it stopped because it was asked to, having written nothing. */
  finish(id: string, outcome: 'done' | 'cancelled' | 'failed'): void {
    const run = this.runs.get(id);
    if (!run) return;
    run.view = { ...run.view, phase: outcome };
  }

  /** How far the import called `id` has got; `waiting` until it starts. */
  progress(id: string): ImportProgressView {
    return this.runs.get(id)?.view ?? { phase: 'waiting', done: 0, total: 0, cancelRequested: false };
  }

  /** Ask the import called `id` to stop. It stops with nothing written unless it is already writing. */
  cancel(id: string): ImportProgressView {
    const run = this.runs.get(id) ?? this.add(id);
    run.controller.abort();
    run.view = { ...run.view, cancelRequested: true };
    return run.view;
  }

  private add(id: string): Run {
    const run: Run = {
      controller: new AbortController(),
      view: { phase: 'waiting', done: 0, total: 0, cancelRequested: false },
    };
    this.runs.set(id, run);
    for (const [key, old] of this.runs) {
      if (this.runs.size <= KEPT) break;
      // Never forget a run still going: its cancel must keep working.
      if (key !== id && !RUNNING.has(old.view.phase)) this.runs.delete(key);
    }
    return run;
  }
}
