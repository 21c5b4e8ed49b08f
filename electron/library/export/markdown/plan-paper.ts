import { createTwoFilesPatch } from 'diff';
import type { Paper } from '../../../../shared/models/paper.js';
import { readIfExists } from '../../storage/read-if-exists.js';
import { LibraryError } from '../../storage/errors.js';
import { contentHash } from '../../storage/content-hash.js';
import type { ExportManifest, ManifestEntry } from '../export-manifest.js';
import { compose, composeNew, parseFile, readFrontMatter, yamlFor, type Part } from './document.js';
import { fileStem, uniqueFileName } from './file-names.js';
import { SECTION_NAMES, frontMatterOf, renderSections, type SectionName } from './render.js';
import type { ExportBase } from './base-store.js';
import path from 'node:path';

/** Front-matter values as a YAML parser reads them back, so the comparison ignores formatting. */
export const frontMatterHash = (values: Readonly<Record<string, unknown>>) =>
  contentHash(JSON.stringify(readFrontMatter(yamlFor(values, null))));

/** The hash of a YAML front matter's Margin keys; null when it does not parse. */
export function yamlHash(yaml: string): string | null {
  const values = readFrontMatter(yaml);
  return values === null ? null : frontMatterHash(values);
}

/** A part of a note both sides changed since Margin last wrote it. */
export interface ConflictRegion {
  readonly name: 'front matter' | SectionName;
  readonly mine: string;
  readonly margin: string;
}

/** What a conflicted note can become: the user's file, Margin's side taken, or a merge of the regions. */
export interface ConflictDetail {
  /** The file on disk now. */
  readonly current: string;
  /** The file with Margin's side of every conflicting region ("Take Margin's"). */
  readonly margin: string;
  /** The manifest entry and base once resolved: Margin's side as of now is the next base. */
  readonly entry: ManifestEntry;
  readonly base: ExportBase;
  /** The file settled outside the regions, to merge into; null when Margin's markers are gone. */
  readonly merge: {
    readonly frontMatter: string | null;
    readonly parts: readonly Part[];
    readonly regions: readonly ConflictRegion[];
  } | null;
}

export type Plan =
  | {
      kind: 'write';
      paperId: string;
      file: string;
      text: string;
      previous: string | null;
      entry: ManifestEntry;
      base: ExportBase;
    }
  | { kind: 'unchanged'; paperId: string; file: string; entry: ManifestEntry; base: ExportBase }
  | { kind: 'conflict'; paperId: string; file: string; reason: string; diff: string; detail: ConflictDetail };

/**
 * Decide what exporting one paper does, three-way against what Margin last wrote (the manifest's hashes):
 * a part only Margin changed is rewritten, a part only the user changed is kept as they wrote it, and a
 * part both changed makes the file a conflict, left alone until the user resolves it.
 */
export async function planPaper(
  paper: Paper,
  root: string,
  manifest: ExportManifest,
  taken: Set<string>,
): Promise<Plan> {
  const sections = renderSections(paper);
  const values = frontMatterOf(paper);
  const entryFor = (file: string): ManifestEntry => ({
    file,
    frontMatter: frontMatterHash(values),
    sections: Object.fromEntries(SECTION_NAMES.map((n) => [n, contentHash(sections[n])])),
  });
  const baseFor = (userYaml: string | null): ExportBase => ({ frontMatter: yamlFor(values, userYaml), sections });
  const known = manifest.papers[paper.id];
  const current = known ? await readIfExists(insideDir(root, known.file)) : null;

  if (!known || current === null) {
    // A new file (or one the user deleted, which comes back under its old name).
    const file = known?.file ?? uniqueFileName(fileStem(paper.title, `paper ${paper.id}`), taken);
    taken.add(file.toLowerCase());
    const text = composeNew(values, sections);
    return { kind: 'write', paperId: paper.id, file, text, previous: null, entry: entryFor(file), base: baseFor(null) };
  }

  const file = known.file;
  const parsed = parseFile(current);
  const currentValues = parsed ? readFrontMatter(parsed.frontMatter) : null;
  if (!parsed || !currentValues) {
    // Without Margin's structure nothing can be merged in; while Margin's side is as last written, the
    // file is simply the user's (kept as it is), and once Margin's side changes it is a conflict.
    const entry = entryFor(file);
    if (sameEntry(entry, known)) return { kind: 'unchanged', paperId: paper.id, file, entry, base: baseFor(null) };
    const margin = composeNew(values, sections);
    return {
      kind: 'conflict',
      paperId: paper.id,
      file,
      reason: parsed
        ? 'the front matter is no longer valid YAML'
        : "Margin's section markers or front matter were removed or changed",
      diff: patch(file, current, margin),
      detail: { current, margin, entry, base: baseFor(null), merge: null },
    };
  }

  const regions: ConflictRegion[] = [];
  const currentHash = frontMatterHash(currentValues);
  const newHash = frontMatterHash(values);
  const userYaml = parsed.frontMatter;
  let frontMatter: string | null = userYaml;
  if (currentHash === newHash || (currentHash !== known.frontMatter && newHash === known.frontMatter)) {
    frontMatter = userYaml; // the same values, or only the user changed them: theirs stands
  } else if (currentHash === known.frontMatter) {
    frontMatter = yamlFor(values, userYaml);
  } else {
    frontMatter = null;
    regions.push({ name: 'front matter', mine: userYaml, margin: yamlFor(values, userYaml) });
  }
  const parts = parsed.parts.map((part): Part => {
    if (part.kind !== 'section') return part;
    const wanted = sections[part.name];
    const knownHash = known.sections[part.name];
    const userEdited = contentHash(part.content) !== knownHash;
    const marginChanged = contentHash(wanted) !== knownHash;
    if (part.content === wanted || !userEdited) return { ...part, content: wanted };
    if (!marginChanged) return part;
    regions.push({ name: part.name, mine: part.content, margin: wanted });
    return part;
  });

  if (regions.length > 0) {
    const margin = compose(
      frontMatter ?? yamlFor(values, userYaml),
      parts.map((p) =>
        p.kind === 'section' && regions.some((r) => r.name === p.name) ? { ...p, content: sections[p.name] } : p,
      ),
    );
    return {
      kind: 'conflict',
      paperId: paper.id,
      file,
      reason: `you edited Margin's ${inWords(regions.map((r) => r.name))}, which changed in Margin too`,
      diff: patch(file, current, margin),
      detail: {
        current,
        margin,
        entry: entryFor(file),
        base: baseFor(userYaml),
        merge: { frontMatter, parts, regions },
      },
    };
  }
  const text = compose(frontMatter ?? userYaml, parts);
  const base = baseFor(userYaml);
  if (text === current) return { kind: 'unchanged', paperId: paper.id, file, entry: entryFor(file), base };
  return { kind: 'write', paperId: paper.id, file, text, previous: current, entry: entryFor(file), base };
}

/** Margin's side is as the manifest last recorded it. */
function sameEntry(a: ManifestEntry, b: ManifestEntry): boolean {
  return a.frontMatter === b.frontMatter && SECTION_NAMES.every((name) => a.sections[name] === b.sections[name]);
}

/** "a", "a and b", "a, b and c". */
function inWords(names: readonly string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The full path of a file name in the export folder; a name that would leave the folder is refused. */
export function insideDir(root: string, file: string): string {
  const full = path.resolve(root, file);
  if (path.dirname(full) !== root || file.includes('/') || file.includes('\\'))
    throw new LibraryError('invalid-request', `refusing to write ${file} outside ${root}`);
  return full;
}

export function patch(file: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 2 });
}
