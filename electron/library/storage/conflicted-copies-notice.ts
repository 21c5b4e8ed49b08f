import { TEMP_SUFFIX } from './durable-write.js';
import { folderListings, type ListFolder } from './folder-listings.js';
import { conflictedCopies } from './conflicted-copies.js';
import { CONTENTS_DIR, PAPERS_DIR } from './layout.js';
import type { Notice } from './recovery.js';
import { isShardName } from './shard-name.js';

/** The library's own files outside the shards that a drive may copy, by folder. */
const SIDE_FILES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['.', ['searches.json', 'distinct.json']],
  ['triage', ['skipped.json', 'watch.json']],
];

/**
 * A notice naming the conflicted copies a cloud drive left beside the library's files (which Margin never
 * reads), or none. A few folder listings, so it costs next to nothing at open.
 */
export async function conflictedCopiesNotices(
  dir: string,
  shardCount: number,
  list: ListFolder = folderListings(dir),
): Promise<Notice[]> {
  const look = (folder: string, isOriginal: (name: string) => boolean) => {
    // Temp files (a write in flight, or one the sweep removes) are no drive's copies.
    const names = list(folder).filter((name) => !name.endsWith(TEMP_SUFFIX));
    return conflictedCopies(names, isOriginal).map((copy) => (folder === '.' ? copy.name : `${folder}/${copy.name}`));
  };
  // Named in this order.
  const found = [
    ...[PAPERS_DIR, CONTENTS_DIR].flatMap((folder) => look(folder, (name) => isShardName(name, shardCount))),
    ...SIDE_FILES.flatMap(([folder, names]) => look(folder, (name) => names.includes(name))),
  ];
  if (found.length === 0) return [];
  const named = found.slice(0, 3).join(', ') + (found.length > 3 ? `, and ${found.length - 3} more` : '');
  return [
    {
      level: 'warning',
      message: `${dir} holds ${found.length} conflicted cop${found.length === 1 ? 'y' : 'ies'} left by a cloud drive (${named}): versions of the library's files changed on two machines at once, which Margin does not read. Run margin sync --conflicted-copies to merge them in.`,
    },
  ];
}
