import { readFile } from 'node:fs/promises';
import { AttachmentRefSchema } from '../../../shared/ipc/contract.js';
import { fail, ok, type Envelope } from '../../../shared/ipc/envelope.js';
import { firstIssue } from '../../../shared/validation.js';
import type { Library } from '../library.js';
import { LibraryError } from '../storage/errors.js';

/** The bytes of one of a paper's PDFs, for IPC and the HTTP host alike: checked request, errors as data. */
export async function readAttachmentBytes(library: Library, request: unknown): Promise<Envelope<Uint8Array>> {
  const parsed = AttachmentRefSchema.safeParse(request);
  if (!parsed.success) {
    const { where, message } = firstIssue(parsed.error);
    return fail('invalid-request', `attachment: ${where}: ${message}`);
  }
  try {
    const file = await library.attachments.file(parsed.data.paperId, parsed.data.sha256);
    return ok(new Uint8Array(await readFile(file)));
  } catch (error) {
    if (error instanceof LibraryError) return fail(error.code, error.message);
    return fail('io', `attachment: ${error instanceof Error ? error.message : String(error)}`);
  }
}
