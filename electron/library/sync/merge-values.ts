/** The small rules every part of a library merge is built from: equality, a side's time, the later edit. */
import { stableStringify } from '../storage/stable-json.js';

/** Canonical text of a value: object keys sorted, so equal data orders the same whatever its key order. */
export function canonical(value: unknown): string {
  return stableStringify(value, 0);
}

import { same } from '../storage/same-value.js';

export { same };

/** A value on one side of a merge with the time that side last edited what holds it. */
export interface Timed<T> {
  readonly value: T;
  /** ISO time; `''` when the data keeps none (saved searches), so value order alone decides. */
  readonly at: string;
}

/** A value a merge left out because the other side edited the same field later: kept here, never just dropped. */
export interface Superseded {
  readonly field: string;
  readonly kept: unknown;
  readonly keptAt: string;
  readonly dropped: unknown;
  readonly droppedAt: string;
}

/**
 * Which of two edits of the same field wins: the later one; at the same time (or none), the greater
 * canonical value. Both machines hold the same two values and times, so both pick the same one.
 */
export function later<T>(a: Timed<T>, b: Timed<T>): { winner: Timed<T>; loser: Timed<T> } {
  const ta = Date.parse(a.at);
  const tb = Date.parse(b.at);
  if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb)
    return ta > tb ? { winner: a, loser: b } : { winner: b, loser: a };
  if (a.at !== b.at) return a.at > b.at ? { winner: a, loser: b } : { winner: b, loser: a };
  return canonical(a.value) >= canonical(b.value) ? { winner: a, loser: b } : { winner: b, loser: a };
}

/** The later of two ISO times (either may be `''`). */
export function latestTime(a: string, b: string): string {
  return later({ value: a, at: a }, { value: b, at: b }).winner.value;
}

/**
 * Three-way merge of one scalar field (`base` undefined: added on both sides). A side that left it as the
 * ancestor had it takes the other side's; both changed: the later edit, the other value reported.
 */
export function mergeScalar<T>(
  field: string,
  base: T | undefined,
  hasBase: boolean,
  ours: Timed<T>,
  theirs: Timed<T>,
  superseded: Superseded[],
): T {
  if (same(ours.value, theirs.value)) return ours.value;
  if (hasBase && same(base, ours.value)) return theirs.value;
  if (hasBase && same(base, theirs.value)) return ours.value;
  const { winner, loser } = later(ours, theirs);
  superseded.push({ field, kept: winner.value, keptAt: winner.at, dropped: loser.value, droppedAt: loser.at });
  return winner.value;
}
