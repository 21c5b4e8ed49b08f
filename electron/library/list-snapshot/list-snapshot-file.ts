/**
 * The list snapshot: the list the app opens with (its rows in order) and the sidebar's counts, as they were
 * when the library was last written, so a large library shows its list before every record is read (issue 18).
 *
 * A derived cache in `.list-snapshot/` (never synced, not in backups). It is used only when it is whole (a
 * SHA-256 over the file) and still true: the stamp of every papers shard (size, modification time, inode)
 * must be what it was when the snapshot was taken. Rows are stored one JSON line each with a table of
 * offsets, so a page costs its own rows only, and each row is validated when it is read.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ViewSchema, type View } from '../../../shared/ipc/contract.js';
import { ListRowSchema, OverviewSchema, SortSchema, type ListRow, type Sort } from '../../../shared/models/views.js';
import { PAPERS_DIR } from '../storage/layout.js';
import { shardFileStats, shardFileStatsInTurns } from '../storage/shard-stats.js';
import type { LibraryCounts } from '../search/library-counts.js';
import { turns } from '../storage/turns.js';

export const LIST_SNAPSHOT_DIR = '.list-snapshot';
const FILE = 'list.snapshot';
/** The first line; a new layout or a new row shape gets a new number, and older snapshots are not read. */
const MAGIC = 'margin-list-snapshot 1';

const ListEntrySchema = z.strictObject({
  view: ViewSchema,
  sort: SortSchema,
  total: z.number().int().nonnegative(),
  /** Byte offsets, from the end of the header line, of the rows' lines and of their offset table. */
  rowsAt: z.number().int().nonnegative(),
  tableAt: z.number().int().nonnegative(),
});

const HeaderSchema = z.strictObject({
  stamp: z.string().min(1),
  counts: OverviewSchema.pick({ total: true, statusCounts: true, tags: true, trashCount: true }),
  lists: z.array(ListEntrySchema),
});

/** One list as it is written: its rows as JSON lines, in order, and where each starts (one more: the end). */
export interface ListToWrite {
  readonly view: View;
  readonly sort: Sort;
  readonly rows: readonly Buffer[];
  readonly starts: readonly number[];
}

/** A list's rows, added a slice at a time: JSON lines in UTF-8, with the offset of each. */
export class ListRowsBuilder {
  private readonly rows: Buffer[] = [];
  private readonly starts: number[] = [0];
  private size = 0;

  add(rows: readonly ListRow[]): void {
    let text = '';
    for (const row of rows) {
      const line = `${JSON.stringify(row)}\n`;
      text += line;
      this.size += Buffer.byteLength(line, 'utf8');
      this.starts.push(this.size);
    }
    this.rows.push(Buffer.from(text, 'utf8'));
  }

  build(view: View, sort: Sort): ListToWrite {
    return { view, sort, rows: this.rows, starts: this.starts };
  }
}

export function listSnapshotFile(libraryDir: string): string {
  return path.join(libraryDir, LIST_SNAPSHOT_DIR, FILE);
}

/**
 * What every papers shard's file is now. Files are replaced whole (a rename), by Margin, git or a cloud
 * drive, so a changed shard has a new inode or modification time; an edit in place changes its time or
 * size. The folder is listed first, so only shards that exist are asked about: ~3 ms at 1k papers (most
 * shards missing), ~7 ms for 1,024 files.
 */
export function papersStamp(libraryDir: string, shardCount: number): string {
  return stampOf(shardCount, shardFileStats(path.join(libraryDir, PAPERS_DIR), shardCount));
}

/** `papersStamp` in turns of the event loop, for the snapshot writer (the store's queue held meanwhile). */
export async function papersStampInTurns(libraryDir: string, shardCount: number): Promise<string> {
  return stampOf(shardCount, await shardFileStatsInTurns(path.join(libraryDir, PAPERS_DIR), shardCount));
}

function stampOf(shardCount: number, stats: ReadonlyArray<Stats | undefined>): string {
  // One string hashed once: an update per shard cost ~1 ms of the open.
  const lines = stats.map((s) => (s ? `${s.size}:${s.mtimeMs}:${s.ino}\n` : 'none\n'));
  return createHash('sha256')
    .update(`${shardCount}\n${lines.join('')}`)
    .digest('hex');
}

/**
 * The snapshot file as its chunks, in order: the magic and checksum line, the header, then each list's rows and
 * offset table. Nothing is joined (a 100,000-paper snapshot is tens of MB: copying it whole held the event loop), and
 * the checksum is taken a chunk at a time, in turns.
 */
