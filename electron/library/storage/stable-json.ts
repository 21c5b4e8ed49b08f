/**
 * Pretty JSON with object keys in sorted order, so the same data always gives the same bytes:
 * a library folder kept in git or a synced drive shows only real changes.
 */
export function stableStringify(value: unknown): string {
  return `${JSON.stringify(value, sortKeys, 2)}\n`;
}

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>; // a plain object: arrays and null are handled above
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) sorted[key] = source[key];
  return sorted;
}
