import path from 'node:path';
import type { AppOpen } from '../../shared/ipc/contract.js';
import { MAX_IMPORT_BYTES, MAX_UPLOAD_BYTES } from '../../shared/limits.js';
import type { OpenRequest } from './open-requests.js';

/** The file access delivery needs; tests pass real temp files through the same interface. */
export interface OpenFiles {
  size(file: string): Promise<number>;
  read(file: string): Promise<Uint8Array>;
}

/**
 * What the renderer is told for one request: files are read here (size checked before reading, as a drop is),
 * and a file that cannot be read becomes a message naming it, never a half-open preview.
 */
export async function appOpenFor(request: OpenRequest, files: OpenFiles): Promise<AppOpen> {
  if (request.kind === 'paper') return { kind: 'paper', id: request.id };
  const fileName = path.basename(request.path).slice(0, 255);
  const limit = request.kind === 'import' ? MAX_IMPORT_BYTES : MAX_UPLOAD_BYTES;
  try {
    const size = await files.size(request.path);
    if (size > limit) {
      const advice = request.kind === 'import' ? 'import' : 'attach';
      return {
        kind: 'error',
        message: `${fileName} is too large to ${advice} (${Math.round(size / 1048576)} MB; at most ${limit / 1048576} MB).`,
      };
    }
    // A copy the size of the file: what crosses IPC is a plain ArrayBuffer-backed array, never a pooled Buffer.
    const bytes = new Uint8Array(await files.read(request.path));
    return { kind: request.kind, fileName, bytes };
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    return { kind: 'error', message: `Margin could not open ${fileName} (${reason}).` };
  }
}
