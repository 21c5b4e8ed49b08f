import path from 'node:path';
import type { ExportScope, Handlers } from '../../../shared/ipc/contract.js';
import type { Paper } from '../../../shared/models/paper.js';
import { exportMarkdown, paperMarkdown } from '../export/markdown/export-markdown.js';
import { exportHighlightsDigest, type DigestReport } from '../export/markdown/highlights-digest.js';
import type { Library } from '../library.js';
import { bibliography } from '../export/bibliography/export-bibliography.js';
import { writeOwnedFile } from '../export/owned-file.js';
import { LibraryError } from '../storage/errors.js';
import { assertNever } from '../../../shared/assert-never.js';
import { anyFolder, type ExportFolders } from './export-folders.js';
import { listConflicts, resolveConflict } from '../export/markdown/conflicts.js';
import { readManifest } from '../export/export-manifest.js';

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

/** The cross-paper highlights file "Export notes" keeps up to date, beside the notes. */
export const HIGHLIGHTS_FILE = 'Highlights.md';

/**
 * Refresh the folder's highlights file from every paper exported there (not only this export's scope, so
 * exporting one paper does not shrink it), under the same rules as any file Margin owns: one the user
 * edited is reported, never overwritten. Not started in a folder that has no highlights and no such file.
 */
async function refreshHighlights(dir: string, papers: readonly Paper[]): Promise<DigestReport | undefined> {
  const manifest = await readManifest(dir);
  const live = papers.filter((p) => p.trashedAt === null);
  if (manifest.digests[HIGHLIGHTS_FILE] === undefined && !live.some((p) => p.annotations.length > 0)) return undefined;
  return exportHighlightsDigest(live, path.join(dir, HIGHLIGHTS_FILE), { dryRun: false });
}

/** Conflicts listed at once, each with its diff: more come as these are settled. */
const MAX_LISTED_CONFLICTS = 100;

/** Diffs are for reading in the dialog, not for shipping whole files across: keep each short. */
const MAX_DIFF_CHARS = 20_000;

export function createExportHandlers(
  library: Library,
  folders: ExportFolders = anyFolder,
): Pick<
  Handlers,
  | 'export:markdown'
  | 'export:highlights'
  | 'export:paperMarkdown'
  | 'export:bibliography'
  | 'export:chooseFolder'
  | 'export:conflicts'
  | 'export:resolve'
> {
  /** The papers Margin has exported into a folder (its manifest names them), but for those deleted since. */
  const exportedTo = async (dir: string): Promise<Paper[]> => {
    const ids = Object.keys((await readManifest(dir)).papers);
    const papers = await Promise.all(
      ids.map((id) =>
        library.papers.get(id).catch((error: unknown) => {
          if (error instanceof LibraryError && error.code === 'not-found') return null;
          throw error;
        }),
      ),
    );
    return papers.filter((p): p is Paper => p !== null);
  };
  return {
    'export:chooseFolder': async () => ({ dir: await folders.choose() }),
    'export:markdown': async ({ dir, scope, dryRun }) => {
      const target = folders.target(dir);
      const report = await exportMarkdown(await papersInScope(library, scope), target, { dryRun });
      const highlights = dryRun ? undefined : await refreshHighlights(target, await exportedTo(target));
      const trim = (diff: string) => (diff.length > MAX_DIFF_CHARS ? `${diff.slice(0, MAX_DIFF_CHARS)}\n…` : diff);
      return {
        ...report,
        written: [...report.written],
        unchanged: [...report.unchanged],
        conflicts: report.conflicts.map((c) => ({ ...c, diff: trim(c.diff) })),
        diffs: report.diffs.slice(0, 200).map((d) => ({ ...d, diff: trim(d.diff) })),
        ...(highlights && { highlights }),
      };
    },
    'export:conflicts': async ({ dir, ids }) => {
      const target = folders.target(dir);
      const papers = await exportedTo(target);
      const wanted = ids && new Set<string>(ids);
      return listConflicts(wanted ? papers.filter((p) => wanted.has(p.id)) : papers, target, MAX_LISTED_CONFLICTS);
    },
    'export:resolve': async ({ dir, paperId, ...choice }) =>
      resolveConflict(await library.papers.get(paperId), folders.target(dir), choice),
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
