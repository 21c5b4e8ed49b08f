import { parseArgs } from 'node:util';
import { StatusSchema } from '../../../shared/models/paper.js';
import { withLibrary } from '../support/context.js';
import { UsageError, type CliIo } from '../support/io.js';

export const statusUsage = `margin status <id> <${StatusSchema.options.join('|')}> [--library DIR]`;

export async function statusCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { library: { type: 'string' } },
  });
  const [id, status, extra] = positionals;
  if (id === undefined || status === undefined || extra !== undefined)
    throw new UsageError(`expected a paper id and a status; usage: ${statusUsage}`);
  const parsed = StatusSchema.safeParse(status);
  if (!parsed.success)
    throw new UsageError(`unknown status "${status}"; use one of ${StatusSchema.options.join(', ')}`);
  const record = await withLibrary(io, values.library, 'write', 'margin status', (library) =>
    library.papers.setStatus(id, parsed.data),
  );
  io.stdout(`${record.id}: ${record.status}\n`);
  return 0;
}
