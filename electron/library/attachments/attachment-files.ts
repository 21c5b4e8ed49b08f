/** The `attachments/` folder: each PDF stored once, under its SHA-256, written durably and never changed. */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { MAX_PDF_BYTES } from '../../../shared/limits.js';
import { nodeDurableFs, syncFolder, TEMP_SUFFIX } from '../storage/durable-write.js';
import { LibraryError } from '../storage/errors.js';
import { ATTACHMENTS_DIR } from '../storage/layout.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** Whether `text` is an attachment's name: a SHA-256 in lower-case hex (nothing else ever becomes a path). */
export function isAttachmentHash(text: string): boolean {
  return SHA256.test(text);
}

/** Where an attachment's file is; the name is the hash alone, so nothing a user or a file says is ever a path. */
export function attachmentPath(libraryDir: string, sha256: string): string {
  if (!isAttachmentHash(sha256))
    throw new LibraryError('invalid-request', `not an attachment hash: ${sha256.slice(0, 80)}`);
  return path.join(libraryDir, ATTACHMENTS_DIR, `${sha256}.pdf`);
}

/** A PDF to keep: a file on disk (read, never moved or changed) or bytes (a drop in the app). */
export type PdfSource = { readonly file: string } | { readonly bytes: Uint8Array };

/**
 * Copy a PDF into the library under its hash: unique temp file → write → fsync → rename → fsync folder. The
 * same file twice is stored once. What is not a PDF, or is too large, is refused with the reason.
 */
export async function storePdf(
  libraryDir: string,
  source: PdfSource,
  label: string,
  /** The hash the bytes must have (a file named by it in the shared folder); other bytes are refused. */
  expectedSha256?: string,
): Promise<{ sha256: string; bytes: number }> {
  const folder = path.join(libraryDir, ATTACHMENTS_DIR);
  await mkdir(folder, { recursive: true });
  const temp = path.join(folder, `.incoming.${process.pid}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const hash = createHash('sha256');
  let bytes = 0;
  let head = Buffer.alloc(0);
  const handle = await open(temp, 'wx');
  try {
    for await (const chunk of chunksOf(source, label)) {
      bytes += chunk.length;
      if (bytes > MAX_PDF_BYTES)
        throw new LibraryError('invalid-request', `${label}: larger than ${MAX_PDF_BYTES / 1048576} MB; not attached`);
      if (head.length < 1024) head = Buffer.concat([head, chunk.subarray(0, 1024 - head.length)]);
      hash.update(chunk);
      await handle.write(chunk);
    }
    // PDF readers accept the header anywhere in the first 1024 bytes.
    if (!head.includes('%PDF-'))
      throw new LibraryError('invalid-request', `${label}: not a PDF (no %PDF- header in its first 1024 bytes)`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  const sha256 = hash.digest('hex');
  if (expectedSha256 !== undefined && sha256 !== expectedSha256) {
    await rm(temp, { force: true });
    throw new LibraryError(
      'invalid-request',
      `${label}: its bytes are not the PDF its name says (SHA-256 ${sha256.slice(0, 12)}…, not ${expectedSha256.slice(0, 12)}…); Margin did not use it`,
    );
  }
  const target = attachmentPath(libraryDir, sha256);
  if (await exists(target)) await rm(temp, { force: true });
  else {
    await rename(temp, target);
    await syncFolder(nodeDurableFs, folder);
  }
  return { sha256, bytes };
}

async function* chunksOf(source: PdfSource, label: string): AsyncIterable<Buffer> {
  if ('bytes' in source) {
    yield Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    return;
  }
  try {
    for await (const chunk of createReadStream(source.file, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new LibraryError('io', `${label}: cannot read it (${code})`);
  }
}

/** Delete stored PDFs (and the text read from them) that no paper refers to any more. Returns how many PDFs. */
export async function removeUnreferenced(libraryDir: string, referenced: ReadonlySet<string>): Promise<number> {
  const folder = path.join(libraryDir, ATTACHMENTS_DIR);
  const names = await readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const [, sha, kind] = /^([0-9a-f]{64})\.(pdf|txt)$/.exec(name) ?? [];
    if (sha === undefined || referenced.has(sha)) continue;
    await rm(path.join(folder, name), { force: true });
    if (kind === 'pdf') removed++;
  }
  return removed;
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
