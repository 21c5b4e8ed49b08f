import { rm } from 'node:fs/promises';
import { attachmentPath } from '../../electron/library/attachments/attachment-files.js';

/** Remove a stored PDF's file and keep its record: a paper as a machine receives it by sync (PDFs skip git). */
export async function losePdf(libraryDir: string, sha256: string): Promise<void> {
  await rm(attachmentPath(libraryDir, sha256));
}
