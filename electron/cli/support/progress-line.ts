import type { ImportProgress } from '../../library/import/import-progress.js';
import type { CliIo } from './io.js';

/** At most this many redraws a second: a terminal redrawn faster only flickers. */
const REDRAW_MS = 100;

/** An import's progress on stderr, one line redrawn in place; `clear` leaves the terminal as it was. */
export interface ProgressLine {
  /** "Reading refs.bib…", before the entries are counted. */
  readonly reading: (what: string) => void;
  readonly update: (progress: ImportProgress) => void;
  readonly clear: () => void;
}

const n = (value: number): string => value.toLocaleString('en-US');

/** "Parsed 10,000 entries", "Planning: 4,000 of 10,000 entries matched", "Writing 10,000 papers…". */
export function progressText({ phase, done, total }: ImportProgress, writes: boolean): string {
  switch (phase) {
    case 'parsed':
      return `Parsed ${n(total)} entries`;
    case 'planned':
      if (done < total) return `Planning: ${n(done)} of ${n(total)} entries matched against the library`;
      return writes ? `Writing ${n(total)} papers…` : `Planned ${n(total)} entries`;
    case 'written':
      return `Wrote ${n(total)} papers`;
  }
}

/**
 * The progress line of `margin import`, drawn only when stderr is a terminal (a log or a pipe gets none):
 * `\r`-redrawn at most ten times a second (a new step is drawn at once), and cleared at the end.
 */
export function progressLine(io: CliIo, writes: boolean): ProgressLine | null {
  if (!io.stderrIsTTY) return null;
  const now = io.now ?? (() => performance.now());
  let drawn = '';
  let drawnAt = Number.NEGATIVE_INFINITY;
  let step = '';
  const draw = (text: string): void => {
    // Spaces over what is left of a longer line drawn before.
    io.stderr(`\r${text}${' '.repeat(Math.max(0, drawn.length - text.length))}`);
    drawn = text;
  };
  return {
    reading: (what) => draw(`margin import: Reading ${what}…`),
    update: (progress) => {
      const at = now();
      // A new step (matching done is writing) is drawn at once; counts within a step at most so often.
      const next = `${progress.phase}${progress.done >= progress.total ? ' all' : ''}`;
      if (next === step && at - drawnAt < REDRAW_MS) return;
      draw(`margin import: ${progressText(progress, writes)}`);
      drawnAt = at;
      step = next;
    },
    clear: () => {
      if (drawn !== '') io.stderr(`\r${' '.repeat(drawn.length)}\r`);
      drawn = '';
    },
  };
}
