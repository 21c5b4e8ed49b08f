import { parseArgs } from 'node:util';
import { StatusSchema } from '../../../shared/models/paper.js';
import type { PaperSelection } from '../../library/papers/papers.js';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';
import { paperJson } from '../support/paper-json.js';
import { formatTable, shortAuthors, truncate } from '../support/table.js';

export const listUsage = 'margin list [--search Q] [--tag T] [--status S] [--json] [--library DIR]';

export async function listCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      search: { type: 'string' },
      tag: { type: 'string' },
      status: { type: 'string' },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; usage: ${listUsage}`);
  const status = values.status === undefined ? undefined : StatusSchema.safeParse(values.status);
  if (status && !status.success)
    throw new UsageError(`unknown status "${values.status}"; use one of ${StatusSchema.options.join(', ')}`);
  const chosenStatus = status?.success ? status.data : null;
  // The same selection as the app's list: a view (a tag, or a status) and a search.
  const selection: PaperSelection = {
    view: values.tag
      ? { kind: 'tag', tag: values.tag }
      : chosenStatus
        ? { kind: 'status', status: chosenStatus }
        : { kind: 'all' },
    search: [values.search ?? '', values.tag && chosenStatus ? `status:${chosenStatus}` : ''].join(' '),
  };
  const papers = await withLibrary(io, values.library, 'read', 'margin list', (library) =>
    library.papers.list(selection),
  );
  if (values.json) {
    printJson(io, papers.map(paperJson));
    return 0;
  }
  if (papers.length === 0) {
    io.stdout('No papers match. Import some with: margin import <file>\n');
    return 0;
  }
  const rows = papers.map((p) => [
    p.id,
    p.status,
    p.year === null ? '    ' : String(p.year),
    truncate(shortAuthors(p.authors), 28),
    p.title,
  ]);
  io.stdout(
    `${formatTable([['ID', 'STATUS', 'YEAR', 'AUTHORS', 'TITLE'], ...rows])}\n${papers.length} paper${papers.length === 1 ? '' : 's'}\n`,
  );
  return 0;
}
