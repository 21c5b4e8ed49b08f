import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { workerParser } from '../../library/import/worker-parser.js';
import { decodeBytes } from '../../../shared/text/decode.js';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, type ImportFormat } from '../../../shared/models/paper.js';
import { LibraryError } from '../../library/storage/errors.js';
import { withLibrary } from '../support/context.js';
import { progressLine } from '../support/progress-line.js';
import { UsageError, printJson, type CliIo } from '../support/io.js';

/** The exit code of a command stopped by Ctrl-C, as shells report it (128 + SIGINT). */
const INTERRUPTED = 130;

export const importUsage =
  'margin import <file|-> [--format auto|digest|bibtex|ris|csl-json|arxiv|hf-json] [--tag T]… [--dry-run] [--json] [--library DIR]';

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
  if (source === undefined || extra !== undefined)
    throw new UsageError(`expected one file (or - for stdin); usage: ${importUsage}`);
  const format = parseFormat(values.format);
  const text = source === '-' ? await io.readStdin() : await readInput(path.resolve(io.cwd, source), io);
  const fileName = source === '-' ? null : path.basename(source);
  const mode = values['dry-run'] ? 'read' : 'write';
  // Built, the CLI parses in the same worker (with the same time limit) as the app; from source, in process.
  const parseWorker = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workers/parse-worker.js');
  const writes = !values['dry-run'];
  // Ctrl-C stops the import before its commit point with nothing written; after it, the import lands whole.
  const controller = new AbortController();
  let interrupted = false;
  const stopListening = io.onInterrupt?.(() => {
    interrupted = true;
    controller.abort();
  });
  const line = progressLine(io, writes);
  line?.reading(fileName ?? 'stdin');
  const outcome = await withLibrary(
    io,
    values.library,
    mode,
    'margin import',
    (library) =>
      library.imports.run(
        { text, format, fileName, tags: values.tag, dryRun: !writes },
        { signal: controller.signal, ...(line ? { onProgress: line.update } : {}) },
      ),
    existsSync(parseWorker) ? workerParser(parseWorker) : undefined,
  ).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  line?.clear();
  stopListening?.();
  if (!outcome.ok) {
    if (interrupted && outcome.error instanceof LibraryError && outcome.error.message.includes('cancelled')) {
      io.stderr(`margin import: interrupted (Ctrl-C): ${outcome.error.message}\n`);
      return INTERRUPTED;
    }
    throw outcome.error;
  }
  if (interrupted) io.stderr('margin import: Ctrl-C came once the import was writing, so it was completed\n');
  const report = outcome.value;
  if (values.json) {
    const { format: _detected, items: _items, digest: _digest, ...rest } = report;
    printJson(io, rest);
  } else {
    const verb = values['dry-run'] ? 'would import' : 'imported';
    const from = report.digest
      ? `${report.format} (${[report.digest.label, report.digest.detail].filter((t) => t !== '').join(', ')})`
      : report.format;
    io.stdout(
      `${verb} ${from}: ${report.added} added, ${report.merged} merged, ${report.unchanged} unchanged, ${report.failed.length} failed\n`,
    );
    const where = (line: number | null): string => `${fileName ?? 'stdin'}${line === null ? '' : `:${line}`}`;
    for (const failure of report.failed) io.stdout(`  ${where(failure.line)}: ${failure.message}\n`);
    for (const skipped of report.skipped) io.stdout(`  ${where(skipped.line)}: skipped: ${skipped.text}\n`);
  }
  return 0;
}

export function parseFormat(value: string): ImportFormat | 'auto' {
  if (value === 'auto' || (IMPORT_FORMATS as readonly string[]).includes(value)) return value as ImportFormat | 'auto'; // membership checked on this line
  throw new UsageError(`unknown format "${value}"; use one of auto, ${IMPORT_FORMATS.join(', ')}`);
}

export async function readInput(file: string, io: CliIo): Promise<string> {
  try {
    const decoded = decodeBytes(await readFile(file));
    if (decoded.encoding !== 'utf-8')
      io.stderr(`margin: read ${path.basename(file)} as ${decoded.encoding} (${decoded.reason})\n`);
    return decoded.text;
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new LibraryError('io', `cannot read ${file} (${reason})`);
  }
}
