import { parseArgs } from 'node:util';
import { formatCitations } from '../../library/citations/format-citations.js';
import { CITATION_STYLES, CitationStyleSchema } from '../../../shared/models/citations.js';
import { withLibrary } from '../support/context.js';
import { UsageError, type CliIo } from '../support/io.js';

export const citeUsage = `margin cite <id>… [--style ${CITATION_STYLES.join('|')}] [--library DIR]`;

/** Papers' citations on stdout, as the app's Copy citation gives them (APA unless --style says otherwise). */
export async function citeCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { style: { type: 'string', default: 'apa' }, library: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError(`expected paper ids; usage: ${citeUsage}`);
  const style = CitationStyleSchema.safeParse(values.style);
  if (!style.success)
    throw new UsageError(`--style must be one of ${CITATION_STYLES.join(', ')}, not "${values.style}"`);
  const papers = await withLibrary(io, values.library, 'read', 'margin cite', (library) =>
    library.papers.list({ ids: positionals }),
  );
  io.stdout(await formatCitations(papers, style.data));
  return 0;
}
