/** Clean-up at open for writing: temporary files and half-made backups that a crash left behind. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_SUFFIX } from './durable-write.js';
import { ATTACHMENTS_DIR, CONTENTS_DIR, PAPERS_DIR } from './layout.js';
import { SNAPSHOTS_DIR } from './snapshots.js';
import { folderListings, type ListFolder } from './folder-listings.js';

/**
 * Remove the temporary files and `.partial` backup folders an interrupted write or backup left in `dir`, from
 * listings taken before this process wrote anything (its own temp files are never among them).
 */
export async function removeStaleTempFiles(dir: string, list: ListFolder = folderListings(dir)): Promise<void> {
  const folders = ['.', PAPERS_DIR, CONTENTS_DIR, ATTACHMENTS_DIR];
  const doomed = [
    // A backup interrupted by a crash left a `.partial` folder; it was never a backup.
    ...list(SNAPSHOTS_DIR)
      .filter((n) => n.endsWith('.partial'))
      .map((n) => path.join(dir, SNAPSHOTS_DIR, n)),
    ...folders.flatMap((folder) =>
      list(folder)
        .filter((n) => n.endsWith(TEMP_SUFFIX))
        .map((n) => path.join(dir, folder, n)),
    ),
  ];
  await Promise.all(doomed.map((file) => rm(file, { recursive: true, force: true })));
}
