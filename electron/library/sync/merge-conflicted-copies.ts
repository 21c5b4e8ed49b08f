/**
 * A library in Dropbox, Syncthing, OneDrive or iCloud Drive: when two machines changed the same file before
 * the drive synced, the drive keeps one as the file and the other as a "conflicted copy" beside it, which
 * Margin never reads. This merges each copy into its file, paper by paper, and moves the copy aside.
 */
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { CorruptFileError, LibraryError } from '../storage/errors.js';
import {
  CONTENTS_DIR,
  ContentShardSchema,
  PAPERS_DIR,
  PaperShardSchema,
  QUARANTINE_DIR,
  shardOf,
} from '../storage/layout.js';
import type { LibraryStore } from '../storage/library-store.js';
import { readManifest } from '../storage/manifest-file.js';
import { readIfExists } from '../storage/read-if-exists.js';
import { parseValidated } from '../storage/validated-json-file.js';
import { conflictedCopies, type CloudDrive, type ConflictedCopy } from '../storage/conflicted-copies.js';
import { EMPTY_LIBRARY, type LibraryState } from './library-state.js';
import { mergeLibraries } from './merge-libraries.js';
import { same } from './merge-values.js';
import { isShardName } from '../storage/shard-name.js';
import { SIDE_FILES, SIDE_KEYS, withSideFile, writeSideFile, type SideKey } from './side-files.js';
import type { LibraryMergeReport } from './sync-report.js';

/** Where merged (and unreadable) copies are kept, inside the library's quarantine. */
export const CONFLICTED_COPIES_DIR = `${QUARANTINE_DIR}/conflicted-copies`;

export interface ConflictedCopyOutcome {
  /** The copy and the file it is a version of, relative to the library (`papers/0a3 2.json`). */
  readonly copy: string;
  readonly original: string;
  readonly drive: CloudDrive;
  /** `unreadable`: not a file of its kind (a copy caught half-synced): kept aside, nothing merged. */
  readonly outcome: 'merged' | 'unreadable';
  /** Where the copy is now, relative to the library. */
  readonly keptAt: string;
  /** Papers the copy changed (added, or merged with the library's version). */
  readonly papersChanged: number;
  readonly report: LibraryMergeReport | null;
}

/** A copy found and read: what is in it, or that it could not be read. */
type Found = Pick<ConflictedCopyOutcome, 'copy' | 'original' | 'drive'> & {
  readonly folder: string;
  readonly name: string;
  readonly merge: ((libraryDir: string) => Promise<Omit<ConflictedCopyOutcome, 'keptAt'>>) | null;
};

/**
 * Merge every conflicted copy of a shard or side file into it. The ancestor is empty: neither the drive
 * nor the library knows the version both machines started from (a backup is one machine's past, and taking
 * it for the ancestor would read the other machine's not-yet-seen changes as deletions). So nothing is
 * lost, at a price: a tag or highlight one machine removed can come back. Run it on a store open for
 * writing, before saved searches, distinct pairs or triage memory are read.
 */
export async function mergeConflictedCopies(store: LibraryStore, now: () => Date): Promise<ConflictedCopyOutcome[]> {
  if (store.readOnly)
    throw new LibraryError('read-only', `${store.dir} is open read-only; no conflicted copy was merged.`);
  const manifest = await readManifest(store.dir, false, now, []);
  if (manifest === null) return [];
  const live = new LiveLibrary(store, manifest.shardCount);
  const found: Found[] = [];
  for (const dir of [PAPERS_DIR, CONTENTS_DIR] as const) {
    const isShard = (name: string) => isShardName(name, manifest.shardCount);
    for (const copy of conflictedCopies(await listFolder(path.join(store.dir, dir)), isShard))
      found.push(await readShardCopy(store, live, dir, copy));
  }
  for (const key of SIDE_KEYS) found.push(...(await readSideCopies(store.dir, key)));
  const outcomes: ConflictedCopyOutcome[] = [];
  // Unreadable copies go aside first: they change nothing, and a backup would refuse to keep them.
  for (const f of found.filter((f) => f.merge === null)) {
    const keptAt = await keepAside(store.dir, f.folder, f.name);
    outcomes.push({ ...fields(f), outcome: 'unreadable', keptAt, papersChanged: 0, report: null });
  }
  const readable = found.filter((f) => f.merge !== null);
  if (readable.length === 0) return outcomes;
  // A backup first, as before any sweeping change: the library as it was before any copy came into it.
  await store.snapshot('before-merging-copies');
  for (const f of readable) {
    const merged = await f.merge?.(store.dir);
    if (merged) outcomes.push({ ...merged, keptAt: await keepAside(store.dir, f.folder, f.name) });
  }
  return outcomes;
}

function fields(f: Found): Pick<ConflictedCopyOutcome, 'copy' | 'original' | 'drive'> {
  return { copy: f.copy, original: f.original, drive: f.drive };
}

/** Every paper, read once and kept current as copies are merged in (two copies of one shard merge in turn). */
class LiveLibrary {
  private state: { records: Map<string, PaperRecord>; contents: Map<string, PaperContent> } | null = null;
  constructor(
    readonly store: LibraryStore,
    readonly shardCount: number,
  ) {}

  async get(): Promise<{ records: Map<string, PaperRecord>; contents: Map<string, PaperContent> }> {
    this.state ??= {
      records: new Map((await this.store.allRecords()).map((r) => [r.id, r])),
      contents: await this.store.allContents(),
    };
    return this.state;
  }
}

