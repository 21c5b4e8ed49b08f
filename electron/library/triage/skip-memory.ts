import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { titleKey } from '../paper/identity.js';
import { ValidatedJsonFile } from '../storage/validated-json-file.js';
import { TRIAGE_DIR } from './triage-sessions.js';

const SkippedSchema = z.object({
  arxivId: z.string().nullable(),
  doi: z.string().nullable(),
  titleKey: z.string(),
  title: z.string(),
  skippedAt: z.string(),
});
export const SkipFileSchema = z.object({ version: z.literal(1), skipped: z.array(SkippedSchema) });
export type SkippedPaper = z.output<typeof SkippedSchema>;

/** What identifies a paper the user skipped: its arXiv id, DOI or title. */
export interface SkipIdentity {
  readonly title: string;
  readonly arxivId: string | null;
  readonly doi: string | null;
}

/**
 * Papers skipped in a triage, remembered by arXiv id, DOI and normalized title, so tomorrow's digest
 * sets them apart. Kept in the library folder (`triage/skipped.json`), so it travels with the library.
 */
export class SkipMemory {
  private byArxiv = new Map<string, SkippedPaper>();
  private byDoi = new Map<string, SkippedPaper>();
  private byTitle = new Map<string, SkippedPaper>();

  private constructor(
    private readonly db: Low<z.output<typeof SkipFileSchema>>,
    private readonly dir: string,
  ) {
    this.index();
  }

  static async open(libraryDir: string): Promise<SkipMemory> {
    const file = new ValidatedJsonFile(path.join(libraryDir, TRIAGE_DIR, 'skipped.json'), SkipFileSchema);
    const db = new Low(file, { version: 1 as const, skipped: [] });
    await db.read();
    return new SkipMemory(db, path.join(libraryDir, TRIAGE_DIR));
  }

  /** Whether the paper was skipped before. */
  has(paper: SkipIdentity): boolean {
    return (
      (paper.arxivId !== null && this.byArxiv.has(paper.arxivId.toLowerCase())) ||
      (paper.doi !== null && this.byDoi.has(paper.doi.toLowerCase())) ||
      this.byTitle.has(titleKey(paper.title))
    );
  }

  /** Remember these as skipped and forget those (kept after all), in one write. */
  async update(skip: readonly SkipIdentity[], unskip: readonly SkipIdentity[], now: string): Promise<void> {
    if (skip.length === 0 && unskip.length === 0) return;
    const forget = (s: SkippedPaper) =>
      unskip.some(
        (u) =>
          (u.arxivId !== null && u.arxivId.toLowerCase() === s.arxivId?.toLowerCase()) ||
          (u.doi !== null && u.doi.toLowerCase() === s.doi?.toLowerCase()) ||
          titleKey(u.title) === s.titleKey,
      );
    const kept = this.db.data.skipped.filter((s) => !forget(s));
    const added = skip
      .filter((p) => !this.has(p) || unskip.length > 0)
      .map((p) => ({ arxivId: p.arxivId, doi: p.doi, titleKey: titleKey(p.title), title: p.title, skippedAt: now }));
    const seen = new Set<string>();
    const skipped = [...kept, ...added].filter((s) => {
      const key = `${s.arxivId ?? ''}|${s.doi ?? ''}|${s.titleKey}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    this.db.data = { version: 1, skipped };
    await mkdir(this.dir, { recursive: true });
    await this.db.write();
    this.index();
  }

  get size(): number {
    return this.db.data.skipped.length;
  }

  private index(): void {
    this.byArxiv = new Map();
    this.byDoi = new Map();
    this.byTitle = new Map();
    for (const s of this.db.data.skipped) {
      if (s.arxivId) this.byArxiv.set(s.arxivId.toLowerCase(), s);
      if (s.doi) this.byDoi.set(s.doi.toLowerCase(), s);
      if (s.titleKey) this.byTitle.set(s.titleKey, s);
    }
  }
}
