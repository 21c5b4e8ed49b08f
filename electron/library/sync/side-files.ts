/** The library's synced files besides the shards: where each is kept, read back checked, and written. */
import path from 'node:path';
import type { z } from 'zod';
import { DistinctFileSchema } from '../context/distinct-pairs.js';
import { SavedSearchesFileSchema } from '../saved-searches.js';
import { BACKUPS_DIR } from '../storage/layout.js';
import { parseValidated, ValidatedJsonFile } from '../storage/validated-json-file.js';
import { SkipFileSchema } from '../triage/skip-memory.js';
import { WatchFileSchema } from '../triage/triaging.js';
import type { LibraryState } from './library-state.js';

export type SideKey = 'distinct' | 'searches' | 'skipped' | 'watch';

export interface SideFile<K extends SideKey> {
  /** Inside the library, `/`-separated. */
  readonly path: string;
  /** The file's part of the library state; throws CorruptFileError when the text is not such a file. */
  parse(filePath: string, text: string): LibraryState[K];
  /** Write it durably, as its owner does (stable JSON, the previous version kept where its owner keeps one). */
  write(libraryDir: string, value: LibraryState[K]): Promise<void>;
}

function sideFile<K extends SideKey, S extends z.ZodType>(
  relative: string,
  schema: S,
  keepsPrevious: boolean,
  get: (data: z.output<S>) => LibraryState[K],
  put: (value: LibraryState[K]) => z.output<S>,
): SideFile<K> {
  return {
    path: relative,
    parse: (filePath, text) => get(parseValidated(filePath, text, schema)),
    write: async (libraryDir, value) => {
      const file = path.join(libraryDir, ...relative.split('/'));
      const previous = keepsPrevious ? path.join(libraryDir, BACKUPS_DIR, path.basename(file)) : undefined;
      await new ValidatedJsonFile(file, schema, previous).write(put(value));
    },
  };
}

/** Each synced side file (`triage/sessions/` are a triage's working files and stay out of the merge). */
export const SIDE_FILES: { readonly [K in SideKey]: SideFile<K> } = {
  distinct: sideFile(
    'distinct.json',
    DistinctFileSchema,
    true,
    (data) => data.pairs,
    (pairs) => ({ version: 1 as const, pairs: pairs.map(([a, b]): [string, string] => [a, b]) }),
  ),
  searches: sideFile(
    'searches.json',
    SavedSearchesFileSchema,
    true,
    (data) => data.searches,
    (searches) => ({ version: 1 as const, searches: [...searches] }),
  ),
  skipped: sideFile(
    'triage/skipped.json',
    SkipFileSchema,
    false,
    (data) => data.skipped,
    (skipped) => ({ version: 1 as const, skipped: [...skipped] }),
  ),
  watch: sideFile(
    'triage/watch.json',
    WatchFileSchema,
    false,
    (data) => data.watch,
    (watch) => ({ version: 1 as const, watch }),
  ),
};

export const SIDE_KEYS: readonly SideKey[] = ['distinct', 'searches', 'skipped', 'watch'];

/** One side file's part of a state, written (a switch: each key has a type of its own). */
export async function writeSideFile(libraryDir: string, key: SideKey, state: LibraryState): Promise<void> {
  switch (key) {
    case 'distinct':
      return SIDE_FILES.distinct.write(libraryDir, state.distinct);
    case 'searches':
      return SIDE_FILES.searches.write(libraryDir, state.searches);
    case 'skipped':
      return SIDE_FILES.skipped.write(libraryDir, state.skipped);
    case 'watch':
      return SIDE_FILES.watch.write(libraryDir, state.watch);
  }
}

/** `state` with one side file's part replaced by what `text` holds (throws CorruptFileError when it is not such a file). */
export function withSideFile<K extends SideKey>(
  state: LibraryState,
  key: K,
  filePath: string,
  text: string,
): LibraryState {
  const value: LibraryState[K] = SIDE_FILES[key].parse(filePath, text);
  return { ...state, [key]: value };
}
