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
