import type { MarginApi } from '../../api/client.js';
import type { ImportProgressView } from '../../../../shared/models/import-progress.js';

/** How often the dialog asks how far an import has got. */
export const PROGRESS_POLL_MS = 150;

/** A new id for an import, to follow it and stop it by. */
export function newImportId(): string {
  return crypto.randomUUID();
}

/**
 * Ask main how far the import called `importId` has got, every `everyMs` (one question at a time), and pass
 * each answer on; returns the function that stops asking.
 */
export function followImport(
  api: MarginApi,
  importId: string,
  onProgress: (progress: ImportProgressView) => void,
  everyMs = PROGRESS_POLL_MS,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const ask = async (): Promise<void> => {
    try {
      const progress = await api.call('import:progress', { importId });
      if (!stopped) onProgress(progress);
    } catch {
      // A missed answer is only a bar that moves a beat later.
    }
    if (!stopped) timer = setTimeout(() => void ask(), everyMs);
  };
  timer = setTimeout(() => void ask(), everyMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** Of 100: reading is the first tenth, matching the next eight, writing the last. */
export function progressPercent(progress: ImportProgressView): number | null {
  const { phase, done, total } = progress;
  const share = total > 0 ? done / total : 0;
  switch (phase) {
    case 'waiting':
    case 'reading':
    case 'failed':
      return null;
    case 'parsed':
      return 10;
    case 'planned':
      return Math.round(10 + 80 * share);
    case 'written':
    case 'done':
      return 100;
    case 'cancelled':
      return 0;
  }
}

/** "Parsed 10,000 entries", "Planning: 4,000 of 10,000 entries matched", "Writing 10,000 papers…". */
export function progressLabel(progress: ImportProgressView, writes: boolean): string {
  const n = (value: number) => value.toLocaleString('en-US');
  const { phase, done, total } = progress;
  switch (phase) {
    case 'waiting':
      return writes ? 'Starting the import…' : 'Starting…';
    case 'reading':
      return 'Reading the entries…';
    case 'parsed':
      return `Parsed ${n(total)} entries`;
    case 'planned':
      if (done >= total) return writes ? `Writing ${n(total)} papers…` : `Planned ${n(total)} entries`;
      return `Planning: ${n(done)} of ${n(total)} entries matched against your library`;
    case 'written':
    case 'done':
      return writes ? `Wrote ${n(total)} papers` : `Planned ${n(total)} entries`;
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return 'Stopped';
  }
}
