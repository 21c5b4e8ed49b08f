import { parseArgs } from 'node:util';
import { withLibrary } from '../support/context.js';
import { UsageError, type CliIo } from '../support/io.js';

export const trashUsage = 'margin trash <id>… | --restore <id>… | --empty [--library DIR]';

/** Papers go to the Trash first; only emptying it deletes them (after a backup). */
export async function trashCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      restore: { type: 'boolean', default: false },
      empty: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  if (values.empty) {
    if (positionals.length > 0 || values.restore) throw new UsageError(`--empty takes no ids; usage: ${trashUsage}`);
    const count = await withLibrary(io, values.library, 'write', 'margin trash', (library) =>
      library.papers.emptyTrash(),
    );
    io.stdout(
      count === 0
        ? 'The Trash is empty.\n'
        : `Deleted ${count} paper${count === 1 ? '' : 's'} for good (a backup was made first).\n`,
    );
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`expected paper ids; usage: ${trashUsage}`);
  await withLibrary(io, values.library, 'write', 'margin trash', (library) =>
    values.restore ? library.papers.untrash(positionals) : library.papers.trash(positionals),
  );
  io.stdout(
    `${values.restore ? 'Restored' : 'Moved to the Trash'}: ${positionals.length} paper${positionals.length === 1 ? '' : 's'}\n`,
  );
  return 0;
}
