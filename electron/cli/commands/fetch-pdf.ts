import { parseArgs } from 'node:util';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';

export const fetchPdfUsage = 'margin fetch-pdf <id>… [--json] [--library DIR]';

const ARXIV = 'https://arxiv.org';

/** Download papers' PDFs from arXiv, one at a time; offline (MARGIN_OFFLINE=1) they are queued for later. */
export async function fetchPdfCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals: ids } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, library: { type: 'string' } },
  });
  if (ids.length === 0) throw new UsageError(`expected at least one paper id; usage: ${fetchPdfUsage}`);
  const baseUrl = io.env.MARGIN_OFFLINE ? null : (io.env.MARGIN_ARXIV_PDF_BASE ?? ARXIV);
  const delay = Number(io.env.MARGIN_DOWNLOAD_DELAY_MS ?? 3000);
  const timeout = Number(io.env.MARGIN_DOWNLOAD_TIMEOUT_MS ?? 60_000);
  const report = await withLibrary(
    io,
    values.library,
    'write',
    'margin fetch-pdf',
    async (library) => {
      const queued = await library.downloads.enqueue(ids);
      await library.downloads.run();
      const status = await library.downloads.status();
      const after = await Promise.all(ids.map((id) => library.papers.get(id)));
      return ids.map((id, i) => {
        const failed = status.failed.find((f) => f.paperId === id);
        const outcome = queued[i]?.outcome ?? 'queued';
        const attached = after[i]?.attachments.length ?? 0;
        return {
          paperId: id,
          outcome:
            outcome !== 'queued' ? outcome : failed ? 'failed' : attached > 0 ? 'downloaded' : ('waiting' as const),
          error: failed?.error ?? null,
        };
      });
    },
    undefined,
    { pdfDownloads: { baseUrl, delayMs: delay, timeoutMs: timeout } },
  );
  if (values.json) printJson(io, report);
  else
    for (const r of report)
      io.stdout(
        `${r.paperId}: ${
          {
            downloaded: 'downloaded',
            'has-pdf': 'already has a PDF',
            'no-arxiv-id': 'no arXiv id, so no PDF to fetch',
            failed: `failed: ${r.error ?? ''}`,
            waiting: 'queued (offline: it downloads when Margin is next online)',
            queued: 'queued',
          }[r.outcome]
        }\n`,
      );
  return report.some((r) => r.outcome === 'failed') ? 1 : 0;
}
