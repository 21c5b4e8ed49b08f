/** Which unit is each abstract's title: the title-like unit at the distance above its abstract that the page uses most. */
import { isNameList, type Role } from './page-roles.js';
import type { Unit } from './page-units.js';

/** Each abstract's title, by abstract index; an abstract with no title-like unit above it has none. */
export function titlesOfAbstracts(
  units: readonly Unit[],
  roles: readonly Role[],
  abstracts: readonly number[],
): Map<number, number> {
  const distance = usualTitleDistance(roles, abstracts);
  const titleOf = new Map<number, number>();
  let previous = -1;
  for (const a of abstracts) {
    const candidates = titleCandidates(roles, previous + 1, a);
    const title = pickTitle(units, candidates, a, distance);
    if (title !== undefined) titleOf.set(a, title);
    previous = a;
  }
  return titleOf;
}

/** Units that may be the title of the abstract at `abstract`, from `from` on (after the previous abstract). */
function titleCandidates(roles: readonly Role[], from: number, abstract: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(from, abstract - 8); i < abstract; i++) if (roles[i] === 'title') out.push(i);
  return out;
}

/** How far above its abstract this page puts a title, from the abstracts with exactly one candidate; null if none says. */
function usualTitleDistance(roles: readonly Role[], abstracts: readonly number[]): number | null {
  const counts = new Map<number, number>();
  let previous = -1;
  for (const a of abstracts) {
    const candidates = titleCandidates(roles, previous + 1, a);
    if (candidates.length === 1)
      counts.set(a - (candidates[0] as number), (counts.get(a - (candidates[0] as number)) ?? 0) + 1);
    previous = a;
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [d, c] of counts) if (c > bestCount) [best, bestCount] = [d, c];
  return best;
}

/** The page's usual distance when it has one; otherwise the closest candidate that is not a line of names. */
function pickTitle(
  units: readonly Unit[],
  candidates: readonly number[],
  abstract: number,
  distance: number | null,
): number | undefined {
  const usual = distance === null ? undefined : candidates.find((c) => abstract - c === distance);
  if (usual !== undefined) return usual;
  const notNames = candidates.filter((c) => !isNameList((units[c] as Unit).text));
  return notNames.at(-1) ?? candidates.at(-1);
}
