/**
 * The shared PDF folder: a folder the user names (a Dropbox or NAS folder) where every machine keeps a copy of its
 * PDFs as `<sha256>.pdf`, so a machine that received a paper by sync can fill its PDF without git or the network.
 * A file there is used only when its bytes hash to its name.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, copyFile, open, realpath, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_SUFFIX } from '../storage/durable-write.js';
import { LibraryError } from '../storage/errors.js';
import { attachmentPath, exists, isAttachmentHash, storePdf } from './attachment-files.js';

/** What looking for one PDF in the shared folder came to. */
export type SharedFetch =
  | { readonly outcome: 'filled' }
  | { readonly outcome: 'absent' }
  /** A file with the PDF's name whose bytes are another file's, or that cannot be read: why, in words. */
  | { readonly outcome: 'refused'; readonly message: string };

/**
 * The folder as Margin will use it: absolute, an existing folder it can write to, and not inside the library
 * (whose files sync through git). Throws an `invalid-request` error naming the folder and what is wrong.
 */
export async function checkSharedFolder(folder: string, libraryDir: string): Promise<string> {
  const where = `Shared PDF folder ${folder}`;
  if (!path.isAbsolute(folder) || folder.includes('\0'))
    throw new LibraryError('invalid-request', `${where}: not an absolute folder path`);
  const info = await stat(folder).catch(() => null);
  if (info === null) throw new LibraryError('invalid-request', `${where}: no such folder`);
  if (!info.isDirectory()) throw new LibraryError('invalid-request', `${where}: a file, not a folder`);
  const resolved = path.resolve(folder);
  // Compared with links resolved: a link to a folder inside the library is inside it.
  const library = await realpath(libraryDir).catch(() => path.resolve(libraryDir));
  const relative = path.relative(library, await realpath(resolved));
  if (relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative)))
    throw new LibraryError('invalid-request', `${where}: inside the library folder; choose a folder outside it`);
  await access(resolved, constants.W_OK).catch(() => {
    throw new LibraryError('invalid-request', `${where}: Margin cannot write to it`);
  });
  return resolved;
}

/** Where the shared copy of a PDF is: the hash alone names it, as in the library. */
export function sharedPdfPath(folder: string, sha256: string): string {
  if (!isAttachmentHash(sha256))
    throw new LibraryError('invalid-request', `not an attachment hash: ${sha256.slice(0, 80)}`);
  return path.join(folder, `${sha256}.pdf`);
}

/**
 * Copy one of the library's PDFs into the shared folder (temp file, fsync, rename: another machine never sees
 * half a file). A copy already there is left alone: its bytes are checked by whichever machine reads it.
 */
export async function copyToShared(libraryDir: string, folder: string, sha256: string): Promise<'copied' | 'there'> {
  const target = sharedPdfPath(folder, sha256);
  if (await exists(target)) return 'there';
  const temp = path.join(folder, `.${sha256}.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    await copyFile(attachmentPath(libraryDir, sha256), temp, constants.COPYFILE_EXCL);
    const handle = await open(temp, 'r+');
    await handle.sync().finally(() => handle.close());
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return 'copied';
}

/** Fill a PDF missing from the library from the shared folder, when a copy with the right bytes is there. */
export async function fetchFromShared(libraryDir: string, folder: string, sha256: string): Promise<SharedFetch> {
  const file = sharedPdfPath(folder, sha256);
  // A folder that is away (a NAS not mounted) is said to be away, not taken for a folder without the PDF.
  const reached = await stat(folder).then(
    (info) => (info.isDirectory() ? null : 'not a folder'),
    (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'),
  );
  if (reached !== null)
    return { outcome: 'refused', message: `Shared PDF folder ${folder}: cannot be reached (${reached})` };
  if (!(await exists(file))) return { outcome: 'absent' };
  try {
    await storePdf(libraryDir, { file }, file, sha256);
    return { outcome: 'filled' };
  } catch (error) {
    if (error instanceof LibraryError) return { outcome: 'refused', message: error.message };
    throw error;
  }
}
