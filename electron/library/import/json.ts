import type { z } from 'zod';
import type { ImportFailure } from '../../../shared/models/import-report.js';
import { LibraryError } from '../storage/errors.js';
import { lineAt } from './fields.js';
import { firstIssue } from '../../../shared/validation.js';
import { parse as parseWithOffsets, type ParseError } from 'jsonc-parser';

/** JSON.parse with an error that says where the input stops being JSON. */
export function parseJson(input: string, fileName: string | null): unknown {
  const json = input.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = stopOffset(json, message);
    const where = offset === null ? '' : `, line ${lineAt(json, offset)}`;
    throw new LibraryError(
      'invalid-request',
      `${fileName ?? 'input'}${where}: not valid JSON (${message.replace(/^Unexpected/, 'unexpected')})`,
    );
  }
}

/**
 * Where JSON.parse stopped reading `json`. Its message names the position, except for an unexpected character (a
 * trailing comma, a comment, `NaN`), where V8 quotes the text around it but not where it is: then a reader that
 * reports offsets (VS Code's JSON reader, strict: no comments or trailing commas) finds it. Null if neither says.
 */
function stopOffset(json: string, message: string): number | null {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position !== undefined) return Number(position);
  const errors: ParseError[] = [];
  parseWithOffsets(json, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0]?.offset ?? null;
}

/**
 * The items of a JSON import (an array, or one object) that match `schema`, each with its position (1-based, or
 * counted from `firstItem` when the text is a part of a file) and line; an item that does not match is reported as
 * `item N: field: problem`. Items come one at a time, so the reader's own failures for an item follow this one's
 * for the items before it: failures come in item order, as a file read in parts reports them (json-split.ts).
 */
export function* jsonItems<S extends z.ZodType>(
  input: string,
  fileName: string | null,
  schema: S,
  failures: ImportFailure[],
  firstItem = 1,
): Generator<{ readonly position: number; readonly line: number | null; readonly item: z.output<S> }> {
  const json = parseJson(input, fileName);
  const raw: unknown[] = Array.isArray(json) ? json : [json];
  const lines = Array.isArray(json) ? itemLines(input) : [1];
  for (const [index, value] of raw.entries()) {
    const parsed = schema.safeParse(value);
    const line = lines[index] ?? null;
    const position = index + firstItem;
    if (parsed.success) yield { position, line, item: parsed.data };
    else {
      const { where, message } = firstIssue(parsed.error);
      failures.push({ line, message: `item ${position}: ${where === 'top' ? 'item' : where}: ${message}` });
    }
  }
}

/**
 * The line where each element of a top-level JSON array starts, in one pass, so every item can be reported with its
 * line. Call it only on text JSON.parse accepted: then a string holds no raw line break, so lines are counted between
 * tokens, and each string is skipped whole by searching for its closing quote (a loop over every character took
 * ~200 ms of a 28 MB, 10,000-item export).
 */
function itemLines(input: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let nextBreak = input.indexOf('\n');
  const lineOf = (at: number): number => {
    for (; nextBreak !== -1 && nextBreak < at; nextBreak = input.indexOf('\n', nextBreak + 1)) line++;
    return line;
  };
  // A structural character, a string's opening quote, or a run of anything else but space (a number, `true`, `null`).
  const token = /[[\]{},"]|[^\s[\]{},"]+/g;
  let depth = 0;
  let expectValue = false;
  for (let match = token.exec(input); match !== null; match = token.exec(input)) {
    const at = match.index;
    const ch = match[0];
    if (depth === 1 && expectValue && ch !== ']') {
      starts.push(lineOf(at));
      expectValue = false;
    }
    if (ch === '"') token.lastIndex = stringEnd(input, at) + 1;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth === 1) expectValue = true;
    } else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) expectValue = true;
  }
  return starts;
}

/** Where the string opening at `open` ends: the next quote not escaped by a backslash. */
export function stringEnd(input: string, open: number): number {
  for (let at = input.indexOf('"', open + 1); at !== -1; at = input.indexOf('"', at + 1)) {
    let slashes = 0;
    while (input[at - 1 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return at;
  }
  return input.length;
}
