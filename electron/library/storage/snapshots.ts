import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { BackupInfoSchema, type BackupInfo } from '../../../shared/models/backup.js';
import { nodeDurableFs, syncFolder, writeFileDurable } from './durable-write.js';
import { LibraryError } from './errors.js';
import { ATTACHMENTS_DIR, BACKUPS_DIR, CONTENTS_DIR, MANIFEST_FILE, PAPERS_DIR } from './layout.js';

/** Whole-library backups: `backups/snapshots/<name>/`, newest 10 kept. */
export const SNAPSHOTS_DIR = path.join(BACKUPS_DIR, 'snapshots');
export const KEEP_SNAPSHOTS = 10;
/** The library's own files outside the shards: its format, saved searches, and the pairs said to be distinct. */
const TOP_LEVEL_FILES = [MANIFEST_FILE, 'searches.json', 'distinct.json'];

/** `backup.json`, read back like every other file: checked, never cast. */
const SnapshotInfoSchema = BackupInfoSchema;
export type SnapshotInfo = BackupInfo;

/**
 * Take a point-in-time backup of the library's data files. Shard writes always replace a file by rename
 * (never in place), so hard links are an exact copy that costs no space; where links are not possible,
 * files are copied. Every file is read back and parsed before the backup counts.
 */
export async function takeSnapshot(libraryDir: string, reason: string, now: Date): Promise<SnapshotInfo> {
  return finishSnapshot(libraryDir, await stageSnapshot(libraryDir, reason, now));
}

/** A snapshot whose files are linked but not yet verified and published. */
export interface StagedSnapshot {
  readonly info: SnapshotInfo;
  readonly staging: string;
  readonly target: string;
}

/**
 * The part of a backup that must not overlap a write: linking every file (milliseconds, even at 100k
 * papers). Verifying and publishing (`finishSnapshot`) can then run while edits go on, because linked
 * files are never changed in place: every write replaces a file by rename.
 */
export async function stageSnapshot(libraryDir: string, reason: string, now: Date): Promise<StagedSnapshot> {
  const base = `${now.toISOString().replace(/[:.]/g, '-')}-${reason.replace(/[^a-z0-9]+/gi, '-').slice(0, 30)}`;
  const taken = new Set(await readdir(path.join(libraryDir, SNAPSHOTS_DIR)).catch(() => [] as string[]));
  const name = freshName(base, taken);
  const target = path.join(libraryDir, SNAPSHOTS_DIR, name);
  const staging = `${target}.partial`;
  await rm(staging, { recursive: true, force: true });
  let files = 0;
  for (const sub of [PAPERS_DIR, CONTENTS_DIR]) {
    await mkdir(path.join(staging, sub), { recursive: true });
    for (const file of await shardFiles(path.join(libraryDir, sub))) {
      await linkOrCopy(path.join(libraryDir, sub, file), path.join(staging, sub, file));
      files++;
    }
  }
  // PDFs are stored under their hash and never changed, so a link is the whole backup of one.
  const pdfs = await pdfFiles(path.join(libraryDir, ATTACHMENTS_DIR));
  if (pdfs.length > 0) await mkdir(path.join(staging, ATTACHMENTS_DIR), { recursive: true });
  for (const file of pdfs) {
    await linkOrCopy(path.join(libraryDir, ATTACHMENTS_DIR, file), path.join(staging, ATTACHMENTS_DIR, file));
    files++;
  }
  for (const file of TOP_LEVEL_FILES) {
    try {
      await linkOrCopy(path.join(libraryDir, file), path.join(staging, file));
      files++;
    } catch {
      // searches.json and distinct.json exist only once used
    }
  }
  return { info: { name, reason, createdAt: now.toISOString(), files }, staging, target };
}

/**
 * A name not used before for backups taken at the same moment for the same reason: numbered after the highest
 * number in use (never reusing one that was pruned), padded so the names sort in the order they were taken.
 */
function freshName(base: string, taken: ReadonlySet<string>): string {
  let highest = taken.has(base) ? 1 : 0;
  for (const name of taken) {
    const number = name.startsWith(`${base}-`) ? /^(\d{4,})$/.exec(name.slice(base.length + 1)) : null;
    if (number?.[1] !== undefined) highest = Math.max(highest, Number(number[1]));
  }
  return highest === 0 ? base : `${base}-${String(highest + 1).padStart(4, '0')}`;
}

/** Verify every file of a staged backup reads back, then publish it and keep only the newest 10. */
export async function finishSnapshot(libraryDir: string, staged: StagedSnapshot): Promise<SnapshotInfo> {
  await verifyReadable(staged.staging);
  await writeInfo(staged.staging, staged.info);
  await rename(staged.staging, staged.target);
  await syncFolder(nodeDurableFs, path.dirname(staged.target));
  await prune(libraryDir);
  return staged.info;
}

