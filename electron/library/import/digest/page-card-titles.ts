/** The titles of a page of titles alone: those standing at one fixed place after each card's repeated marker. */
import type { Furniture } from './furniture.js';
import type { Role } from './page-roles.js';
import type { Unit } from './page-units.js';

/** How many units after a card's repeated marker its title may stand. */
const CARD_REACH = 6;

/**
 * On a page of titles alone, find the repeated marker of each card (`Submitted by X`, an upvote count)
 * and the distance from it at which most titles stand; those units are the titles, and other title-like
 * lines (menus, the page header and footer) are not. Null when the page has no such regular cards.
 */
export function titlesInCards(
  units: readonly Unit[],
  roles: readonly Role[],
  furniture: Furniture,
): Set<number> | null {
  const keys = units.map((u, i) => (roles[i] === 'furniture' ? furniture.keyOf(u.text) : null));
  const counts = new Map<string, number>();
  roles.forEach((role, i) => {
    if (role !== 'title') return;
    const seen = new Set<string>();
    for (let d = 1; d <= CARD_REACH && i - d >= 0; d++) {
      const key = keys[i - d];
      if (!key || seen.has(key)) continue;
      seen.add(key);
      counts.set(`${d}\u0000${key}`, (counts.get(`${d}\u0000${key}`) ?? 0) + 1);
    }
  });
  let best: string | null = null;
  let bestCount = 2;
  for (const [pattern, count] of counts) if (count > bestCount) [best, bestCount] = [pattern, count];
  if (best === null) return null;
  const [distance, key] = best.split('\u0000') as [string, string];
  const d = Number(distance);
  const out = new Set<number>();
  keys.forEach((k, i) => {
    if (k === key && roles[i + d] === 'title') out.add(i + d);
  });
  return out;
}
