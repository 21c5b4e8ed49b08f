import path from 'node:path';
import { parseArgs } from 'node:util';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';

export const attachUsage = 'margin attach <id> <file.pdf> [--json] [--library DIR]';

/** Keep a PDF with a paper: copied into the library, the original left as it is. */
export async function attachCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, library: { type: 'string' } },
  });
  const [id, file, extra] = positionals;
  if (id === undefined || file === undefined || extra !== undefined)
    throw new UsageError(`expected a paper id and one PDF file; usage: ${attachUsage}`);
  const full = path.resolve(io.cwd, file);
  const result = await withLibrary(io, values.library, 'write', 'margin attach', (library) =>
    library.attachments.attach(id, { file: full }, path.basename(full)),
  );
  if (values.json) printJson(io, { paperId: id, ...result });
  else {
    const { attachment, outcome } = result;
    const size = `${(attachment.bytes / 1048576).toFixed(1)} MB`;
    io.stdout(
      `${id}: ${outcome === 'attached' ? 'attached' : 'already attached'} ${attachment.fileName} (${size}, sha256 ${attachment.sha256.slice(0, 12)}…)\n`,
    );
  }
  return 0;
}
