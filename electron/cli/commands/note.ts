import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LibraryError } from '../../library/storage/errors.js';
import { withLibrary } from '../support/context.js';
import { UsageError, type CliIo } from '../support/io.js';

export const noteUsage = 'margin note <id> --set TEXT | --append TEXT | --file F [--library DIR]';

export async function noteCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      set: { type: 'string' },
      append: { type: 'string' },
      file: { type: 'string' },
      library: { type: 'string' },
    },
  });
  const [id, extra] = positionals;
  const given = [values.set, values.append, values.file].filter((v) => v !== undefined).length;
  if (id === undefined || extra !== undefined || given !== 1)
    throw new UsageError(`expected a paper id and one of --set, --append, --file; usage: ${noteUsage}`);
  const fromFile = values.file === undefined ? null : await readNoteFile(path.resolve(io.cwd, values.file));
  const note = await withLibrary(io, values.library, 'write', 'margin note', async (library) => {
    if (values.append !== undefined) {
      const current = (await library.papers.get(id)).note?.text ?? '';
      return library.annotations.setNote(
        id,
        current === '' ? values.append : `${current.replace(/\n*$/, '')}\n\n${values.append}`,
      );
    }
    return library.annotations.setNote(id, fromFile ?? values.set ?? '');
  });
  io.stdout(note === null ? `${id}: note removed\n` : `${id}: note saved (${note.text.length} characters)\n`);
  return 0;
}

async function readNoteFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new LibraryError(
      'io',
      `cannot read ${file} (${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'})`,
    );
  }
}
