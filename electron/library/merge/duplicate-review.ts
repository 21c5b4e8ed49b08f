import type { Paper, PaperRecord } from '../../../shared/models/paper.js';
import type { Backups } from '../backups/backups.js';
import type { LibraryContext } from '../context/library-context.js';
import type { Papers } from '../papers/papers.js';
import { LibraryError } from '../storage/errors.js';
import { findPossibleDuplicates, type DuplicatePair } from './duplicates.js';
import { mergePapers } from './merge-papers.js';

/** Near-duplicates already in the library: find them, merge a pair, or remember that two are different. */
export class DuplicateReview {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly papers: Papers,
    private readonly backups: Backups,
  ) {}

  /** Near-duplicates, except pairs the user said are different papers. */
  async possible(): Promise<DuplicatePair[]> {
    const distinct = await this.ctx.distinctPairs();
    return findPossibleDuplicates(await this.ctx.store.allRecords(), (a, b) => distinct.has(a, b));
  }

  /** "Not the same paper": never offer this pair again. */
  async markDistinct(a: string, b: string): Promise<void> {
    await this.ctx.requireRecord(a);
    await this.ctx.requireRecord(b);
    await (await this.ctx.distinctPairs()).add(a, b);
  }

  /** "Not the same paper" for an imported entry: future imports add it as a paper of its own. */
  async markEntryDistinct(paperId: string, key: string): Promise<void> {
    await this.ctx.requireRecord(paperId);
    await (await this.ctx.distinctPairs()).add(paperId, key);
  }

  /** Merge `dropId` into `keepId` (annotations and notes included); the duplicate goes to the Trash. */
  async merge(keepId: string, dropId: string): Promise<Paper> {
    if (keepId === dropId) throw new LibraryError('invalid-request', 'a paper cannot be merged into itself');
    await this.backups.take('merge');
    const now = this.ctx.nowIso();
    await this.ctx.store.exclusive(async (writer) => {
      const [keep, drop] = [await this.papers.get(keepId), await this.papers.get(dropId)];
      const merged = mergePapers(keep, drop, now);
      const trashed: PaperRecord = { ...(await this.ctx.requireRecord(dropId)), trashedAt: now, updatedAt: now };
      await writer.commit({ records: [merged.record, trashed], contents: new Map([[keepId, merged.content]]) });
    });
    this.ctx.changed([keepId, dropId]);
    return this.papers.get(keepId);
  }
}
