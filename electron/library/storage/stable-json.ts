/**
 * JSON with object keys in sorted order, so the same data always gives the same bytes and a library
 * folder kept in git or a synced drive shows only real changes.
 *
 * `inlineDepth` sets where pretty-printing stops: shards use 2, which puts one paper per line.
 * That keeps a git diff to the lines of the papers that changed, and makes files ~25% smaller
 * (and so faster to open) than indenting every field.
 */
export function stableStringify(
  value: unknown,
  inlineDepth = Number.POSITIVE_INFINITY,
  lineCache?: WeakMap<object, string>,
): string {
  return `${write(value, 0, inlineDepth, lineCache)}\n`;
}

/**
 * The text of the records and contents a journal wrote, reused by their shards: records are never changed in place
 * (an edit makes a new object), so an import's papers are serialized once, for its journal, then by their shards.
 * Shard writes read it but add nothing to it: remembering every paper a compaction wrote kept ~250 MB of text at
 * 100,000 papers, and filling the table while a compaction wrote 2,048 shards cost collector pauses of up to
 * ~380 ms (a weak table is walked at each collection).
 */
export const recordLines = new WeakMap<object, string>();

/** `value` as one line of JSON with sorted keys, remembered in `recordLines` (see there). */
export function recordLine(value: object): string {
  const cached = recordLines.get(value);
  if (cached !== undefined) return cached;
  const text = sortedJson(value);
  recordLines.set(value, text);
  return text;
}

function write(value: unknown, depth: number, inlineDepth: number, lineCache?: WeakMap<object, string>): string {
  if (depth >= inlineDepth) {
    if (lineCache && value !== null && typeof value === 'object') {
      const cached = lineCache.get(value);
      if (cached !== undefined) return cached;
      return sortedJson(value);
    }
    return sortedJson(value);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const indent = '  '.repeat(depth + 1);
  const close = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => `${indent}${write(v, depth + 1, inlineDepth, lineCache)}`).join(',\n')}\n${close}]`;
  }
  const source = value as Record<string, unknown>; // a plain object: arrays and null are handled above
  const keys = Object.keys(source)
    .filter((k) => source[k] !== undefined)
    .sort();
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${indent}${JSON.stringify(k)}: ${write(source[k], depth + 1, inlineDepth, lineCache)}`).join(',\n')}\n${close}}`;
}

/** Skipped in objects and `null` in arrays, as JSON.stringify does. */
const unwritable = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * `JSON.stringify(value)` with every object's keys sorted, written directly: the replacer that sorted a copy of
 * each object took ~30% longer and made a copy of every object for the collector (plain data only: no toJSON).
 */
function sortedJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      out += `${i === 0 ? '' : ','}${unwritable(item) ? 'null' : sortedJson(item)}`;
    }
    return `${out}]`;
  }
  const source = value as Record<string, unknown>;
  let out = '{';
  for (const key of sortedKeys(source)) {
    const item = source[key];
    if (unwritable(item)) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${sortedJson(item)}`;
  }
  return `${out}}`;
}

/**
 * Keys in the order the sorted copy of an object enumerates them (what was written before): array-index keys
 * (`"2"`, `"10"`) first in numeric order, as JavaScript objects always list them, then the others sorted.
 */
function sortedKeys(source: object): string[] {
  const keys = Object.keys(source).sort();
  const first = keys[0];
  if (first === undefined || first.charCodeAt(0) > 0x39 || !keys.some(isArrayIndex)) return keys;
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((k) => !isArrayIndex(k))];
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
