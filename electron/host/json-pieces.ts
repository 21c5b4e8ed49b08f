import { turns } from '../library/storage/turns.js';

/** Lists at least this long are written a slice at a time. */
const LONG_LIST = 1000;
const SLICE = 500;
/** How deep long lists are looked for: an envelope's data, and the lists and objects in it. */
const DEPTH = 3;

/**
 * `JSON.stringify(value)` as pieces, made in turns of the event loop: a long list near the top (an import's report
 * lists 10,000 papers) a slice at a time, so that no one turn writes the whole answer. Joined, the pieces are the
 * text `JSON.stringify` gives.
 */
export async function jsonPieces(value: unknown): Promise<string[]> {
  const out: string[] = [];
  await write(value, DEPTH, out, turns());
  return out;
}

async function write(value: unknown, depth: number, out: string[], work: ReturnType<typeof turns>): Promise<void> {
  if (depth === 0 || value === null || typeof value !== 'object' || 'toJSON' in value) {
    out.push(JSON.stringify(value) ?? 'null');
    return;
  }
  if (Array.isArray(value)) {
    if (value.length < LONG_LIST) {
      out.push(JSON.stringify(value));
      return;
    }
    for (let at = 0; at < value.length; at += SLICE) {
      if (work.due()) await work.turn();
      // A slice's text without its brackets; slices are joined by commas.
      const text = JSON.stringify(value.slice(at, at + SLICE));
      out.push(`${at === 0 ? '[' : ','}${text.slice(1, -1)}`);
    }
    out.push(']');
    return;
  }
  out.push('{');
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    // What JSON.stringify leaves out of an object.
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    out.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    await write(item, depth - 1, out, work);
  }
  out.push('}');
}
