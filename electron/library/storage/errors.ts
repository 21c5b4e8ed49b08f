/** Error codes shared by the core, the CLI, IPC and the HTTP host. */
export const LIBRARY_ERROR_CODES = [
  'not-found',
  'invalid-request',
  'conflict',
  'io',
  'locked',
  'corrupt',
  'read-only',
  'unsupported',
] as const;
export type LibraryErrorCode = (typeof LIBRARY_ERROR_CODES)[number];

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
