import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { workerParser } from '../../library/import/worker-parser.js';
import { withLibrary } from '../support/context.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';
import { parseFormat, readInput } from './import.js';

export const triageUsage =
  'margin triage <file|-> [--format auto|digest|bibtex|ris|csl-json|arxiv|hf-json] [--json] [--library DIR]';

/** How a digest would be triaged: new, already in the library, skipped before, new versions. Changes nothing. */
export async function triageCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  const [source, extra] = positionals;
  if (source === undefined || extra !== undefined)
    throw new UsageError(`expected one file (or - for stdin); usage: ${triageUsage}`);
  const format = parseFormat(values.format);
  const text = source === '-' ? await io.readStdin() : await readInput(path.resolve(io.cwd, source), io);
  const fileName = source === '-' ? null : path.basename(source);
  const parseWorker = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workers/parse-worker.js');
  const view = await withLibrary(
    io,
    values.library,
    'read',
    'margin triage',
    (library) => library.triage.dryRun({ text, html: null, format, fileName }),
    existsSync(parseWorker) ? workerParser(parseWorker) : undefined,
  );
  const { counts, label } = view.session;
  if (values.json) {
    printJson(io, {
      source: label,
      counts: {
        new: counts.new,
        newVersion: counts.newVersion,
        inLibrary: counts.inLibrary,
        skippedBefore: counts.skippedBefore,
      },
      items: view.items.map(({ index, title, group, paperId, arxivId, doi }) => ({
        index,
        title,
        group,
        paperId,
        arxivId,
        doi,
      })),
    });
    return 0;
  }
  io.stdout(
    `${label}: ${counts.new} new · ${counts.inLibrary} already in your library · ${counts.skippedBefore} skipped before · ${counts.newVersion} new versions\n`,
  );
  for (const item of view.items)
    if (item.group === 'new' || item.group === 'new-version')
      io.stdout(`  ${item.group === 'new' ? 'new' : 'new version'}: ${item.title}\n`);
  return 0;
}
