import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, type ImportFormat } from '../../../shared/models/paper.js';
import { LibraryError } from '../../library/storage/errors.js';
import { withLibrary } from '../context.js';
import { UsageError, printJson, type CliIo } from '../io.js';

export const importUsage = 'margin import <file|-> [--format auto|digest|bibtex|ris|csl-json|arxiv|hf-json] [--tag T]… [--dry-run] [--json] [--library DIR]';

export async function importCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'auto' },
      tag: { type: 'string', multiple: true, default: [] },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      library: { type: 'string' },
    },
  });
  const [source, extra] = positionals;
  if (source === undefined || extra !== undefined) throw new UsageError(`expected one file (or - for stdin); usage: ${importUsage}`);
  const format = parseFormat(values.format);
  const text = source === '-' ? await io.readStdin() : await readInput(path.resolve(io.cwd, source));
  const fileName = source === '-' ? null : path.basename(source);
  const mode = values['dry-run'] ? 'read' : 'write';
  const report = await withLibrary(io, values.library, mode, 'margin import', (library) =>
    library.import({ text, format, fileName, tags: values.tag, dryRun: values['dry-run'] }),
  );
  if (values.json) {
    const { format: _detected, ...rest } = report;
    printJson(io, rest);
  } else {
    const verb = values['dry-run'] ? 'would import' : 'imported';
    io.stdout(`${verb} ${report.format}: ${report.added} added, ${report.merged} merged, ${report.unchanged} unchanged, ${report.failed.length} failed\n`);
    for (const failure of report.failed) io.stdout(`  ${fileName ?? 'stdin'}${failure.line === null ? '' : `:${failure.line}`}: ${failure.message}\n`);
  }
  return 0;
}

function parseFormat(value: string): ImportFormat | 'auto' {
  if (value === 'auto' || (IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat | 'auto'; // membership checked on this line
  throw new UsageError(`unknown format "${value}"; use one of auto, ${IMPORT_FORMATS.join(', ')}`);
}

async function readInput(file: string): Promise<string> {
  try {
    const bytes = await readFile(file);
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new LibraryError('io', `cannot read ${file} (${reason})`);
  }
}
