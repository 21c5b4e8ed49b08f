import type { ImportFormat, PaperRecord } from '../../../shared/models/paper.js';
import type { Backups } from '../backups/backups.js';
import type { LibraryContext } from '../context/library-context.js';
import { arxivPlaceholderTitle } from '../paper/identity.js';
import { unionTags, validTags } from '../paper/tags.js';
import type { ParsedEntry } from '../paper/entry.js';
import { applyEntryEdits, type EntryEdit } from './entry-edits.js';
import type { ImportParser } from './import-parser.js';
import { previewItems, reportEntries, type ImportOutcome } from './import-outcome.js';
import { planImport, type ImportPlan } from './plan-import.js';
import { mergeEntry } from '../merge/merge-entry.js';
import { LibraryError } from '../storage/errors.js';
import type { ImportText } from './text-pieces.js';
import { progressReporter, throwIfCancelled, type ImportControl } from './import-progress.js';

export interface ImportRequest {
  /** One string, or pieces of one (text-pieces.ts). */
  readonly text: ImportText;
  readonly format: ImportFormat | 'auto';
  readonly fileName: string | null;
  readonly tags: readonly string[];
  /** Only report what would happen. */
  readonly dryRun: boolean;
  /** The same paste as HTML, whose links give papers their ids. */
  readonly html?: string | null;
  /** Corrections made in the preview, by entry position. */
  readonly edits?: readonly EntryEdit[];
  /** Tag each paper with its arXiv categories (`arxiv/cs.LG`). */
  readonly categoryTags?: boolean;
}

