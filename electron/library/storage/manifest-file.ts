/** The library's manifest (`margin.json`): written when a library is created, read and recovered at open. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurable } from './durable-write.js';
import { CorruptFileError, LibraryError } from './errors.js';
import {
  BACKUPS_DIR,
  CONTENTS_DIR,
  CURRENT_VERSION,
  DEFAULT_SHARD_COUNT,
  MANIFEST_FILE,
  ManifestSchema,
  PAPERS_DIR,
  type Manifest,
} from './layout.js';
import { readIfExistsSync } from './read-if-exists.js';
import { recoverCorruptFile, type Notice } from './recovery.js';
import { stableStringify } from './stable-json.js';
import { parseValidated } from './validated-json-file.js';

/** Make a new library in `dir`: its shard and backup folders, then the manifest (a backup copy first). */
export async function createLibrary(dir: string, now: () => Date): Promise<Manifest> {
  for (const sub of [
    PAPERS_DIR,
    CONTENTS_DIR,
    path.join(BACKUPS_DIR, PAPERS_DIR),
    path.join(BACKUPS_DIR, CONTENTS_DIR),
  ]) {
    await mkdir(path.join(dir, sub), { recursive: true });
  }
  const manifest: Manifest = {
    format: 'margin-library',
    version: CURRENT_VERSION,
    shardCount: DEFAULT_SHARD_COUNT,
    createdAt: now().toISOString(),
  };
  await writeFileDurable(path.join(dir, BACKUPS_DIR, MANIFEST_FILE), stableStringify(manifest));
  await writeFileDurable(path.join(dir, MANIFEST_FILE), stableStringify(manifest));
  return manifest;
}

/**
 * The manifest, or null when `dir` holds no library yet. A damaged manifest is recovered from its backup
 * (kept aside first when `writable`), with a notice; with no good backup the library cannot be opened.
 */
export async function readManifest(
  dir: string,
  writable: boolean,
  now: () => Date,
  notices: Notice[],
): Promise<Manifest | null> {
  const file = path.join(dir, MANIFEST_FILE);
  let text: string | null;
  try {
    text = readIfExistsSync(file);
  } catch (error) {
    throw new LibraryError('io', `${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  if (text === null) return null;
  try {
    return parseValidated(file, text, ManifestSchema);
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
    const recovered = await recoverCorruptFile(
      dir,
      error,
      path.join(dir, BACKUPS_DIR, MANIFEST_FILE),
      ManifestSchema,
      writable,
      now,
    );
    notices.push(recovered.notice);
    if (recovered.data === null) throw new LibraryError('corrupt', recovered.notice.message);
    return recovered.data;
  }
}
