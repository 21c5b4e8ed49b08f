import { AsyncLocalStorage } from 'node:async_hooks';
import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import type { LibraryContext } from '../context/library-context.js';
import type { StoredPaper } from '../storage/library-store.js';
import { revertPaper, type ChangedPart, type Direction, type PaperChange } from './paper-revert.js';

/** One thing the user did, as the papers it changed (what each was, what each became). */
interface HistoryEntry {
  readonly label: string;
  /** Edits with the same key one after another (typing in one note) are one step. */
  readonly key: string | null;
  /** When the step began and when it last grew (typing joins a step only after a short pause at most). */
  readonly startedAt: number;
  readonly at: number;
  readonly changes: Map<string, PaperChange>;
}

/** What undo or redo did: the step's name, and changes made since that it left alone. */
export interface HistoryStep {
  readonly label: string;
  readonly papers: number;
  readonly kept: string[];
}

const MAX_STEPS = 100;
/** Note edits of one paper are one undo step while typing goes on (autosave writes every second or so)… */
const COALESCE_PAUSE_MS = 5_000;
/** …but no step spans more than this, so undo never takes back more than a minute of typing. */
const COALESCE_SPAN_MS = 60_000;

/** The writes made while one action runs; closed when it ends, so background work it started is not counted. */
class Recording {
  readonly changes = new Map<string, PaperChange>();
  open = true;

  note(id: string, before: Partial<StoredPaper>, after: Partial<StoredPaper>): void {
    const change: { record?: ChangedPart<PaperRecord>; content?: ChangedPart<PaperContent> } = {};
    if ('record' in after) change.record = { before: before.record, after: after.record };
    if ('content' in after) change.content = { before: before.content, after: after.content };
    this.changes.set(id, combine(this.changes.get(id), change));
  }
}

/**
 * The library's undo history: one stack for every kind of edit. An action runs inside `record`, and the
 * store reports each paper it writes; undo writes back what those papers were, field by field and
 * highlight by highlight, leaving alone whatever changed since (and saying so). Redo is the same forwards.
 */
export class EditHistory {
  private readonly recording = new AsyncLocalStorage<Recording>();
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];

  constructor(private readonly ctx: LibraryContext) {
    ctx.store.observeWrites({
      wants: () => this.recording.getStore()?.open === true,
      wrote: (id, before, after) => this.recording.getStore()?.note(id, before, after),
    });
  }

  /** Run an action and remember what it changed as one undoable step named `label`. */
  async record<T>(label: string, action: () => Promise<T>, options: { readonly key?: string } = {}): Promise<T> {
    const recording = new Recording();
    try {
      return await this.recording.run(recording, action);
    } finally {
      recording.open = false;
      if (recording.changes.size > 0) this.push(label, options.key ?? null, recording.changes);
    }
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Take back the last step; null when there is none. */
  async undo(): Promise<HistoryStep | null> {
    const entry = this.undoStack.at(-1);
    if (!entry) return null;
    const step = await this.apply(entry, 'undo'); // a failed write leaves the step where it was
    this.undoStack.pop();
    this.redoStack.push(entry);
    return step;
  }

  /** Make again the step last taken back; null when there is none. */
  async redo(): Promise<HistoryStep | null> {
    const entry = this.redoStack.at(-1);
    if (!entry) return null;
    const step = await this.apply(entry, 'redo');
    this.redoStack.pop();
    this.undoStack.push(entry);
    return step;
  }

  /** Forget every step (the whole library was replaced, as by restoring a backup). */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }

  private push(label: string, key: string | null, changes: Map<string, PaperChange>): void {
    const top = this.undoStack.at(-1);
    const now = Date.now();
    if (
      key !== null &&
      top?.key === key &&
      now - top.at < COALESCE_PAUSE_MS &&
      now - top.startedAt < COALESCE_SPAN_MS
    ) {
      this.undoStack[this.undoStack.length - 1] = { ...top, at: now, changes: joined(top.changes, changes) };
    } else {
      this.undoStack = [...this.undoStack.slice(-(MAX_STEPS - 1)), { label, key, startedAt: now, at: now, changes }];
    }
    this.redoStack = [];
  }

  private async apply(entry: HistoryEntry, direction: Direction): Promise<HistoryStep> {
    const kept: string[] = [];
    const ids: string[] = [];
    const now = this.ctx.nowIso();
    await this.ctx.store.exclusive(async (writer) => {
      const records: PaperRecord[] = [];
      const contents = new Map<string, PaperContent>();
      const deleted: string[] = [];
      for (const [id, change] of entry.changes) {
        const current: StoredPaper = {
          record: await this.ctx.store.getRecord(id),
          content: await this.ctx.store.getContent(id),
        };
        const result = revertPaper(current, change, direction, now);
        kept.push(...result.kept);
        const outcome = result.outcome;
        if (outcome.kind === 'unchanged') continue;
        ids.push(id);
        if (outcome.kind === 'delete') deleted.push(id);
        else {
          records.push(outcome.record);
          if (outcome.content) contents.set(id, outcome.content);
        }
      }
      await writer.commit({ records, contents, deleted });
    });
    this.ctx.changed(ids);
    return { label: entry.label, papers: ids.length, kept };
  }
}

/** Two steps as one: the first one's "before", the second one's "after". */
function joined(first: Map<string, PaperChange>, second: Map<string, PaperChange>): Map<string, PaperChange> {
  const out = new Map(first);
  for (const [id, change] of second) out.set(id, combine(out.get(id), change));
  return out;
}

/** One paper's change followed by another: each part goes from the earliest "before" to the latest "after". */
function combine(earlier: PaperChange | undefined, later: PaperChange): PaperChange {
  const next: { record?: ChangedPart<PaperRecord>; content?: ChangedPart<PaperContent> } = { ...earlier };
  if (later.record)
    next.record = { before: earlier?.record ? earlier.record.before : later.record.before, after: later.record.after };
  if (later.content)
    next.content = {
      before: earlier?.content ? earlier.content.before : later.content.before,
      after: later.content.after,
    };
  return next;
}
