import type { ExportScope, Handlers } from '../../../shared/ipc/contract.js';
import type { Paper } from '../../../shared/models/paper.js';
import { exportMarkdown, paperMarkdown } from '../export/markdown/export-markdown.js';
import { exportHighlightsDigest } from '../export/markdown/highlights-digest.js';
import type { Library } from '../library.js';
import { bibliography } from '../export/bibliography/export-bibliography.js';
import { writeOwnedFile } from '../export/owned-file.js';
import { LibraryError } from '../storage/errors.js';
import { assertNever } from '../../../shared/assert-never.js';
import { anyFolder, type ExportFolders } from './export-folders.js';

/** The papers an export scope names. */
export function papersInScope(library: Library, scope: ExportScope): Promise<Paper[]> {
  switch (scope.kind) {
    case 'ids':
      return library.papers.list({ ids: scope.ids });
    case 'tag':
      return library.papers.list({ view: { kind: 'tag', tag: scope.tag } });
    case 'status':
      return library.papers.list({ view: { kind: 'status', status: scope.status } });
    case 'all':
      return library.papers.list();
    default:
      return assertNever(scope);
  }
}

/** Diffs are for reading in the dialog, not for shipping whole files across: keep each short. */
const MAX_DIFF_CHARS = 20_000;

export function createExportHandlers(
  library: Library,
  folders: ExportFolders = anyFolder,
): Pick<
  Handlers,
  'export:markdown' | 'export:highlights' | 'export:paperMarkdown' | 'export:bibliography' | 'export:chooseFolder'
> {
  return {
    'export:chooseFolder': async () => ({ dir: await folders.choose() }),
    'export:markdown': async ({ dir, scope, dryRun }) => {
      const report = await exportMarkdown(await papersInScope(library, scope), folders.target(dir), { dryRun });
      const trim = (diff: string) => (diff.length > MAX_DIFF_CHARS ? `${diff.slice(0, MAX_DIFF_CHARS)}\n…` : diff);
      return {
        ...report,
        written: [...report.written],
        unchanged: [...report.unchanged],
        conflicts: report.conflicts.map((c) => ({ ...c, diff: trim(c.diff) })),
        diffs: report.diffs.slice(0, 200).map((d) => ({ ...d, diff: trim(d.diff) })),
      };
    },
    'export:highlights': async ({ file, scope }) =>
      exportHighlightsDigest(await papersInScope(library, scope), folders.target(file), { dryRun: false }),
    'export:paperMarkdown': async ({ id }) => ({ markdown: paperMarkdown(await library.papers.get(id)) }),
    'export:bibliography': async ({ format, file, scope }) => {
      const papers = await papersInScope(library, scope);
      const target = folders.target(file);
      const extension = format === 'bibtex' ? '.bib' : '.json';
      if (!target.endsWith(extension))
        throw new LibraryError('invalid-request', `${file}: a ${format} export must end in ${extension}`);
      return {
        ...(await writeOwnedFile(target, bibliography(papers, format), { dryRun: false })),
        papers: papers.length,
      };
    },
  };
}