export async function encodeListSnapshot(
  stamp: string,
  counts: LibraryCounts,
  lists: readonly ListToWrite[],
): Promise<Buffer[]> {
  const parts: Buffer[] = [];
  const entries: Array<z.input<typeof ListEntrySchema>> = [];
  let at = 0;
  for (const list of lists) {
    const rowsLength = list.rows.reduce((sum, rows) => sum + rows.length, 0);
    const total = list.starts.length - 1;
    const table = Buffer.alloc(4 * list.starts.length);
    list.starts.forEach((start, i) => table.writeUInt32LE(start, 4 * i));
    entries.push({ view: list.view, sort: list.sort, total, rowsAt: at, tableAt: at + rowsLength });
    parts.push(...list.rows, table);
    at += rowsLength + table.length;
  }
  const header = Buffer.from(`${JSON.stringify({ stamp, counts, lists: entries })}\n`, 'utf8');
  const hash = createHash('sha256').update(header);
  const work = turns();
  for (const part of parts) {
    hash.update(part);
    if (work.due()) await work.turn();
  }
  return [Buffer.from(`${MAGIC}\n${hash.digest('hex')}\n`, 'utf8'), header, ...parts];
}

/** Write the snapshot whole or not at all (a temporary file, then a rename), a chunk at a time. */
export async function writeListSnapshot(libraryDir: string, chunks: readonly Buffer[]): Promise<void> {
  const file = listSnapshotFile(libraryDir);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk);
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}

/** The header's first bytes hold its counts: `{"stamp":"<64 hex>","counts":{"total":N,"trashCount":N,…`. */
const PAPERS_HINT =
  /^[^\n]*\n[0-9a-f]{64}\n\{"stamp":"[0-9a-f]{64}","counts":\{"total":(\d{1,9}),"trashCount":(\d{1,9}),/;

/**
 * How many papers the library held when its snapshot was written, read from the file's first bytes without
 * checking it (null: none, or not in this shape). A hint for what to start early, never an answer: what the
 * snapshot answers is read by `readListSnapshot`.
 */
export function listSnapshotPapersHint(libraryDir: string): number | null {
  let head: string;
  try {
    const fd = openSync(listSnapshotFile(libraryDir), 'r');
    try {
      const buffer = Buffer.alloc(512);
      head = buffer.toString('utf8', 0, readSync(fd, buffer, 0, buffer.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
  if (!head.startsWith(`${MAGIC}\n`)) return null;
  const match = PAPERS_HINT.exec(head);
  return match ? Number(match[1]) + Number(match[2]) : null;
}

/** A read, whole and current snapshot: counts, and pages of its lists. */
export interface ListSnapshot {
  readonly counts: LibraryCounts;
  /** A page of a stored list (null: this list is not stored). Rows that do not validate throw. */
  page(view: View, sort: Sort, offset: number, limit: number): { total: number; rows: ListRow[] } | null;
}

/**
 * The snapshot, when it is whole and its stamp is the library's now; otherwise null (missing, damaged,
 * older layout, or the library changed since): the list is then made from the records, as without one.
 */
export function readListSnapshot(libraryDir: string, stamp: string): ListSnapshot | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(listSnapshotFile(libraryDir));
  } catch {
    return null;
  }
  const magicEnd = bytes.indexOf(10);
  const sumEnd = magicEnd < 0 ? -1 : bytes.indexOf(10, magicEnd + 1);
  if (sumEnd < 0 || bytes.toString('utf8', 0, magicEnd) !== MAGIC) return null;
  const body = bytes.subarray(sumEnd + 1);
  if (createHash('sha256').update(body).digest('hex') !== bytes.toString('utf8', magicEnd + 1, sumEnd)) return null;
  const headerEnd = body.indexOf(10);
  let header: z.output<typeof HeaderSchema>;
  try {
    header = HeaderSchema.parse(JSON.parse(body.toString('utf8', 0, headerEnd)));
  } catch {
    return null;
  }
  if (header.stamp !== stamp) return null;
  const data = body.subarray(headerEnd + 1);
  const sameView = (a: View, b: View) => JSON.stringify(a) === JSON.stringify(b);
  return {
    counts: header.counts,
    page(view, sort, offset, limit) {
      const list = header.lists.find((l) => l.sort === sort && sameView(l.view, view));
      if (!list) return null;
      const rows: ListRow[] = [];
      for (let i = offset; i < Math.min(list.total, offset + limit); i++) {
        const start = data.readUInt32LE(list.tableAt + 4 * i);
        const end = data.readUInt32LE(list.tableAt + 4 * (i + 1)) - 1;
        rows.push(ListRowSchema.parse(JSON.parse(data.toString('utf8', list.rowsAt + start, list.rowsAt + end))));
      }
      return { total: list.total, rows };
    },
  };
}
