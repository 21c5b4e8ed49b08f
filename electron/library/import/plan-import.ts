import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import type { PreviewItem } from '../../../shared/models/views.js';
import { CitationKeys } from '../paper/citation-keys.js';
import type { LibraryContext } from '../context/library-context.js';
import { entryKey } from '../paper/identity.js';
import { MatchIndex } from '../merge/match-index.js';
import { mergeEntry, recordFromEntry } from '../merge/merge-entry.js';
import type { ParsedEntry } from '../paper/entry.js';
import { PLAN_STEP, throwIfCancelled, type ImportControl } from './import-progress.js';
import { turns } from '../storage/turns.js';

/** What planning says of one entry; the preview adds what the entry itself shows. */
export type PlannedItem = Pick<PreviewItem, 'title' | 'outcome' | 'changes' | 'paperId' | 'entryKey'> & {
  /** The paper the entry becomes or merges into. */
  readonly resultId: string;
  /** The position of the earlier entry of this import that is the same paper, if any. */
  readonly repeatOf: number | null;
};

/** An import worked out against the library, ready to commit: what each entry does, and the records it writes. */
export interface ImportPlan {
  readonly added: number;
  readonly merged: number;
  readonly unchanged: number;
  readonly ids: string[];
  readonly items: PlannedItem[];
  readonly records: PaperRecord[];
  readonly contents: Map<string, PaperContent>;
}

interface Pending {
  readonly record: PaperRecord;
  readonly content: PaperContent;
  readonly isNew: boolean;
  readonly changed: boolean;
  readonly firstEntry: number;
}

/** Match each entry against the library (and the entries before it), merging or adding; writes nothing. */
export async function planImport(
  ctx: LibraryContext,
  entries: readonly ParsedEntry[],
  extraTags: readonly string[],
  control: ImportControl & { readonly onPlanned?: (done: number) => void } = {},
): Promise<ImportPlan> {
  const existing = await ctx.store.allRecords();
  const index = await MatchIndex.inTurns(existing);
  const distinct = await ctx.distinctPairs();
  const keys = new CitationKeys(existing);
  const pending = new Map<string, Pending>();
  const ids: string[] = [];
  const listed = new Set<string>();
  const items: PlannedItem[] = [];
  const nowMs = ctx.deps.now().getTime();
  const now = new Date(nowMs).toISOString();
  const list = (id: string) => {
    if (listed.has(id)) return;
    ids.push(id);
    listed.add(id);
  };
  // Matching 10,000 entries takes about a second: in turns, so the app (or `margin serve`) answers other calls
  // meanwhile, and a cancel can arrive.
  const work = turns();
  for (const [position, entry] of entries.entries()) {
    if (position > 0 && position % PLAN_STEP === 0) {
      control.onPlanned?.(position);
      throwIfCancelled(control, 'while matching against the library');
    }
    if (work.due()) {
      await work.turn();
      throwIfCancelled(control, 'while matching against the library');
    }
    const key = entryKey(entry);
    const found = index.find(entry);
    // The user said this entry is not that paper: it comes in as a paper of its own.
    const matchId = found !== undefined && distinct.has(found, key) ? undefined : found;
    if (matchId === undefined) {
      // Each new paper is stamped a millisecond earlier than the one before it, so "newest first" keeps page order.
      const addedAt = new Date(nowMs - pending.size).toISOString();
      const created = recordFromEntry(entry, ctx.deps.newId(), extraTags, addedAt);
      const record = keys.assign(created.record);
      pending.set(record.id, { record, content: created.content, isNew: true, changed: true, firstEntry: position });
      index.add(record);
      list(record.id);
      items.push({
        title: entry.title,
        outcome: 'new',
        changes: [],
        paperId: null,
        entryKey: key,
        resultId: record.id,
        repeatOf: null,
      });
      continue;
    }
    const current = pending.get(matchId) ?? {
      record: await ctx.requireRecord(matchId),
      content: await ctx.store.getContent(matchId),
      isNew: false,
      changed: false,
      firstEntry: position,
    };
    const merged = mergeEntry(current.record, current.content, entry, extraTags, now);
    const record = current.record.citationKey === null ? keys.assign(merged.record) : merged.record;
    const changed = current.changed || merged.changed.length > 0;
    pending.set(matchId, { ...current, record, content: merged.content, changed });
    list(matchId);
    items.push({
      title: entry.title,
      outcome: current.isNew ? 'new' : merged.changed.length > 0 ? 'merge' : 'same',
      changes: [...merged.changed],
      paperId: current.isNew ? null : current.record.id,
      entryKey: key,
      resultId: matchId,
      // An entry whose paper an earlier entry of this import already names is that paper listed again.
      repeatOf: current.firstEntry !== position ? current.firstEntry : null,
    });
  }
  control.onPlanned?.(entries.length);
  const values = [...pending.values()];
  const changed = values.filter((v) => v.changed);
  return {
    added: values.filter((v) => v.isNew).length,
    merged: changed.filter((v) => !v.isNew).length,
    unchanged: values.filter((v) => !v.changed).length,
    ids,
    items,
    records: changed.map((v) => v.record),
    contents: new Map(changed.map((v) => [v.record.id, v.content])),
  };
}
