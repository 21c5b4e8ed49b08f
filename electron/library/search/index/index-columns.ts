import { endianness } from 'node:os';
import { STATUSES } from '../../../../shared/models/paper.js';
import type { PageColumns } from './index-page.js';

/**
 * The index's plain helpers: SQLite's joined lists read back as numbers, the time-added key, and the blob the
 * list columns are saved as (see `FtsIndex.columns`).
 */

/** Comma-separated non-negative integers (SQLite's `group_concat` of rowids) as numbers. */
export function parseRowList(joined: string): Int32Array {
  if (joined === '') return new Int32Array(0);
  // A rowid takes at least one digit and a comma: this is room enough.
  const out = new Int32Array((joined.length >> 1) + 1);
  let count = 0;
  let value = 0;
  for (let i = 0; i < joined.length; i++) {
    const code = joined.charCodeAt(i);
    if (code === 44) {
      out[count++] = value;
      value = 0;
    } else value = value * 10 + (code - 48);
  }
  out[count++] = value;
  return out.slice(0, count);
}

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A time added as milliseconds, ordered as the strings are (the sorts compare the strings), or null when it is
 * not in the canonical shape, where the two orders may differ: pages that meet one are left to the records.
 */
export function addedKey(addedAt: string): number | null {
  if (!CANONICAL_INSTANT.test(addedAt)) return null;
  const ms = Date.parse(addedAt);
  return Number.isFinite(ms) ? ms : null;
}

/** Comma-separated integers (a minus sign allowed; `n`: none, read as NaN), as SQLite's `group_concat` gives them. */
export function parseNumberList(joined: string): Float64Array {
  if (joined === '') return new Float64Array(0);
  let count = 1;
  for (let i = 0; i < joined.length; i++) if (joined.charCodeAt(i) === 44) count++;
  const out = new Float64Array(count);
  let k = 0;
  let value = 0;
  let sign = 1;
  let none = false;
  const end = () => {
    out[k++] = none ? Number.NaN : sign * value;
    value = 0;
    sign = 1;
    none = false;
  };
  for (let i = 0; i < joined.length; i++) {
    const code = joined.charCodeAt(i);
    if (code === 44) end();
    else if (code === 45) sign = -1;
    else if (code === 110) none = true;
    else value = value * 10 + (code - 48);
  }
  end();
  return out;
}

/** Columns as one blob: status bytes, Trash bytes, padding to 8, then the times added as little-endian doubles. */
export function encodeColumns(columns: PageColumns): Buffer {
  const size = columns.status.length;
  const at = alignTo8(2 * size);
  const out = Buffer.alloc(at + 8 * size);
  out.set(columns.status, 0);
  out.set(columns.trashed, size);
  for (let i = 0; i < size; i++) out.writeDoubleLE(columns.added[i] ?? Number.NaN, at + 8 * i);
  return out;
}

/** The columns a blob holds, or null when it is not what `encodeColumns` writes for `size` rows. */
export function decodeColumns(data: Buffer, size: number): PageColumns | null {
  const at = alignTo8(2 * size);
  if (data.length !== at + 8 * size) return null;
  const status = Uint8Array.from(data.subarray(0, size));
  const trashed = Uint8Array.from(data.subarray(size, 2 * size));
  if (status.some((s) => s > STATUSES.length) || trashed.some((t) => t > 1)) return null;
  // A copy of the doubles, aligned: they were written little-endian, as this machine reads them (else one by one).
  const added =
    endianness() === 'LE'
      ? new Float64Array(data.buffer.slice(data.byteOffset + at, data.byteOffset + at + 8 * size))
      : Float64Array.from({ length: size }, (_, i) => data.readDoubleLE(at + 8 * i));
  return { status, trashed, added };
}

function alignTo8(n: number): number {
  return Math.ceil(n / 8) * 8;
}
