/** Opening a version-0 library (one `library.json`) for writing: its papers go into the journal, the file into backups. */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { journalOf, writeJournal } from './journal-file.js';
import { BACKUPS_DIR } from './layout.js';
import { LEGACY_SINGLE_FILE, V0LibrarySchema, migrateV0ToV1 } from './migrations.js';
import { readIfExistsSync } from './read-if-exists.js';
import type { Notice } from './recovery.js';
import { parseValidated } from './validated-json-file.js';

/**
 * Version 0 kept everything in one `library.json`; commit its papers as a journal (which the open then
 * applies to the shards), keeping the old file as a backup. Returns the notice to show, or null when
 * there is no such file.
 */
export async function migrateLegacySingleFile(dir: string): Promise<Notice | null> {
  const legacyPath = path.join(dir, LEGACY_SINGLE_FILE);
  const text = readIfExistsSync(legacyPath);
  if (text === null) return null;
  const { records, contents } = migrateV0ToV1(parseValidated(legacyPath, text, V0LibrarySchema));
  await writeJournal(dir, journalOf(records, contents, []));
  await mkdir(path.join(dir, BACKUPS_DIR), { recursive: true });
  await copyFile(legacyPath, path.join(dir, BACKUPS_DIR, `${LEGACY_SINGLE_FILE}.v0`));
  await rm(legacyPath);
  return {
    level: 'warning',
    message: `Moved ${records.length} papers from the single-file library ${legacyPath} into shards; the original is kept in ${BACKUPS_DIR}/.`,
  };
}
