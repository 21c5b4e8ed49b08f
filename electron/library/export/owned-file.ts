import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileDurable } from '../storage/durable-write.js';
import { readIfExists } from '../storage/read-if-exists.js';
import { readManifest, writeManifest } from './export-manifest.js';
import { contentHash } from '../storage/content-hash.js';

export interface OwnedFileResult {
  readonly file: string;
  readonly outcome: 'written' | 'unchanged' | 'conflict';
  readonly reason?: string;
}

/**
 * Write a file Margin generates whole (a .bib, a CSL-JSON, a highlights digest), but never over one the
 * user changed since Margin last wrote it, nor over one Margin did not write: that is reported instead.
 * What Margin wrote is recorded in the folder's `.margin-export.json`.
 */
export async function writeOwnedFile(
  filePath: string,
  content: string,
  options: { dryRun: boolean },
): Promise<OwnedFileResult> {
  const full = path.resolve(filePath);
  const dir = path.dirname(full);
  const name = path.basename(full);
  const manifest = await readManifest(dir);
  const current = await readIfExists(full);
  if (current === content) return { file: full, outcome: 'unchanged' };
  if (current !== null && manifest.digests[name] !== contentHash(current)) {
    return {
      file: full,
      outcome: 'conflict',
      reason: manifest.digests[name] ? 'you edited it since Margin wrote it' : 'a file Margin did not write is there',
    };
  }
  if (!options.dryRun) {
    await mkdir(dir, { recursive: true });
    await writeFileDurable(full, content);
    await writeManifest(dir, { ...manifest, digests: { ...manifest.digests, [name]: contentHash(content) } });
  }
  return { file: full, outcome: 'written' };
}
