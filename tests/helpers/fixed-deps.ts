import { PaperIdSchema } from '../../shared/models/paper.js';
import type { LibraryDeps } from '../../electron/library/context/library-context.js';

/** A clock that stands still unless advanced, and ids counted up from 1. */
export function fixedDeps(start = '2026-11-27T09:00:00.000Z'): LibraryDeps & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  let next = 0;
  return {
    now: () => new Date(now),
    newId: () => PaperIdSchema.parse(`p${String(++next).padStart(9, '0')}`),
    advance: (ms) => {
      now += ms;
    },
  };
}
