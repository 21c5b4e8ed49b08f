import { homedir } from 'node:os';
import { parseArgs } from 'node:util';
import { resolveLibraryDir } from '../../library/library-location.js';
import { LibraryStore } from '../../library/storage/library-store.js';
import { syncWithGit } from '../../library/sync/git/git-sync.js';
import { mergeConflictedCopies } from '../../library/sync/merge-conflicted-copies.js';
import type { LibraryMergeReport } from '../../library/sync/sync-report.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';

export const syncUsage = 'margin sync [--remote URL] [--branch B] | --conflicted-copies [--json] [--library DIR]';

/** `margin sync`: with git (the library folder a repository), or merging a cloud drive's conflicted copies. */
export async function syncCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      remote: { type: 'string' },
      branch: { type: 'string' },
      'conflicted-copies': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  const copies = values['conflicted-copies'];
  if (positionals.length > 0 || (copies && (values.remote !== undefined || values.branch !== undefined)))
    throw new UsageError(`usage: ${syncUsage}`);
  const dir = resolveLibraryDir(values.library, { platform: process.platform, home: homedir(), env: io.env });
  const now = () => new Date();
  const store = await LibraryStore.open({
    dir,
    mode: 'write',
    holder: 'margin sync',
    now,
    ...(io.env.MARGIN_TAKE_OVER_LOCK === '1' ? { takeOverLock: true } : {}),
  });
  try {
    if (copies) {
      const outcomes = await mergeConflictedCopies(store, now);
      if (values.json) printJson(io, outcomes);
      else if (outcomes.length === 0) io.stdout('No conflicted copies.\n');
      for (const o of values.json ? [] : outcomes)
        io.stdout(
          o.outcome === 'merged'
            ? `merged ${o.copy} (${o.drive}) into ${o.original}: ${o.papersChanged} paper${o.papersChanged === 1 ? '' : 's'} changed; the copy is kept at ${o.keptAt}\n${describe(o.report)}`
            : `${o.copy} (${o.drive}) is not a readable ${o.original}; nothing merged, it is kept at ${o.keptAt}\n`,
        );
      return 0;
    }
    const outcome = await syncWithGit(store, {
      ...(values.remote !== undefined ? { remote: values.remote } : {}),
      ...(values.branch !== undefined ? { branch: values.branch } : {}),
    });
    if (values.json) printJson(io, outcome);
    else {
      const retried =
        outcome.retries > 0 ? ` (after ${outcome.retries} lost push race${outcome.retries > 1 ? 's' : ''})` : '';
      io.stdout(`${RESULTS[outcome.result]}${retried}\n${outcome.merges.map(describe).join('')}`);
    }
    return 0;
  } finally {
    // The notice that copies are waiting is answered by this very command.
    const told = copies
      ? store.notices.filter((n) => !n.message.includes('margin sync --conflicted-copies'))
      : store.notices;
    for (const notice of told) io.stderr(`margin: ${notice.level}: ${notice.message}\n`);
    await store.close();
  }
}

const RESULTS = {
  'up-to-date': 'already in sync',
  pushed: 'pushed this machine’s changes',
  'fast-forwarded': 'took the other machines’ changes (nothing new here)',
  merged: 'merged both machines’ changes and pushed the result',
} as const;

/** One line per paper both sides changed that needs a look: values kept aside, notes with both versions, papers back. */
function describe(report: LibraryMergeReport | null): string {
  if (report === null) return '';
  const lines: string[] = [];
  for (const paper of report.papers) {
    const parts: string[] = [];
    if (paper.superseded.length > 0)
      parts.push(`kept the later edit of ${paper.superseded.map((s) => s.field).join(', ')}`);
    if (paper.noteConflicts > 0)
      parts.push(
        `both versions of ${paper.noteConflicts} place${paper.noteConflicts > 1 ? 's' : ''} in the note kept (marked <<<<<<<)`,
      );
    if (paper.keptOverDeletion.length > 0)
      parts.push(`${paper.keptOverDeletion.length} edited highlights kept over a deletion`);
    if (paper.restored === 'from-trash') parts.push('back from the Trash (edited on the other machine)');
    if (paper.restored === 'from-deletion') parts.push('kept: deleted on one machine, edited on the other');
    if (parts.length > 0) lines.push(`  ${paper.id} ${paper.title}: ${parts.join('; ')}\n`);
  }
  for (const other of report.other)
    lines.push(`  ${other.field}: kept ${JSON.stringify(other.kept)} over ${JSON.stringify(other.dropped)}\n`);
  return lines.join('');
}
