import { ERROR_CODES, type ErrorCode } from '../../../shared/ipc/envelope.js';

/** The error codes the core raises: those of the contract, but for the two only the IPC edge sends. */
export type LibraryErrorCode = Exclude<ErrorCode, 'forbidden' | 'internal'>;
export const LIBRARY_ERROR_CODES = ERROR_CODES.filter(
  (code): code is LibraryErrorCode => code !== 'forbidden' && code !== 'internal',
);

/** An error that says what went wrong and where, safe to show to a user as it is. */
export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** A data file that cannot be read as what it should be. */
export class CorruptFileError extends LibraryError {
  constructor(
    readonly filePath: string,
    readonly reason: string,
  ) {
    super('corrupt', `${filePath}: ${reason}`);
    this.name = 'CorruptFileError';
  }
}
