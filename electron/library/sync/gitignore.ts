/** What of a library folder never syncs: one machine's working files, kept out of git by the library's `.gitignore`. */
import path from 'node:path';
import { writeFileDurable } from '../storage/durable-write.js';
import { readIfExists } from '../storage/read-if-exists.js';

/** Each pattern with why it stays on its machine. */
export const NEVER_SYNCED: ReadonlyArray<{ readonly pattern: string; readonly why: string }> = [
  { pattern: '/write.lock', why: 'which process on this machine is writing the library' },
  { pattern: '/journal.json', why: 'a change this machine is applying (replayed here if it died halfway)' },
  { pattern: '/edits.log', why: 'edits this machine made that are not yet written into their shards' },
  { pattern: '*.tmp', why: 'files being written (durable writes, the lock, incoming PDFs)' },
  { pattern: '/backups/', why: "this machine's previous versions and whole-library backups" },
  { pattern: '/quarantine/', why: 'damaged files and merged conflicted copies, kept aside on this machine' },
  { pattern: '/.search-index/', why: 'the search index, rebuilt from the papers' },
  { pattern: '/attachments/*.txt', why: 'text read from PDFs, made again from the PDF when missing' },
  {
    pattern: '/attachments/*.pdf',
    why: 'PDFs: fetched again from arXiv, or copied from the shared PDF folder, on each machine',
  },
  { pattern: '/downloads.json', why: "this machine's queue of PDFs to download" },
  {
    pattern: '/triage/sessions/',
    why: 'digests being triaged on this machine (their outcome syncs as papers and skips)',
  },
  { pattern: '/exports/', why: '`margin serve` exports, written from the library' },
  { pattern: '/.list-snapshot/', why: 'the list shown while the library opens, written from the papers' },
];

const BEGIN = '# Margin: never synced (this block is rewritten by Margin; add your own lines outside it)';
const END = '# end of Margin';

/** The block Margin keeps in a library's `.gitignore`. */
export function gitignoreBlock(): string {
  const lines = NEVER_SYNCED.flatMap(({ pattern, why }) => [`# ${why}`, pattern]);
  return [BEGIN, ...lines, END].join('\n');
}

/**
 * A `.gitignore` with Margin's block in it: the user's lines kept as they are, the block replaced where it
 * was (so a newer Margin's list takes the place of an older one's) or added at the end.
 */
export function withGitignoreBlock(existing: string | null): string {
  const block = gitignoreBlock();
  if (existing === null || existing.trim() === '') return `${block}\n`;
  const start = existing.indexOf(BEGIN);
  const end = start === -1 ? -1 : existing.indexOf(END, start);
  if (start !== -1 && end !== -1) return `${existing.slice(0, start)}${block}${existing.slice(end + END.length)}`;
  return `${existing.endsWith('\n') ? existing : `${existing}\n`}\n${block}\n`;
}

/** Write the library's `.gitignore` (durably, and only when it would change); returns whether it did. */
export async function writeGitignore(libraryDir: string): Promise<boolean> {
  const file = path.join(libraryDir, '.gitignore');
  const existing = await readIfExists(file);
  const next = withGitignoreBlock(existing);
  if (next === existing) return false;
  await writeFileDurable(file, next);
  return true;
}
