import { homedir } from 'node:os';
import { Library, type LibraryOpenOptions } from '../../library/library.js';
import { resolveLibraryDir } from '../../library/library-location.js';
import type { CliIo } from './io.js';
import type { ImportParser } from '../../library/import/import-parser.js';

/** Open the library for one command, tell the user about any recovery, and always close it. */
export async function withLibrary<T>(
  io: CliIo,
  libraryFlag: string | undefined,
  mode: 'read' | 'write',
  holder: string,
  run: (library: Library) => Promise<T>,
  parser?: ImportParser,
  extra: Pick<LibraryOpenOptions, 'pdfDownloads'> = {},
): Promise<T> {
  const dir = resolveLibraryDir(libraryFlag, { platform: process.platform, home: homedir(), env: io.env });
  // A lock held from another machine (a synced folder) is taken over only when the user says so.
  const takeOverLock = io.env.MARGIN_TAKE_OVER_LOCK === '1';
  const library = await Library.open({
    dir,
    mode,
    holder,
    ...(parser ? { parser } : {}),
    ...(takeOverLock ? { takeOverLock } : {}),
    ...extra,
  });
  try {
    return await run(library);
  } finally {
    // Shards load lazily, so recoveries are known only after the command ran.
    for (const notice of library.notices) io.stderr(`margin: ${notice.level}: ${notice.message}\n`);
    await library.close();
  }
}
