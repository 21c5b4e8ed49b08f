import path from 'node:path';
import { parseArgs } from 'node:util';
import { StatusSchema } from '../../../shared/models/paper.js';
import { exportMarkdown } from '../../library/export/markdown/export-markdown.js';
import { exportHighlightsDigest } from '../../library/export/markdown/highlights-digest.js';
import { withLibrary } from '../context.js';
import { UsageError, printJson, type CliIo } from '../io.js';

export const exportUsage = 'margin export markdown --out DIR | highlights --out FILE.md [--tag T] [--status S] [--id ID]… [--dry-run] [--json] [--library DIR]';

export async function exportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { out: { type: 'string' }, tag: { type: 'string' }, status: { type: 'string' }, id: { type: 'string', multiple: true, default: [] }, 'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, library: { type: 'string' } },
  });
  const [format, extra] = positionals;
  if (extra !== undefined || (format !== 'markdown' && format !== 'highlights')) throw new UsageError(`expected a format (markdown or highlights); usage: ${exportUsage}`);
  if (!values.out) throw new UsageError(`--out is required; usage: ${exportUsage}`);
  const status = values.status === undefined ? undefined : StatusSchema.safeParse(values.status);
  if (status && !status.success) throw new UsageError(`unknown status "${values.status}"; use one of ${StatusSchema.options.join(', ')}`);
  const out = path.resolve(io.cwd, values.out);
  const filter = { ...(values.tag ? { tag: values.tag } : {}), ...(status?.success ? { status: status.data } : {}), ...(values.id.length > 0 ? { ids: values.id } : {}) };
  const dryRun = values['dry-run'];

  return withLibrary(io, values.library, 'read', 'margin export', async (library) => {
    const papers = await library.list(filter);
    if (format === 'highlights') {
      const report = await exportHighlightsDigest(papers, out, { dryRun });
      if (values.json) printJson(io, report);
      else io.stdout(`${report.outcome === 'conflict' ? `not written: ${report.reason}` : report.outcome}: ${report.file} (${report.highlights} highlights from ${report.papers} papers)\n`);
      return 0;
    }
    const report = await exportMarkdown(papers, out, { dryRun });
    if (values.json) {
      printJson(io, report);
    } else {
      const verb = dryRun ? 'would write' : 'wrote';
      io.stdout(`${verb} ${report.written.length}, unchanged ${report.unchanged.length}, conflicts ${report.conflicts.length} in ${report.dir}\n`);
      for (const c of report.conflicts) io.stdout(`  conflict: ${c.file}: ${c.reason}; left as you wrote it\n${dryRun ? `${c.diff}\n` : ''}`);
      if (dryRun) for (const d of report.diffs) io.stdout(`${d.diff}\n`);
    }
    return 0;
  });
}
