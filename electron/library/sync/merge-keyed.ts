/** Three-way merge of a list of items known by a key (tags, highlights, attachments, saved searches, …). */
import { same } from './merge-values.js';

export interface KeyedMergeOptions<T> {
  readonly key: (item: T) => string;
  /** Both sides hold the item (`base` undefined: both added it): one item from the two. */
  readonly mergeItem: (base: T | undefined, ours: T, theirs: T) => T;
  /** An item deleted on one side and edited on the other is kept; this hears about it. */
  readonly onKeptOverDeletion?: (item: T) => void;
}

/**
 * Adds and removes from both sides apply; an edit beats a deletion. When one side left the list as the
 * ancestor had it, the other side's list is the answer as it is (its order included). Otherwise the items
 * the ancestor had come first in its order, then the new ones by key: an order both machines compute alike.
 */
export function mergeKeyed<T>(
  base: readonly T[] | undefined,
  ours: readonly T[],
  theirs: readonly T[],
  options: KeyedMergeOptions<T>,
): T[] {
  if (same(ours, theirs)) return [...ours];
  if (base !== undefined && same(base, ours)) return [...theirs];
  if (base !== undefined && same(base, theirs)) return [...ours];
  const { key, mergeItem } = options;
  const byKey = (items: readonly T[]) => new Map(items.map((item) => [key(item), item]));
  const [b, o, t] = [byKey(base ?? []), byKey(ours), byKey(theirs)];
  const out: T[] = [];
  const take = (k: string): void => {
    const [was, mine, other] = [b.get(k), o.get(k), t.get(k)];
    if (mine !== undefined && other !== undefined) {
      out.push(mergeItem(was, mine, other));
      return;
    }
    const survivor = mine ?? other;
    if (survivor === undefined) return;
    // New on one side: kept. Deleted on one side: gone, unless the other side edited it since.
    if (was === undefined) out.push(survivor);
    else if (!same(survivor, was)) {
      options.onKeptOverDeletion?.(survivor);
      out.push(survivor);
    }
  };
  for (const k of b.keys()) take(k);
  const added = [...new Set([...o.keys(), ...t.keys()])].filter((k) => !b.has(k)).sort();
  for (const k of added) take(k);
  return out;
}
