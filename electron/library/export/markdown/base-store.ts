import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileDurable } from '../../storage/durable-write.js';
import { readIfExists } from '../../storage/read-if-exists.js';
import { contentHash } from '../../storage/content-hash.js';
import type { ManifestEntry } from '../export-manifest.js';
import { SECTION_NAMES, type SectionName } from './render.js';

/**
 * Beside the manifest: for each exported paper, Margin's own parts as it last wrote them (its front matter
 * and its sections, not the user's text), the base a three-way merge needs. One small file per paper,
 * replaced on each write, so the folder stays as big as the notes' Margin parts. A dot-folder, so Obsidian
 * does not index it. The manifest keeps the hashes, so a base edited or half-written is not trusted.
 */
export const BASE_FOLDER = '.margin-base';

const BaseSchema = z.object({
  frontMatter: z.string(),
  sections: z.record(z.string(), z.string()),
});

/** Margin's parts of one note as last written. */
export interface ExportBase {
  readonly frontMatter: string;
  readonly sections: Readonly<Record<SectionName, string>>;
}

/** Margin's parts of a base, each only when it matches the manifest's hash (else null: merge asks about all of it). */
export interface TrustedBase {
  readonly frontMatter: string | null;
  readonly sections: Readonly<Partial<Record<SectionName, string>>>;
}

const baseFile = (dir: string, paperId: string) => {
  // Paper ids are 8–32 lowercase letters or digits; anything else would name a path outside the folder.
  if (!/^[a-z0-9]{8,32}$/.test(paperId)) throw new Error(`not a paper id: ${paperId}`);
  return path.join(dir, BASE_FOLDER, `${paperId}.json`);
};

/**
 * Keep a paper's base. Best effort: a base that cannot be written (a file named `.margin-base` in the way, a
 * full disk) costs only a two-way merge later, and must not fail the export or the resolution it belongs to.
 */
export async function writeBase(dir: string, paperId: string, base: ExportBase): Promise<void> {
  const file = baseFile(dir, paperId);
  const text = JSON.stringify(base);
  try {
    if ((await readIfExists(file)) === text) return;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFileDurable(file, text);
  } catch {
    // Without this base the manifest's hashes vouch for nothing here, and the merge asks about every difference.
  }
}

/**
 * The base of a paper's note, keeping only the parts whose hash is the manifest's: the file is on disk
 * where anyone can edit it, and a crash can leave it newer than the manifest.
 */
export async function readBase(
  dir: string,
  paperId: string,
  entry: ManifestEntry,
  frontMatterHash: (yaml: string) => string | null,
): Promise<TrustedBase> {
  const empty: TrustedBase = { frontMatter: null, sections: {} };
  const text = await readIfExists(baseFile(dir, paperId)).catch(() => null);
  if (text === null) return empty;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return empty;
  }
  const parsed = BaseSchema.safeParse(json);
  if (!parsed.success) return empty;
  const sections: Partial<Record<SectionName, string>> = {};
  for (const name of SECTION_NAMES) {
    const content = parsed.data.sections[name];
    if (content !== undefined && contentHash(content) === entry.sections[name]) sections[name] = content;
  }
  const frontMatter = frontMatterHash(parsed.data.frontMatter) === entry.frontMatter ? parsed.data.frontMatter : null;
  return { frontMatter, sections };
}

/**
 * Where the user's version of a note goes when a resolution writes over it (Take Margin's, Merge): the
 * last one per paper, beside its base, as a hard link to the file as it was (no copy).
 */
export async function previousVersionFile(dir: string, paperId: string): Promise<string> {
  const file = baseFile(dir, paperId).replace(/\.json$/, '.yours.md');
  await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined); // then the link fails, and says so
  return file;
}

/** Forget a paper's base (tests use it to play an export from before Margin kept bases). */
export async function removeBase(dir: string, paperId: string): Promise<void> {
  await rm(baseFile(dir, paperId), { force: true });
}
