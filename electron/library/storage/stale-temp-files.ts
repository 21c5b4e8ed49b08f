/** Clean-up at open for writing: temporary files and half-made backups that a crash left behind. */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_SUFFIX } from './durable-write.js';
import { ATTACHMENTS_DIR, CONTENTS_DIR, PAPERS_DIR } from './layout.js';
import { SNAPSHOTS_DIR } from './snapshots.js';

/** Remove the temporary files and `.partial` backup folders an interrupted write or backup left in `dir`. */
export async function removeStaleTempFiles(dir: string): Promise<void> {
  // A backup interrupted by a crash left a `.partial` folder; it was never a backup.
  const snapshots = path.join(dir, SNAPSHOTS_DIR);
  for (const name of await readdir(snapshots).catch(() => [] as string[])) {
    if (name.endsWith('.partial')) await rm(path.join(snapshots, name), { recursive: true, force: true });
  }
  for (const sub of ['.', PAPERS_DIR, CONTENTS_DIR, ATTACHMENTS_DIR]) {
    let names: string[];
    try {
      names = await readdir(path.join(dir, sub));
    } catch {
      continue;
    }
    await Promise.all(
      names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => rm(path.join(dir, sub, n), { force: true })),
    );
  }
}