async function readShardCopy(
  store: LibraryStore,
  live: LiveLibrary,
  dir: typeof PAPERS_DIR | typeof CONTENTS_DIR,
  copy: ConflictedCopy,
): Promise<Found> {
  const file = path.join(store.dir, dir, copy.name);
  const found = { copy: `${dir}/${copy.name}`, original: `${dir}/${copy.original}`, drive: copy.drive };
  const at = { folder: dir, name: copy.name };
  let theirs: Partial<Pick<LibraryState, 'records' | 'contents'>>;
  try {
    const text = await readFile(file, 'utf8');
    theirs =
      dir === PAPERS_DIR
        ? { records: new Map(Object.entries(parseValidated(file, text, PaperShardSchema).papers)) }
        : { contents: new Map(Object.entries(parseValidated(file, text, ContentShardSchema).contents)) };
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    return { ...found, ...at, merge: null };
  }
  const index = Number.parseInt(path.basename(copy.original, '.json'), 16);
  return { ...found, ...at, merge: async () => ({ ...found, ...(await mergeShard(live, dir, index, theirs)) }) };
}

/** Merge one shard's copy into the library through the store (atomically, by its journal). */
async function mergeShard(
  live: LiveLibrary,
  dir: typeof PAPERS_DIR | typeof CONTENTS_DIR,
  index: number,
  theirs: Partial<Pick<LibraryState, 'records' | 'contents'>>,
): Promise<Pick<ConflictedCopyOutcome, 'outcome' | 'papersChanged' | 'report'>> {
  const { records, contents } = await live.get();
  // The copy's papers, and the library's in the same shard (those the copy lacks are kept: an empty ancestor).
  const ids = new Set([...(theirs.records?.keys() ?? []), ...(theirs.contents?.keys() ?? [])]);
  for (const id of dir === PAPERS_DIR ? records.keys() : contents.keys())
    if (shardOf(id, live.shardCount) === index) ids.add(id);
  const ours: LibraryState = { ...EMPTY_LIBRARY, records: pick(records, ids), contents: pick(contents, ids) };
  // The copy is one half of the other machine's papers; the other half is taken to be as here.
  const merged = mergeLibraries(EMPTY_LIBRARY, ours, { ...ours, ...theirs });
  const changedRecords = [...merged.library.records.values()].filter((r) => !same(r, records.get(r.id)));
  const changedContents = new Map([...merged.library.contents].filter(([id, c]) => !same(c, contents.get(id))));
  await live.store.commit({ records: changedRecords, contents: changedContents });
  for (const record of changedRecords) records.set(record.id, record);
  for (const [id, content] of changedContents) contents.set(id, content);
  const changed = new Set([...changedRecords.map((r) => r.id), ...changedContents.keys()]);
  return { outcome: 'merged', papersChanged: changed.size, report: merged.report };
}

function pick<V>(map: ReadonlyMap<string, V>, ids: ReadonlySet<string>): Map<string, V> {
  return new Map(
    [...ids].flatMap((id): Array<[string, V]> => {
      const value = map.get(id);
      return value === undefined ? [] : [[id, value]];
    }),
  );
}

/** The conflicted copies of one side file (found by name beside it), read. */
async function readSideCopies(libraryDir: string, key: SideKey): Promise<Found[]> {
  const side = SIDE_FILES[key];
  const folder = path.dirname(side.path);
  const isOriginal = (name: string) => name === path.basename(side.path);
  const found: Found[] = [];
  for (const copy of conflictedCopies(await listFolder(path.join(libraryDir, folder)), isOriginal)) {
    const copyPath = path.join(libraryDir, folder, copy.name);
    const about = { copy: folder === '.' ? copy.name : `${folder}/${copy.name}`, original: side.path };
    const at = { drive: copy.drive, folder, name: copy.name };
    let theirs: LibraryState;
    try {
      theirs = withSideFile(EMPTY_LIBRARY, key, copyPath, await readFile(copyPath, 'utf8'));
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      found.push({ ...about, ...at, merge: null });
      continue;
    }
    const merge = async (dir: string) => ({ ...about, drive: copy.drive, ...(await mergeSide(dir, key, theirs)) });
    found.push({ ...about, ...at, merge });
  }
  return found;
}

/** Merge a side file's copy into it. The file itself unreadable stops here: opening the library recovers it first. */
async function mergeSide(
  libraryDir: string,
  key: SideKey,
  theirs: LibraryState,
): Promise<Pick<ConflictedCopyOutcome, 'outcome' | 'papersChanged' | 'report'>> {
  const livePath = path.join(libraryDir, SIDE_FILES[key].path);
  const text = await readIfExists(livePath);
  const ours = text === null ? EMPTY_LIBRARY : withSideFile(EMPTY_LIBRARY, key, livePath, text);
  const merged = mergeLibraries(EMPTY_LIBRARY, ours, theirs);
  if (!same(merged.library[key], ours[key])) await writeSideFile(libraryDir, key, merged.library);
  return { outcome: 'merged', papersChanged: 0, report: merged.report };
}

async function listFolder(folder: string): Promise<string[]> {
  return readdir(folder).catch(() => []);
}

/** Move a copy into `quarantine/conflicted-copies/`, never over a file already there; returns where, relative. */
async function keepAside(libraryDir: string, folder: string, name: string): Promise<string> {
  const target = path.join(libraryDir, CONFLICTED_COPIES_DIR);
  await mkdir(target, { recursive: true });
  const base = folder === '.' ? name : `${folder.split('/').join('-')}-${name}`;
  let kept = path.join(target, base);
  for (let n = 2; await exists(kept); n++) kept = path.join(target, `${base}.${n}`);
  await rename(path.join(libraryDir, folder, name), kept);
  return path.relative(libraryDir, kept).split(path.sep).join('/');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
