/** Equality of JSON data: what a merge and the store's field times compare with. */

/** Equal as JSON data (a key holding undefined is no key): walked, not written out, so a whole library compares fast. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item: unknown, i) => same(item, b[i]));
  }
  // Plain objects (arrays and null are handled above): JSON data has no others.
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const [kx, ky] = [keys(x), keys(y)];
  return kx.length === ky.length && kx.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]));
}