export async function listSnapshots(libraryDir: string): Promise<SnapshotInfo[]> {
  const dir = path.join(libraryDir, SNAPSHOTS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.endsWith('.partial'));
  } catch {
    return [];
  }
  const infos: SnapshotInfo[] = [];
  for (const name of names) {
    try {
      const info = SnapshotInfoSchema.safeParse(
        JSON.parse(await readFile(path.join(dir, name, 'backup.json'), 'utf8')),
      );
      // A backup is known by its folder, whatever its backup.json says (a renamed or copied folder, a
      // hand-edited name): restoring and pruning then touch only that folder.
      if (info.success) infos.push({ ...info.data, name });
    } catch {
      // not a finished backup
    }
  }
  // Newest first.
  const newestFirst = (a: SnapshotInfo, b: SnapshotInfo) =>
    a.createdAt === b.createdAt ? (a.name < b.name ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1;
  return infos.sort(newestFirst);
}

/**
 * Put a backup's files back in place. The caller holds the write lock and takes a snapshot first, so a
 * restore can itself be undone. Files that did not exist at backup time are moved into quarantine.
 */
export async function restoreSnapshot(libraryDir: string, name: string): Promise<SnapshotInfo> {
  const source = path.join(libraryDir, SNAPSHOTS_DIR, path.basename(name));
  const info = (await listSnapshots(libraryDir)).find((s) => s.name === path.basename(name));
  if (!info)
    throw new LibraryError(
      'not-found',
      `no backup named ${name} in ${path.join(libraryDir, SNAPSHOTS_DIR)}; margin backup list shows them`,
    );
  await verifyComplete(source);
  await verifyReadable(source);
  const aside = (sub: string, file: string) => setAside(libraryDir, info.name, sub, file);
  for (const sub of [PAPERS_DIR, CONTENTS_DIR]) {
    const wanted = new Set(await shardFiles(path.join(source, sub)));
    for (const file of await shardFiles(path.join(libraryDir, sub))) if (!wanted.has(file)) await aside(sub, file);
    for (const file of wanted) await replaceWith(path.join(source, sub, file), path.join(libraryDir, sub, file));
    await syncFolder(nodeDurableFs, path.join(libraryDir, sub));
  }
  // The backup's PDFs that are gone from the library come back (linked); later ones stay, unreferenced until
  // the Trash is next emptied.
  for (const file of await pdfFiles(path.join(source, ATTACHMENTS_DIR))) {
    const target = path.join(libraryDir, ATTACHMENTS_DIR, file);
    if (await exists(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await linkOrCopy(path.join(source, ATTACHMENTS_DIR, file), target);
  }
  for (const file of TOP_LEVEL_FILES) {
    if (await exists(path.join(source, file))) await replaceWith(path.join(source, file), path.join(libraryDir, file));
    // Saved searches or distinct pairs made after the backup are not part of the state restored.
    else if (await exists(path.join(libraryDir, file))) await aside('.', file);
  }
  return info;
}

/** Every backup has both shard folders (taking one always makes them): one without them is damaged. */
async function verifyComplete(source: string): Promise<void> {
  for (const sub of [PAPERS_DIR, CONTENTS_DIR])
    if (!(await exists(path.join(source, sub))))
      throw new LibraryError(
        'corrupt',
        `backup ${path.basename(source)} has no ${sub} folder; it is damaged, and nothing was restored`,
      );
}

/** Move a file out of the way into `quarantine/`, never over a file already there. */
async function setAside(libraryDir: string, backup: string, sub: string, file: string): Promise<void> {
  const folder = path.join(libraryDir, 'quarantine');
  await mkdir(folder, { recursive: true });
  const base = `restored-over-${backup}-${sub === '.' ? '' : `${sub}-`}${file}`;
  let target = path.join(folder, base);
  for (let n = 2; await exists(target); n++) target = path.join(folder, `${base}.${n}`);
  await rename(path.join(libraryDir, sub, file), target);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function replaceWith(from: string, to: string): Promise<void> {
  const temp = `${to}.restore.tmp`;
  await copyFile(from, temp);
  await rename(temp, to);
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

async function jsonFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
}

/** Shard files only (`0a3.json`): a cloud drive's conflicted copy beside them is not the library's (sync merges it). */
async function shardFiles(dir: string): Promise<string[]> {
  return (await jsonFiles(dir)).filter((n) => /^[0-9a-f]+\.json$/.test(n));
}

async function pdfFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{64}\.pdf$/.test(n));
}

async function verifyReadable(dir: string): Promise<void> {
  for (const sub of ['.', PAPERS_DIR, CONTENTS_DIR]) {
    for (const file of await jsonFiles(path.join(dir, sub))) {
      if (file === 'backup.json') continue;
      try {
        JSON.parse(await readFile(path.join(dir, sub, file), 'utf8'));
      } catch {
        throw new LibraryError(
          'corrupt',
          `backup file ${path.join(dir, sub, file)} does not read back; the backup was not kept`,
        );
      }
    }
  }
}

async function writeInfo(dir: string, info: SnapshotInfo): Promise<void> {
  await writeFileDurable(path.join(dir, 'backup.json'), `${JSON.stringify(info, null, 2)}\n`);
}

async function prune(libraryDir: string): Promise<void> {
  const all = await listSnapshots(libraryDir);
  for (const old of all.slice(KEEP_SNAPSHOTS))
    await rm(path.join(libraryDir, SNAPSHOTS_DIR, old.name), { recursive: true, force: true });
}
