import type { z } from 'zod';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { LibraryError } from '../storage/errors.js';
import { lineAt } from './fields.js';

/** JSON.parse with an error that says where the input stops being JSON. */
export function parseJson(input: string, fileName: string | null): unknown {
  try {
    return JSON.parse(input.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? '' : `, line ${lineAt(input, Number(position))}`;
    throw new LibraryError('invalid-request', `${fileName ?? 'input'}${where}: not valid JSON (${message.replace(/^Unexpected/, 'unexpected')})`);
  }
}

/**
 * The items of a JSON import (an array, or one object) that match `schema`, each with its 1-based
 * position; an item that does not match is reported as `item N: field: problem`.
 */
export function jsonItems<S extends z.ZodType>(input: string, fileName: string | null, schema: S, failures: ImportFailure[]): Array<{ readonly position: number; readonly item: z.output<S> }> {
  const json = parseJson(input, fileName);
  const raw: unknown[] = Array.isArray(json) ? json : [json];
  const items: Array<{ position: number; item: z.output<S> }> = [];
  raw.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push({ position: index + 1, item: parsed.data });
    else {
      const issue = parsed.error.issues[0];
      failures.push({ line: null, message: `item ${index + 1}: ${issue?.path.join('.') || 'item'}: ${issue?.message ?? 'not a recognised item'}` });
    }
  });
  return items;
}
