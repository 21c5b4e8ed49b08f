import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { nodeDurableFs, syncFolder, writeFileDurable } from './durable-write.js';
import { LibraryError } from './errors.js';
import { BACKUPS_DIR, CONTENTS_DIR, MANIFEST_FILE, PAPERS_DIR } from './layout.js';

/** Whole-library backups: `backups/snapshots/<name>/`, newest 10 kept. */
export const SNAPSHOTS_DIR = path.join(BACKUPS_DIR, 'snapshots');
export const KEEP_SNAPSHOTS = 10;
/** The library's own files outside the shards: its format, saved searches, and the pairs said to be distinct. */
const TOP_LEVEL_FILES = [MANIFEST_FILE, 'searches.json', 'distinct.json'];

/** `backup.json`, read back like every other file: checked, never cast. */
const SnapshotInfoSchema = z.object({
  name: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  files: z.number().int().nonnegative(),
});
export type SnapshotInfo = z.output<typeof SnapshotInfoSchema>;

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
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  const target = path.join(libraryDir, SNAPSHOTS_DIR, name);
  const staging = `${target}.partial`;
  await rm(staging, { recursive: true, force: true });
  let files = 0;
  for (const sub of [PAPERS_DIR, CONTENTS_DIR]) {
    await mkdir(path.join(staging, sub), { recursive: true });
    for (const file of await jsonFiles(path.join(libraryDir, sub))) {
      await linkOrCopy(path.join(libraryDir, sub, file), path.join(staging, sub, file));
      files++;
    }
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
  for (const name of names.sort().reverse()) {
    try {
      const info = SnapshotInfoSchema.safeParse(JSON.parse(await readFile(path.join(dir, name, 'backup.json'), 'utf8')));
      if (info.success) infos.push(info.data);
    } catch {
      // not a finished backup
    }
  }
  return infos;
}

/**
 * Put a backup's files back in place. The caller holds the write lock and takes a snapshot first, so a
 * restore can itself be undone. Files that did not exist at backup time are moved into quarantine.
 */
export async function restoreSnapshot(libraryDir: string, name: string): Promise<SnapshotInfo> {
  const source = path.join(libraryDir, SNAPSHOTS_DIR, path.basename(name));
  const info = (await listSnapshots(libraryDir)).find((s) => s.name === path.basename(name));
  if (!info) throw new LibraryError('not-found', `no backup named ${name} in ${path.join(libraryDir, SNAPSHOTS_DIR)}; margin backup list shows them`);
  await verifyReadable(source);
  for (const sub of [PAPERS_DIR, CONTENTS_DIR]) {
    const wanted = new Set(await jsonFiles(path.join(source, sub)));
    for (const file of await jsonFiles(path.join(libraryDir, sub))) {
      if (!wanted.has(file)) {
        const aside = path.join(libraryDir, 'quarantine', `restored-over-${sub}-${file}`);
        await mkdir(path.dirname(aside), { recursive: true });
        await rename(path.join(libraryDir, sub, file), aside);
      }
    }
    for (const file of wanted) await replaceWith(path.join(source, sub, file), path.join(libraryDir, sub, file));
    await syncFolder(nodeDurableFs, path.join(libraryDir, sub));
  }
  for (const file of TOP_LEVEL_FILES) {
    try {
      await stat(path.join(source, file));
      await replaceWith(path.join(source, file), path.join(libraryDir, file));
    } catch {
      // not in this backup
    }
  }
  return info;
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
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

async function verifyReadable(dir: string): Promise<void> {
  for (const sub of ['.', PAPERS_DIR, CONTENTS_DIR]) {
    for (const file of await jsonFiles(path.join(dir, sub))) {
      if (file === 'backup.json') continue;
      try {
        JSON.parse(await readFile(path.join(dir, sub, file), 'utf8'));
      } catch {
        throw new LibraryError('corrupt', `backup file ${path.join(dir, sub, file)} does not read back; the backup was not kept`);
      }
    }
  }
}

async function writeInfo(dir: string, info: SnapshotInfo): Promise<void> {
  await writeFileDurable(path.join(dir, 'backup.json'), `${JSON.stringify(info, null, 2)}\n`);
}

async function prune(libraryDir: string): Promise<void> {
  const all = await listSnapshots(libraryDir);
  for (const old of all.slice(KEEP_SNAPSHOTS)) await rm(path.join(libraryDir, SNAPSHOTS_DIR, old.name), { recursive: true, force: true });
}
