import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../storage/durable-write.js';
import { readIfExists } from '../storage/read-if-exists.js';
import { LibraryError } from '../storage/errors.js';
import { stableStringify } from '../storage/stable-json.js';

/** Kept in the export folder: what Margin last wrote there, so it can tell its text from the user's. */
export const MANIFEST_NAME = '.margin-export.json';

const ManifestSchema = z.object({
  version: z.literal(1),
  papers: z.record(
    z.string(),
    z.object({
      file: z.string(),
      /** Hash of Margin's front-matter values as last written. */
      frontMatter: z.string(),
      /** Hash of each Margin section as last written. */
      sections: z.record(z.string(), z.string()),
    }),
  ),
  /** Combined highlight files: name → hash of what was last written. */
  digests: z.record(z.string(), z.string()),
});
export type ExportManifest = z.output<typeof ManifestSchema>;
export type ManifestEntry = ExportManifest['papers'][string];

export async function readManifest(dir: string): Promise<ExportManifest> {
  const file = path.join(dir, MANIFEST_NAME);
  let text: string | null;
  try {
    text = await readIfExists(file);
  } catch (error) {
    throw new LibraryError('io', `cannot read ${file} (${error instanceof Error ? error.message : String(error)})`);
  }
  if (text === null) return { version: 1, papers: {}, digests: {} };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  const parsed = ManifestSchema.safeParse(json);
  // Without a trustworthy manifest Margin cannot tell its text from the user's, so it writes nothing.
  if (!parsed.success)
    throw new LibraryError(
      'corrupt',
      `${file} is damaged, so Margin cannot tell its own text from yours; nothing was written. Move it away to export afresh (existing files will then be reported as conflicts, never overwritten).`,
    );
  return parsed.data;
}

export async function writeManifest(dir: string, manifest: ExportManifest): Promise<void> {
  await writeFileDurable(path.join(dir, MANIFEST_NAME), stableStringify(manifest));
}
