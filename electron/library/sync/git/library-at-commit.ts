/** A library as one git commit holds it: read from git's objects, checked like any file read from disk. */
import type { PaperContent, PaperRecord } from '../../../../shared/models/paper.js';
import {
  ATTACHMENTS_DIR,
  CONTENTS_DIR,
  ContentShardSchema,
  MANIFEST_FILE,
  ManifestSchema,
  PAPERS_DIR,
  PaperShardSchema,
  type Manifest,
} from '../../storage/layout.js';
import { parseValidated } from '../../storage/validated-json-file.js';
import { EMPTY_LIBRARY, type LibraryState } from '../library-state.js';
import { isShardName } from '../../storage/shard-name.js';
import { SIDE_FILES, SIDE_KEYS, withSideFile } from '../side-files.js';
import { git, readBlobs } from './git-command.js';

export interface CommittedLibrary {
  /** Null when the commit holds no library (no `margin.json`). */
  readonly manifest: Manifest | null;
  readonly state: LibraryState;
  /** Paths of the PDFs it holds (`attachments/<sha256>.pdf`). */
  readonly attachments: ReadonlySet<string>;
}

const PDF = new RegExp(`^${ATTACHMENTS_DIR}/[0-9a-f]{64}\\.pdf$`);

/** Read the library at `commit` of the repository in `dir`. A damaged file stops the sync (CorruptFileError). */
export async function libraryAtCommit(dir: string, commit: string): Promise<CommittedLibrary> {
  const listing = await git(dir, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const blobs = new Map<string, string>(); // path → object id
  const attachments = new Set<string>();
  for (const entry of listing.split('\0')) {
    const match = /^\d+ blob ([0-9a-f]+)\t(.+)$/s.exec(entry);
    if (!match?.[1] || match[2] === undefined) continue;
    if (PDF.test(match[2])) attachments.add(match[2]);
    else blobs.set(match[2], match[1]);
  }
  const manifestId = blobs.get(MANIFEST_FILE);
  if (manifestId === undefined) return { manifest: null, state: EMPTY_LIBRARY, attachments };
  const wanted = [...blobs].filter(([file]) => wantedFile(file));
  const texts = await readBlobs(dir, [...new Set([manifestId, ...wanted.map(([, id]) => id)])]);
  const read = (file: string): string | undefined => {
    const id = blobs.get(file);
    return id === undefined ? undefined : texts.get(id);
  };
  const where = (file: string) => `${commit.slice(0, 12)}:${file}`;
  const manifest = parseValidated(where(MANIFEST_FILE), read(MANIFEST_FILE) ?? '', ManifestSchema);
  const records = new Map<string, PaperRecord>();
  const contents = new Map<string, PaperContent>();
  for (const [file] of wanted) {
    const [folder, name] = file.split('/');
    if (name === undefined || !isShardName(name, manifest.shardCount)) continue;
    const text = read(file) ?? '';
    if (folder === PAPERS_DIR)
      for (const [id, record] of Object.entries(parseValidated(where(file), text, PaperShardSchema).papers))
        records.set(id, record);
    else if (folder === CONTENTS_DIR)
      for (const [id, content] of Object.entries(parseValidated(where(file), text, ContentShardSchema).contents))
        contents.set(id, content);
  }
  let state: LibraryState = { ...EMPTY_LIBRARY, records, contents };
  for (const key of SIDE_KEYS) {
    const text = read(SIDE_FILES[key].path);
    if (text !== undefined) state = withSideFile(state, key, where(SIDE_FILES[key].path), text);
  }
  return { manifest, state, attachments };
}

function wantedFile(file: string): boolean {
  return /^(papers|contents)\/[0-9a-f]+\.json$/.test(file) || SIDE_KEYS.some((key) => SIDE_FILES[key].path === file);
}
