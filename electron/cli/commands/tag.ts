import { parseArgs } from 'node:util';
import { withLibrary } from '../support/context.js';
import { UsageError, type CliIo } from '../support/io.js';

export const tagUsage = 'margin tag <id> <tag>… [--remove] [--library DIR]';

export async function tagCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { remove: { type: 'boolean', default: false }, library: { type: 'string' } },
  });
  const [id, ...tags] = positionals;
  if (id === undefined || tags.length === 0)
    throw new UsageError(`expected a paper id and at least one tag; usage: ${tagUsage}`);
  const record = await withLibrary(io, values.library, 'write', 'margin tag', (library) =>
    values.remove ? library.papers.removeTags(id, tags) : library.papers.addTags(id, tags),
  );
  io.stdout(`${record.id}: ${record.tags.length > 0 ? record.tags.join(', ') : '(no tags)'}\n`);
  return 0;
}
