import { mkdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { writeFileDurable } from './durable-write.js';
import { CorruptFileError } from './errors.js';
import { QUARANTINE_DIR } from './layout.js';
import { parseValidated } from './validated-json-file.js';
import type { NoticeSchema } from '../../../shared/models/views.js';

/** Something the user must be told about the library (a file kept aside, a backup restored). */
export type Notice = z.output<typeof NoticeSchema>;

export interface RecoveryResult<T> {
  readonly data: T | null;
  readonly notice: Notice;
}

/**
 * Deal with a data file that failed to read. A writer moves the bad bytes into `quarantine/`
 * (never overwriting or deleting them) and restores the previous version when that one is good.
 * A reader changes nothing on disk and only reports.
 */
export async function recoverCorruptFile<S extends z.ZodType>(
  libraryDir: string,
  error: CorruptFileError,
  previousPath: string,
  schema: S,
  writable: boolean,
  now: () => Date,
): Promise<RecoveryResult<z.output<S>>> {
  const backup = await readGoodBackup(previousPath, schema);
  if (!writable) {
    return {
      data: backup,
      notice: {
        level: 'error',
        message: `${error.message}. It was left untouched${backup === null ? '' : '; showing its previous version from the backup'}. Open the library for writing (any editing command) to keep the bad file aside and restore.`,
      },
    };
  }
  const kept = await quarantine(libraryDir, error.filePath, now);
  if (backup !== null) {
    await writeFileDurable(error.filePath, await readFile(previousPath, 'utf8'));
    return {
      data: backup,
      notice: {
        level: 'warning',
        message: `${error.message}. The bad file was kept at ${kept} and its previous version was restored from ${previousPath}; the last change to the papers in it may be missing.`,
      },
    };
  }
  return {
    data: null,
    notice: {
      level: 'error',
      message: `${error.message}. The bad file was kept at ${kept}; there is no backup of it, so the papers it held are missing until it is repaired.`,
    },
  };
}

async function readGoodBackup<S extends z.ZodType>(previousPath: string, schema: S): Promise<z.output<S> | null> {
  try {
    return parseValidated(previousPath, await readFile(previousPath, 'utf8'), schema);
  } catch {
    return null;
  }
}

/** Move a bad file into `quarantine/` (never overwritten: the name carries the time); returns where it went. */
export async function quarantine(libraryDir: string, filePath: string, now: () => Date): Promise<string> {
  const dir = path.join(libraryDir, QUARANTINE_DIR);
  await mkdir(dir, { recursive: true });
  const relative = path.relative(libraryDir, filePath).split(path.sep).join('-');
  const stamp = now().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${relative}.${stamp}.bad`);
  await rename(filePath, target);
  return target;
}
