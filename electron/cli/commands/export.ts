import path from 'node:path';
import { parseArgs } from 'node:util';
import { StatusSchema } from '../../../shared/models/paper.js';
import { exportMarkdown } from '../../library/export/markdown/export-markdown.js';
import { exportHighlightsDigest } from '../../library/export/markdown/highlights-digest.js';
import { bibliography } from '../../library/export/bibliography/export-bibliography.js';
import { writeOwnedFile } from '../../library/export/owned-file.js';
import { ExportScopeSchema } from '../../../shared/ipc/contract.js';
import { papersInScope } from '../../library/api/export-handlers.js';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';
import { firstIssue } from '../../../shared/validation.js';
import { conflictsUsage, exportConflictsCommand } from './export-conflicts.js';

export const exportUsage = `margin export markdown --out DIR | highlights --out FILE.md | bibtex [--out FILE] | csl-json [--out FILE] [--tag T | --status S | --id ID…] [--dry-run] [--json] [--library DIR]; ${conflictsUsage}`;
const FORMATS = ['markdown', 'highlights', 'bibtex', 'csl-json'] as const;

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'conflicts' || action === 'resolve') return exportConflictsCommand(action, rest, io);
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      tag: { type: 'string' },
      status: { type: 'string' },
      id: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  const [format, extra] = positionals;
  const chosen = FORMATS.find((f) => f === format);
  if (extra !== undefined || chosen === undefined)
    throw new UsageError(`expected a format (${FORMATS.join(', ')}); usage: ${exportUsage}`);
  if (!values.out && (chosen === 'markdown' || chosen === 'highlights'))
    throw new UsageError(`--out is required for ${chosen}; usage: ${exportUsage}`);
  const status = values.status === undefined ? undefined : StatusSchema.safeParse(values.status);
  if (status && !status.success)
    throw new UsageError(`unknown status "${values.status}"; use one of ${StatusSchema.options.join(', ')}`);
  const out = values.out ? path.resolve(io.cwd, values.out) : null;
  const scopes = [values.tag, values.status, values.id.length > 0 ? 'ids' : undefined].filter((v) => v !== undefined);
  if (scopes.length > 1) throw new UsageError(`choose one of --tag, --status and --id; usage: ${exportUsage}`);
  // The same scopes as the app's Export dialog, read by the same function.
  const requested = values.tag
    ? { kind: 'tag', tag: values.tag }
    : status?.success
      ? { kind: 'status', status: status.data }
      : values.id.length > 0
        ? { kind: 'ids', ids: values.id }
        : { kind: 'all' };
  const checked = ExportScopeSchema.safeParse(requested);
  if (!checked.success) {
    const { where, message } = firstIssue(checked.error);
    const index = /^ids\.(\d+)$/.exec(where)?.[1];
    const id = index === undefined ? undefined : values.id[Number(index)];
    throw new UsageError(id === undefined ? `invalid scope: ${message}` : `"${id}" is not a paper id: ${message}`);
  }
  const scope = checked.data;
  const dryRun = values['dry-run'];

  return withLibrary(io, values.library, 'read', 'margin export', async (library) => {
    const papers = await papersInScope(library, scope);
    if (chosen === 'bibtex' || chosen === 'csl-json') {
      const text = bibliography(papers, chosen);
      if (out === null) {
        io.stdout(text);
        return 0;
      }
      const result = await writeOwnedFile(out, text, { dryRun });
      if (values.json) printJson(io, { ...result, papers: papers.length });
      else
        io.stdout(
          `${result.outcome === 'conflict' ? `not written: ${result.reason}` : result.outcome}: ${result.file} (${papers.length} papers)\n`,
        );
      return 0;
    }
    if (out === null) throw new UsageError(`--out is required; usage: ${exportUsage}`);
    if (chosen === 'highlights') {
      const report = await exportHighlightsDigest(papers, out, { dryRun });
      if (values.json) printJson(io, report);
      else
        io.stdout(
          `${report.outcome === 'conflict' ? `not written: ${report.reason}` : report.outcome}: ${report.file} (${report.highlights} highlights from ${report.papers} papers)\n`,
        );
      return 0;
    }
    const report = await exportMarkdown(papers, out, { dryRun });
    if (values.json) {
      printJson(io, report);
    } else {
      const verb = dryRun ? 'would write' : 'wrote';
      io.stdout(
        `${verb} ${report.written.length}, unchanged ${report.unchanged.length}, conflicts ${report.conflicts.length} in ${report.dir}\n`,
      );
      for (const c of report.conflicts)
        io.stdout(`  conflict: ${c.file}: ${c.reason}; left as you wrote it\n${dryRun ? `${c.diff}\n` : ''}`);
      if (dryRun) for (const d of report.diffs) io.stdout(`${d.diff}\n`);
    }
    return 0;
  });
}
