import { parseArgs } from 'node:util';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';
import { formatTable } from '../support/table.js';

export const backupUsage = 'margin backup list | create | restore <name> [--json] [--library DIR]';

export async function backupCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, library: { type: 'string' } },
  });
  const [action, name, extra] = positionals;
  if (
    extra !== undefined ||
    (action !== 'list' && action !== 'create' && action !== 'restore') ||
    (action === 'restore') !== (name !== undefined)
  ) {
    throw new UsageError(`usage: ${backupUsage}`);
  }
  if (action === 'list') {
    const backups = await withLibrary(io, values.library, 'read', 'margin backup', (library) => library.backups.list());
    if (values.json) printJson(io, backups);
    else if (backups.length === 0)
      io.stdout(
        'No backups yet. Margin makes one before every import and hourly while you edit; margin backup create makes one now.\n',
      );
    else
      io.stdout(
        `${formatTable([['NAME', 'REASON', 'FILES'], ...backups.map((b) => [b.name, b.reason, String(b.files)])])}\n`,
      );
    return 0;
  }
  if (action === 'create') {
    const info = await withLibrary(io, values.library, 'write', 'margin backup', (library) =>
      library.backups.take('manual'),
    );
    if (values.json) printJson(io, info);
    else io.stdout(`backed up ${info.files} files as ${info.name}\n`);
    return 0;
  }
  const info = await withLibrary(io, values.library, 'write', 'margin backup', (library) =>
    library.backups.restore(name ?? ''),
  );
  if (values.json) printJson(io, info);
  else
    io.stdout(
      `restored ${info.name} (${info.reason}, ${info.createdAt}); the state before the restore was backed up first\n`,
    );
  return 0;
}
