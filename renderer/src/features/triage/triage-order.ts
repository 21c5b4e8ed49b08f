import type { TriageItem, WatchList } from '../../../../shared/models/triage.js';
import { watchReasons } from '../../../../shared/triage/watch-match.js';

/** A digest's paper as the triage shows it: with why it matters, if it does. */
export interface ShownItem {
  readonly item: TriageItem;
  readonly reasons: readonly string[];
}

/**
 * The papers to decide on, in the order to decide them: new ones and new versions (and, when asked, those
 * skipped before), watched matches first, otherwise the digest's order. Papers already in the library
 * need no decision and are only counted.
 */
export function triageOrder(items: readonly TriageItem[], watch: WatchList, showSkipped: boolean): ShownItem[] {
  const shown = items
    .filter((i) => i.group === 'new' || i.group === 'new-version' || (showSkipped && i.group === 'skipped-before'))
    .map((item) => ({ item, reasons: watchReasons(item, watch) }));
  const watched = shown.filter((s) => s.reasons.length > 0);
  const rest = shown.filter((s) => s.reasons.length === 0);
  return [...watched, ...rest];
}

/** Where to go after deciding the paper at `at`: the next undecided one after it, else before it, else stay. */
export function nextUndecided(shown: readonly ShownItem[], at: number): number {
  for (let i = at + 1; i < shown.length; i++) if (shown[i]?.item.decision === null) return i;
  for (let i = 0; i < at; i++) if (shown[i]?.item.decision === null) return i;
  return Math.min(at, Math.max(shown.length - 1, 0));
}
