import path from 'node:path';
import type { ExportScope, Handlers } from '../../../shared/ipc/contract.js';
import type { Paper } from '../../../shared/models/paper.js';
import { exportMarkdown, paperMarkdown } from '../export/markdown/export-markdown.js';
import { exportHighlightsDigest } from '../export/markdown/highlights-digest.js';
import type { Library } from '../library.js';
import { bibliography } from '../export/bibliography/export-bibliography.js';
import { writeOwnedFile } from '../export/owned-file.js';
import { LibraryError } from '../storage/errors.js';
import { assertNever } from '../../../shared/assert-never.js';

/** The papers an export scope names. */
export function papersInScope(library: Library, scope: ExportScope): Promise<Paper[]> {
  switch (scope.kind) {
    case 'ids':
      return library.list({ ids: scope.ids });
    case 'tag':
      return library.list({ tag: scope.tag });
    case 'status':
      return library.list({ status: scope.status });
    case 'all':
      return library.list();
    default:
      return assertNever(scope);
  }
}

/** Diffs are for reading in the dialog, not for shipping whole files across: keep each short. */
const MAX_DIFF_CHARS = 20_000;

/**
 * Where an export may write. With a root (`margin serve`: the folder given on its command line), every
 * path the UI names is taken below it and refused outside it, so a page that is not Margin's own cannot
 * make folders or files anywhere else.
 */
export function exportTarget(requested: string, root: string | null): string {
  if (root === null) return path.resolve(requested);
  const base = path.resolve(root);
  const target = path.resolve(base, requested);
  if (target !== base && !target.startsWith(base + path.sep)) throw new LibraryError('invalid-request', `${requested}: exports go in ${base} or a folder inside it`);
  return target;
}

export function createExportHandlers(library: Library, root: string | null = null): Pick<Handlers, 'export:markdown' | 'export:highlights' | 'export:paperMarkdown' | 'export:bibliography'> {
  return {
    'export:markdown': async ({ dir, scope, dryRun }) => {
      const report = await exportMarkdown(await papersInScope(library, scope), exportTarget(dir, root), { dryRun });
      const trim = (diff: string) => (diff.length > MAX_DIFF_CHARS ? `${diff.slice(0, MAX_DIFF_CHARS)}\n…` : diff);
      return { ...report, written: [...report.written], unchanged: [...report.unchanged], conflicts: report.conflicts.map((c) => ({ ...c, diff: trim(c.diff) })), diffs: report.diffs.slice(0, 200).map((d) => ({ ...d, diff: trim(d.diff) })) };
    },
    'export:highlights': async ({ file, scope }) => exportHighlightsDigest(await papersInScope(library, scope), exportTarget(file, root), { dryRun: false }),
    'export:paperMarkdown': async ({ id }) => ({ markdown: paperMarkdown(await library.get(id)) }),
    'export:bibliography': async ({ format, file, scope }) => {
      const papers = await papersInScope(library, scope);
      const target = exportTarget(file, root);
      const extension = format === 'bibtex' ? '.bib' : '.json';
      if (!target.endsWith(extension)) throw new LibraryError('invalid-request', `${file}: a ${format} export must end in ${extension}`);
      return { ...(await writeOwnedFile(target, bibliography(papers, format), { dryRun: false })), papers: papers.length };
    },
  };
}
