/** PDFs stay out of git (issue 20): each machine gets them from arXiv or the shared PDF folder, never from a commit. */
import path from 'node:path';
import { exists } from '../../attachments/attachment-files.js';
import { ATTACHMENTS_DIR } from '../../storage/layout.js';
import { git } from './git-command.js';

/** The library's PDFs as a git pathspec. */
const TRACKED_PDFS = `${ATTACHMENTS_DIR}/*.pdf`;

/**
 * PDFs an older Margin committed leave git's index, in the commit being made, and stay on disk (`git rm --cached`):
 * from then on they are ignored like any new PDF, and reach other machines through the shared folder or arXiv.
 */
export async function untrackPdfs(dir: string): Promise<void> {
  const tracked = (await git(dir, ['ls-files', '-z', '--', TRACKED_PDFS])).split('\0').filter((f) => f !== '');
  if (tracked.length === 0) return;
  await git(
    dir,
    ['rm', '--cached', '--quiet', '--ignore-unmatch', '--pathspec-from-file=-', '--pathspec-file-nul'],
    tracked.join('\0'),
  );
}

/** Of these library-relative paths, those with no file on disk. */
export async function missingHere(dir: string, files: readonly string[]): Promise<string[]> {
  const here = await Promise.all(files.map((file) => exists(path.join(dir, ...file.split('/')))));
  return files.filter((_, i) => !here[i]);
}
