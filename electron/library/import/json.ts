import type { z } from 'zod';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { LibraryError } from '../storage/errors.js';
import { lineAt, lineLocator } from './fields.js';
import { firstIssue } from '../../../shared/validation.js';

/** JSON.parse with an error that says where the input stops being JSON. */
export function parseJson(input: string, fileName: string | null): unknown {
  try {
    return JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : `, line ${lineAt(input, Number(position))}`;
    throw new LibraryError(
      'invalid-request',
      `${fileName ?? 'input'}${where}: not valid JSON (${message.replace(/^Unexpected/, 'unexpected')})`,
    );
  }
}

/**
 * The items of a JSON import (an array, or one object) that match `schema`, each with its 1-based
 * position; an item that does not match is reported as `item N: field: problem`.
 */
export function jsonItems<S extends z.ZodType>(
  input: string,
  fileName: string | null,
  schema: S,
  failures: ImportFailure[],
): Array<{ readonly position: number; readonly line: number | null; readonly item: z.output<S> }> {
  const json = parseJson(input, fileName);
  const raw: unknown[] = Array.isArray(json) ? json : [json];
  const lines = Array.isArray(json) ? itemLines(input) : [1];
  const items: Array<{ position: number; line: number | null; item: z.output<S> }> = [];
  raw.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    const line = lines[index] ?? null;
    if (parsed.success) items.push({ position: index + 1, line, item: parsed.data });
    else {
      const { where, message } = firstIssue(parsed.error);
      failures.push({ line, message: `item ${index + 1}: ${where === 'top' ? 'item' : where}: ${message}` });
    }
  });
  return items;
}

/**
 * The line where each element of a top-level JSON array starts, in one pass (strings and escapes
 * skipped), so every item can be reported with its line. Call it only on text JSON.parse accepted.
 */
function itemLines(input: string): number[] {
  const lineOf = lineLocator(input);
  const starts: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\uFEFF') continue;
    if (depth === 1 && expectValue) {
      starts.push(lineOf(i));
      expectValue = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return starts;
}
