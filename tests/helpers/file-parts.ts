// What the split tests share: the real files to cut, and a file read in parts as the parse workers read it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { ImportFormat } from '../../shared/models/paper.js';
import type { ParseResult } from '../../electron/library/paper/entry.js';
import { inFileLines, joinParts, partText, type FilePart } from '../../electron/library/import/file-parts.js';
import type { ParsedImport } from '../../electron/library/import/import-parser.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const PARSE_WORKER = path.resolve(ROOT, 'out/workers/parse-worker.js');

/** Every file under tests/fixtures whose name ends in `ending`, by its path from the project's root, sorted. */
export function fixturesEnding(ending: string): string[] {
  return execFileSync('find', ['tests/fixtures', '-name', `*${ending}`], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f !== '')
    .sort();
}

/**
 * The parts a splitter gave (`cut`), each read by `read` (its text and the part), and the readings joined as the
 * parse workers' are: one reading of the whole file, or null when the splitter did not cut it.
 */
export async function readInParts(
  format: ImportFormat,
  cut: Promise<FilePart[] | null>,
  read: (text: string, part: FilePart) => ParseResult,
): Promise<{ parts: number; result: ParsedImport } | null> {
  const parts = await cut;
  if (!parts) return null;
  return {
    parts: parts.length,
    result: joinParts(
      parts.map((part) => inFileLines({ ...read(partText(part), part), format }, part.firstLine)),
      format,
    ),
  };
}