/** Imports: parse, apply the preview's corrections, match against the library, and write in one transaction. */
export class Importing {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly backups: Backups,
    private readonly parser: ImportParser,
  ) {}

  /** `control` follows the import (progress) and may stop it before anything is written (cancel). */
  async run(request: ImportRequest, control: ImportControl = {}): Promise<ImportOutcome> {
    const extraTags = validTags(request.tags);
    const parsed = await this.parser(
      {
        text: request.text,
        format: request.format,
        fileName: request.fileName,
        html: request.html ?? null,
        today: this.ctx.deps.now(),
      },
      control.signal,
    );
    throwIfCancelled(control, 'while reading it');
    const edited = applyEntryEdits(parsed.entries, request.edits ?? []);
    const withCategories = (entry: ParsedEntry): ParsedEntry =>
      request.categoryTags && entry.categories.length > 0
        ? {
            ...entry,
            tags: unionTags(
              entry.tags,
              entry.categories.map((c) => `arxiv/${c}`),
            ),
          }
        : entry;
    const included = edited.entries.filter((e) => e.included);
    const chosen = included.map((e) => withCategories(e.entry));
    const report = progressReporter(control, chosen.length);
    report('parsed', chosen.length);
    const tracked = { ...control, onPlanned: (done: number) => report('planned', done) };
    const plan = request.dryRun
      ? await planImport(this.ctx, chosen, extraTags, tracked)
      : await this.commitWithBackup(chosen, extraTags, tracked);
    if (!request.dryRun) report('written', chosen.length);
    if (!request.dryRun) this.ctx.changed(plan.records.map((r) => r.id));
    // Unticked entries are still shown, with what importing them would do.
    const excluded = edited.entries.filter((e) => !e.included);
    const excludedPlan =
      excluded.length > 0 && request.dryRun
        ? (
            await planImport(
              this.ctx,
              excluded.map((e) => e.entry),
              [],
            )
          ).items
        : [];
    const skipped = [...(parsed.digest?.skipped ?? []), ...edited.skipped].sort((a, b) => a.line - b.line);
    const digest = parsed.digest
      ? { source: parsed.digest.source, label: parsed.digest.label, detail: parsed.digest.detail, skipped }
      : null;
    return {
      added: plan.added,
      merged: plan.merged,
      unchanged: plan.unchanged,
      failed: [...parsed.failures],
      ids: plan.ids,
      items: previewItems(edited.entries, included, plan, excluded, excludedPlan),
      format: parsed.format,
      digest,
      skipped,
      entries: reportEntries(plan, included),
    };
  }

  /**
   * Merge entries that came from elsewhere than a file (the arXiv API completing id-only papers), through
   * the same matching and merge rules as an import. Returns how many papers changed.
   */
  async mergeEntries(entries: readonly ParsedEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const plan = await this.commitWithBackup(entries, []);
    this.ctx.changed(plan.records.map((r) => r.id));
    return plan.records.length;
  }

  /**
   * One entry from elsewhere than a file (a dropped PDF), matched and merged like an import's: which paper it
   * became, and whether that paper is new.
   */
  async addEntry(entry: ParsedEntry): Promise<{ paperId: string; outcome: 'added' | 'merged' | 'unchanged' }> {
    const plan = await this.commitWithBackup([entry], []);
    this.ctx.changed(plan.records.map((r) => r.id));
    const item = plan.items[0];
    if (!item) throw new Error('an entry made no plan');
    return {
      paperId: item.resultId,
      outcome: item.outcome === 'new' ? 'added' : item.outcome === 'merge' ? 'merged' : 'unchanged',
    };
  }

  /**
   * Merge an entry the user chose for this paper (an arXiv search result) into it by the ordinary merge rules:
   * empty fields filled, a longer abstract taken, nothing the user made touched. An arXiv id or DOI another
   * paper already has is a conflict (merge the two papers instead). Returns what changed, to undo it by.
   */
  async mergeInto(paperId: string, entry: ParsedEntry): Promise<readonly string[]> {
    const changes = await this.ctx.store.exclusive(async (writer) => {
      const record = await this.ctx.requireRecord(paperId);
      const other = (await this.ctx.store.allRecords()).find(
        (r) =>
          r.id !== paperId &&
          r.trashedAt === null &&
          ((entry.arxivId !== null && r.arxivId === entry.arxivId) || (entry.doi !== null && r.doi === entry.doi)),
      );
      if (other)
        throw new LibraryError(
          'conflict',
          `${entry.arxivId ? `arXiv:${entry.arxivId}` : `doi:${entry.doi}`} is already in your library as “${other.title}”; merge the two papers instead`,
        );
      const content = await this.ctx.store.getContent(paperId);
      const merged = mergeEntry(record, content, entry, [], this.ctx.nowIso());
      if (merged.changed.length > 0)
        await writer.commit({ records: [merged.record], contents: new Map([[paperId, merged.content]]) });
      return merged.changed;
    });
    if (changes.length > 0) this.ctx.changed([paperId]);
    return changes;
  }

  /** Papers imported from a bare arXiv id, still waiting for their title and abstract. */
  async arxivPlaceholders(): Promise<PaperRecord[]> {
    return (await this.ctx.store.allRecords()).filter(
      (r) => r.arxivId !== null && r.title === arxivPlaceholderTitle(r.arxivId) && r.trashedAt === null,
    );
  }

  /**
   * Plan and commit in one lock. When the import changes a library that has papers, a backup of the
   * state before it is linked inside the same lock, then verified in the background once the import has landed.
   */
  private async commitWithBackup(
    entries: readonly ParsedEntry[],
    extraTags: readonly string[],
    control: Parameters<typeof planImport>[3] = {},
  ): Promise<ImportPlan> {
    const { store } = this.ctx;
    const { plan, staged } = await store.exclusive(async (writer) => {
      const planned = await planImport(this.ctx, entries, extraTags, control);
      // The last moment a cancel stops the import: from the backup on, it lands whole.
      throwIfCancelled(control, 'before writing');
      // Nothing is committed yet, so the store still holds the library as it was before this import.
      const hadPapers = (await store.allRecords()).length > 0;
      const backup = planned.records.length > 0 && hadPapers ? await writer.stageBackup('import') : null;
      await writer.commit({ records: planned.records, contents: planned.contents });
      return { plan: planned, staged: backup };
    });
    if (staged) this.backups.finishLater(staged);
    return plan;
  }
}
