import { randomBytes } from 'node:crypto';
import type { ImportReport } from '../../shared/models/import-report.js';
import type { ImportFormat, Paper, PaperContent, PaperId, PaperRecord, Status } from '../../shared/models/paper.js';
import {
  EMPTY_CONTENT,
  PaperIdSchema,
  TagSchema,
  withCounts,
  type Annotation,
  type AnnotationColor,
  type Note,
} from '../../shared/models/paper.js';
import { anchorAt, nthOccurrence, reanchor } from './annotations/anchoring.js';
import type { ParsedEntry } from './import/entry.js';
import { MatchIndex } from './merge/match-index.js';
import { arxivPlaceholderTitle } from './merge/merge-entry.js';
import { entryKey } from './merge/identity.js';
import { findPossibleDuplicates, type DuplicatePair } from './merge/duplicates.js';
import { mergePapers } from './merge/merge-papers.js';
import { DistinctPairs } from './distinct-pairs.js';
import { CitationKeys } from './export/bibliography/citation-keys.js';
import { mergeEntry, recordFromEntry, unionTags } from './merge/merge-entry.js';
import { isEmptyQuery, matchesFilters, matchesText, parseQuery } from './search/query.js';
import { searchableText } from './search/search-corpus.js';
import type { ImportPreview, PreviewItem } from '../../shared/models/views.js';
import { applyEntryEdits, type EditedEntry, type EntryEdit } from './import/entry-edits.js';
import { parseInProcess, type ImportParser } from './import/import-parser.js';
import { LibraryError } from './storage/errors.js';
import { LibraryStore } from './storage/library-store.js';
import { listSnapshots, type SnapshotInfo } from './storage/snapshots.js';
import type { Notice } from './storage/recovery.js';

/** Injected so tests control time and ids. */
export interface LibraryDeps {
  readonly now: () => Date;
  readonly newId: () => PaperId;
}

const HOUR_MS = 60 * 60 * 1000;

export const defaultDeps: LibraryDeps = {
  now: () => new Date(),
  newId: () => PaperIdSchema.parse(randomBytes(8).toString('hex')),
};

export interface LibraryOpenOptions {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  readonly holder: string;
  readonly deps?: LibraryDeps;
  /** Reads imports; the app and `margin serve` pass one that parses in a worker thread with a time limit. */
  readonly parser?: ImportParser;
  /** Take over a write lock held from another machine, after the user confirmed it. */
  readonly takeOverLock?: boolean;
}

export interface ImportRequest {
  readonly text: string;
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

/** What an import did, or would do, with every entry and the digest's skipped text. */
export type ImportOutcome = ImportReport & {
  format: ImportFormat;
  items: PreviewItem[];
  digest: ImportPreview['digest'];
};

/** Called with the ids of papers that changed, after the change is on disk; `content` says whether abstracts, notes or highlights changed too. */
export type ChangeListener = (ids: readonly string[], change: { readonly content: boolean }) => void;

export interface ListFilter {
  readonly search?: string;
  readonly tag?: string;
  readonly status?: Status;
  /** Only these papers (an unknown id is an error). */
  readonly ids?: readonly string[];
}

/** The library's operations over the store: what the CLI, IPC and the HTTP host all call. */
export class Library {
  private readonly listeners = new Set<ChangeListener>();
  private lastBackupAt: number | null = null;
  /** The hourly backup runs after an edit returns (queued behind it), never inside it. */
  private pendingBackup: Promise<unknown> | null = null;

  private constructor(
    private readonly store: LibraryStore,
    private readonly deps: LibraryDeps,
    private readonly parser: ImportParser,
  ) {}

  /** Hear about every change this library makes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async getRecord(id: string): Promise<PaperRecord | undefined> {
    return this.store.getRecord(id);
  }

  async getContent(id: string): Promise<PaperContent> {
    return this.store.getContent(id);
  }

  async allContents(): Promise<Map<string, PaperContent>> {
    return this.store.allContents();
  }

  static async open(options: LibraryOpenOptions): Promise<Library> {
    const deps = options.deps ?? defaultDeps;
    const store = await LibraryStore.open({
      dir: options.dir,
      mode: options.mode,
      holder: options.holder,
      now: deps.now,
      ...(options.takeOverLock ? { takeOverLock: true } : {}),
    });
    return new Library(store, deps, options.parser ?? parseInProcess);
  }

  get dir(): string {
    return this.store.dir;
  }
  get readOnly(): boolean {
    return this.store.readOnly;
  }
  /** What the user must be told about this library (recoveries, read-only mode). */
  get notices(): readonly Notice[] {
    return this.store.notices;
  }

  async records(): Promise<PaperRecord[]> {
    return this.store.allRecords();
  }

  /** One paper with its abstract, or a not-found error naming the id. */
  async get(id: string): Promise<Paper> {
    const record = await this.requireRecord(id);
    return { ...record, ...(await this.store.getContent(id)) };
  }

  /** Papers matching a filter and search, with their content, newest first. */
  async list(filter: ListFilter = {}): Promise<Paper[]> {
    if (filter.ids && filter.ids.length > 0) {
      const papers = await Promise.all(filter.ids.map((id) => this.get(id)));
      return papers.filter(
        (p) =>
          (!filter.tag || matchesFilters(p, parseQuery(`tag:"${filter.tag}"`))) &&
          (!filter.status || p.status === filter.status),
      );
    }
    const records = (await this.store.allRecords()).filter((r) => r.trashedAt === null);
    const contents = await this.store.allContents();
    const query = parseQuery(
      [
        filter.search ?? '',
        filter.tag ? `tag:"${filter.tag}"` : '',
        filter.status ? `status:${filter.status}` : '',
      ].join(' '),
    );
    const papers = records.map((r): Paper => ({ ...r, ...(contents.get(r.id) ?? EMPTY_CONTENT) }));
    const matching = isEmptyQuery(query)
      ? papers
      : papers.filter((p) => matchesFilters(p, query) && matchesText(searchableText(p, p), query));
    return matching.sort(byAddedDesc);
  }

  async setStatus(id: string, status: Status): Promise<PaperRecord> {
    return this.update(id, (r) => (r.status === status ? r : { ...r, status }));
  }

  async addTags(id: string, tags: readonly string[]): Promise<PaperRecord> {
    const valid = tags.map((t, i) => validTag(t, i));
    return this.update(id, (r) => {
      const next = unionTags(r.tags, valid);
      return next.length === r.tags.length ? r : { ...r, tags: next };
    });
  }

  async removeTags(id: string, tags: readonly string[]): Promise<PaperRecord> {
    const drop = new Set(tags.map((t) => t.trim().toLowerCase()));
    return this.update(id, (r) => {
      const next = r.tags.filter((t) => !drop.has(t.toLowerCase()));
      return next.length === r.tags.length ? r : { ...r, tags: next };
    });
  }

  /** Parse, apply the preview's corrections, match, and (unless dry-run) write an import in one transaction. */
  async import(request: ImportRequest): Promise<ImportOutcome> {
    const extraTags = request.tags.map((t, i) => validTag(t, i));
    const parsed = await this.parser({
      text: request.text,
      format: request.format,
      fileName: request.fileName,
      html: request.html ?? null,
      today: this.deps.now(),
    });
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
    const plan = request.dryRun
      ? await this.planImport(
          included.map((e) => withCategories(e.entry)),
          extraTags,
        )
      : await this.importWithBackup(
          included.map((e) => withCategories(e.entry)),
          extraTags,
        );
    if (!request.dryRun) this.emit(plan.records.map((r) => r.id));
    // Unticked entries are still shown, with what importing them would do.
    const excluded = edited.entries.filter((e) => !e.included);
    const excludedItems =
      excluded.length > 0 && request.dryRun
        ? (
            await this.planImport(
              excluded.map((e) => e.entry),
              [],
            )
          ).items
        : [];
    const itemFor = new Map<number, PreviewItem>();
    const lineOf = (group: readonly EditedEntry[], position: number | null | undefined): number | null =>
      position === null || position === undefined ? null : (group[position]?.entry.line ?? null);
    included.forEach((e, i) =>
      itemFor.set(e.index, describeItem(plan.items[i], e, lineOf(included, plan.items[i]?.repeatOf))),
    );
    excluded.forEach((e, i) =>
      itemFor.set(e.index, describeItem(excludedItems[i], e, lineOf(excluded, excludedItems[i]?.repeatOf))),
    );
    const items = edited.entries.flatMap((e) => itemFor.get(e.index) ?? []);
    const skipped = [...(parsed.digest?.skipped ?? []), ...edited.skipped].sort((a, b) => a.line - b.line);
    const digest = parsed.digest
      ? { source: parsed.digest.source, label: parsed.digest.label, detail: parsed.digest.detail, skipped }
      : null;
    const { added, merged, unchanged, ids } = plan;
    // Every entry accounted for: what became of it, and which paper it is.
    const entries = plan.items.map((item, i) => ({
      line: included[i]?.entry.line ?? null,
      title: item.title,
      outcome:
        item.repeatOf !== null
          ? ('repeated' as const)
          : item.outcome === 'new'
            ? ('added' as const)
            : item.outcome === 'merge'
              ? ('merged' as const)
              : ('unchanged' as const),
      paperId: item.resultId,
    }));
    return {
      added,
      merged,
      unchanged,
      failed: [...parsed.failures],
      ids,
      items,
      format: parsed.format,
      digest,
      skipped,
      entries,
    };
  }

  /**
   * Merge entries that came from elsewhere than a file (the arXiv API completing id-only papers), through
   * the same matching and merge rules as an import. Returns how many papers changed.
   */
  async mergeEntries(entries: readonly ParsedEntry[]): Promise<number> {
    if (entries.length === 0) return 0;
    const plan = await this.importWithBackup(entries, []);
    this.emit(plan.records.map((r) => r.id));
    return plan.records.length;
  }

  /** Papers imported from a bare arXiv id, still waiting for their title and abstract. */
  async arxivPlaceholders(): Promise<PaperRecord[]> {
    return (await this.store.allRecords()).filter(
      (r) => r.arxivId !== null && r.title === arxivPlaceholderTitle(r.arxivId) && r.trashedAt === null,
    );
  }

  async close(): Promise<void> {
    await this.pendingBackup;
    await this.store.close();
  }

  /** Move papers to the Trash (nothing is deleted outright); a bulk move is backed up first. */
  async trash(ids: readonly string[]): Promise<void> {
    await this.setTrashed(ids, this.deps.now().toISOString());
  }

  /** Bring papers back from the Trash. */
  async untrash(ids: readonly string[]): Promise<void> {
    await this.setTrashed(ids, null);
  }

  /** Delete every paper in the Trash for good, after a backup. Returns how many. */
  async emptyTrash(): Promise<number> {
    const trashed = (await this.store.allRecords()).filter((r) => r.trashedAt !== null).map((r) => r.id);
    if (trashed.length === 0) return 0;
    await this.backupNow('empty-trash');
    await this.store.commit({ records: [], contents: new Map(), deleted: trashed });
    this.emit(trashed);
    return trashed.length;
  }

  /** Near-duplicates in the library, except pairs the user said are different papers. */
  async possibleDuplicates(): Promise<DuplicatePair[]> {
    const distinct = await this.distinctPairs();
    return findPossibleDuplicates(await this.store.allRecords(), (a, b) => distinct.has(a, b));
  }

  /** "Not the same paper": never offer this pair again. */
  async markDistinct(a: string, b: string): Promise<void> {
    await this.requireRecord(a);
    await this.requireRecord(b);
    await (await this.distinctPairs()).add(a, b);
  }

  /** "Not the same paper" for an imported entry: future imports add it as a paper of its own. */
  async markEntryDistinct(paperId: string, key: string): Promise<void> {
    await this.requireRecord(paperId);
    await (await this.distinctPairs()).add(paperId, key);
  }

  /** Merge `dropId` into `keepId` (annotations and notes included); the duplicate goes to the Trash. */
  async mergePair(keepId: string, dropId: string): Promise<Paper> {
    if (keepId === dropId) throw new LibraryError('invalid-request', 'a paper cannot be merged into itself');
    await this.backupNow('merge');
    const now = this.deps.now().toISOString();
    await this.store.exclusive(async (writer) => {
      const [keep, drop] = [await this.get(keepId), await this.get(dropId)];
      const merged = mergePapers(keep, drop, now);
      const trashed: PaperRecord = { ...(await this.requireRecord(dropId)), trashedAt: now, updatedAt: now };
      await writer.commit({ records: [merged.record, trashed], contents: new Map([[keepId, merged.content]]) });
    });
    this.emit([keepId, dropId]);
    return this.get(keepId);
  }

  private distinctLoaded: Promise<DistinctPairs> | null = null;
  private distinctPairs(): Promise<DistinctPairs> {
    this.distinctLoaded ??= DistinctPairs.open(this.dir);
    return this.distinctLoaded;
  }

  private async setTrashed(ids: readonly string[], trashedAt: string | null): Promise<void> {
    if (ids.length > 1) await this.backupNow(trashedAt ? 'trash' : 'restore-from-trash');
    const now = this.deps.now().toISOString();
    await this.store.exclusive(async (writer) => {
      const records: PaperRecord[] = [];
      for (const id of ids) records.push({ ...(await this.requireRecord(id)), trashedAt, updatedAt: now });
      await writer.commit({ records, contents: new Map() });
    });
    this.emit(ids, false);
  }

  /** Whole-library backups, newest first. */
  async backups(): Promise<SnapshotInfo[]> {
    return listSnapshots(this.dir);
  }

  async backupNow(reason: string): Promise<SnapshotInfo> {
    const info = await this.store.snapshot(reason);
    this.lastBackupAt = this.deps.now().getTime();
    return info;
  }

  /** Restore a backup (the current state is backed up first), then tell listeners everything changed. */
  async restoreBackup(name: string): Promise<SnapshotInfo> {
    const info = await this.store.restore(name);
    // Files read once and kept (the distinct pairs) are read again from what was restored.
    this.distinctLoaded = null;
    this.emit((await this.store.allRecords()).map((r) => r.id));
    return info;
  }

  /** A bulk change is preceded by a backup, when there is anything to back up. */
  /**
   * Plan and commit in one lock. When the import changes a library that has papers, a backup of the
   * state before it is linked inside the same lock, then verified once the import has landed.
   */
  private async importWithBackup(entries: readonly ParsedEntry[], extraTags: readonly string[]) {
    const { plan, staged } = await this.store.exclusive(async (writer) => {
      const planned = await this.planImport(entries, extraTags);
      // Nothing is committed yet, so the store still holds the library as it was before this import.
      const hadPapers = (await this.store.allRecords()).length > 0;
      const backup = planned.records.length > 0 && hadPapers ? await writer.stageBackup('import') : null;
      await writer.commit({ records: planned.records, contents: planned.contents });
      return { plan: planned, staged: backup };
    });
    if (staged) {
      await this.store.finishBackup(staged);
      this.lastBackupAt = this.deps.now().getTime();
    }
    return plan;
  }

  /** At most hourly while editing, a backup before the edit. */
  private async hourlyBackup(): Promise<void> {
    const now = this.deps.now().getTime();
    if (this.lastBackupAt === null) {
      const newest = (await listSnapshots(this.dir))[0];
      this.lastBackupAt = newest ? Date.parse(newest.createdAt) : 0;
    }
    if (now - this.lastBackupAt >= HOUR_MS && !this.store.readOnly) await this.backupNow('hourly');
  }

  private async planImport(entries: readonly ParsedEntry[], extraTags: readonly string[]) {
    const existing = await this.store.allRecords();
    const index = new MatchIndex(existing);
    const distinct = await this.distinctPairs();
    const keys = new CitationKeys(existing);
    const pending = new Map<
      string,
      { record: PaperRecord; content: PaperContent; isNew: boolean; changed: boolean; firstEntry: number }
    >();
    const ids: string[] = [];
    const listed = new Set<string>();
    const items: PlannedItem[] = [];
    const nowMs = this.deps.now().getTime();
    const now = new Date(nowMs).toISOString();
    for (const [position, entry] of entries.entries()) {
      const key = entryKey(entry);
      const found = index.find(entry);
      // The user said this entry is not that paper: it comes in as a paper of its own.
      const matchId = found !== undefined && distinct.has(found, key) ? undefined : found;
      if (matchId === undefined) {
        // Each new paper is stamped a millisecond earlier than the one before it, so "newest first" keeps page order.
        const addedAt = new Date(nowMs - pending.size).toISOString();
        const created = recordFromEntry(entry, this.deps.newId(), extraTags, addedAt);
        const record = keys.assign(created.record);
        const content = created.content;
        pending.set(record.id, { record, content, isNew: true, changed: true, firstEntry: position });
        index.add(record);
        ids.push(record.id);
        listed.add(record.id);
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
        record: await this.requireRecord(matchId),
        content: await this.store.getContent(matchId),
        isNew: false,
        changed: false,
        firstEntry: position,
      };
      const merged = mergeEntry(current.record, current.content, entry, extraTags, now);
      const record = current.record.citationKey === null ? keys.assign(merged.record) : merged.record;
      pending.set(matchId, {
        ...current,
        record,
        content: merged.content,
        changed: current.changed || merged.changed.length > 0,
      });
      if (!listed.has(matchId)) {
        ids.push(matchId);
        listed.add(matchId);
      }
      // An entry whose paper an earlier entry of this import already names is that paper listed again.
      const repeatOf = current.firstEntry !== position ? current.firstEntry : null;
      items.push({
        title: entry.title,
        outcome: current.isNew ? 'new' : merged.changed.length > 0 ? 'merge' : 'same',
        changes: [...merged.changed],
        paperId: current.isNew ? null : current.record.id,
        entryKey: key,
        resultId: matchId,
        repeatOf,
      });
    }
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

  private async requireRecord(id: string): Promise<PaperRecord> {
    const record = await this.store.getRecord(id);
    if (!record) throw new LibraryError('not-found', `no paper with id ${id} in ${this.store.dir}`);
    return record;
  }

  /** Apply a pure change to one paper; nothing is written when it returns the same record. */
  private async update(id: string, change: (record: PaperRecord) => PaperRecord): Promise<PaperRecord> {
    const result = await this.store.exclusive(async (writer) => {
      const record = await this.requireRecord(id);
      const next = change(record);
      if (next === record) return record;
      const stamped = { ...next, updatedAt: this.deps.now().toISOString() };
      await writer.putRecord(stamped);
      return stamped;
    });
    this.emit([id], false);
    return result;
  }

  /** Highlight `start`–`end` of the abstract. */
  async addAnnotation(
    id: string,
    input: { start: number; end: number; color: AnnotationColor; comment: string },
  ): Promise<Annotation> {
    return this.updateContent(id, (content) => {
      const abstract = content.abstract ?? '';
      if (!(input.start >= 0 && input.start < input.end && input.end <= abstract.length)) {
        throw new LibraryError(
          'invalid-request',
          `highlight ${input.start}–${input.end} is outside the abstract of ${id} (${abstract.length} characters)`,
        );
      }
      if (abstract.slice(input.start, input.end).trim() === '')
        throw new LibraryError('invalid-request', 'a highlight needs some text, not only spaces');
      const now = this.deps.now().toISOString();
      const created: Annotation = {
        id: newAnnotationId(),
        ...anchorAt(abstract, input.start, input.end),
        color: input.color,
        comment: input.comment,
        state: 'anchored',
        createdAt: now,
        updatedAt: now,
      };
      return { content: { ...content, annotations: [...content.annotations, created] }, result: created };
    });
  }

  /** Highlight the Nth occurrence of `quote` in the abstract (the CLI's way in). */
  async annotateQuote(
    id: string,
    quote: string,
    occurrence: number,
    color: AnnotationColor,
    comment: string,
  ): Promise<Annotation> {
    await this.requireRecord(id);
    const abstract = (await this.store.getContent(id)).abstract ?? '';
    const range = nthOccurrence(abstract, quote, occurrence);
    if (!range) {
      const count = quote === '' ? 0 : abstract.split(quote).length - 1;
      throw new LibraryError(
        'not-found',
        `"${quote.slice(0, 60)}" ${count === 0 ? 'does not occur' : `occurs ${count} time${count === 1 ? '' : 's'}, not ${occurrence}`} in the abstract of ${id}`,
      );
    }
    return this.addAnnotation(id, { ...range, color, comment });
  }

  async updateAnnotation(
    id: string,
    annotationId: string,
    patch: { color?: AnnotationColor | undefined; comment?: string | undefined },
  ): Promise<Annotation> {
    return this.updateContent(id, (content) => {
      const current = findAnnotation(content, id, annotationId);
      const updated: Annotation = {
        ...current,
        ...(patch.color ? { color: patch.color } : {}),
        ...(patch.comment !== undefined ? { comment: patch.comment } : {}),
        updatedAt: this.deps.now().toISOString(),
      };
      return {
        content: { ...content, annotations: content.annotations.map((a) => (a.id === annotationId ? updated : a)) },
        result: updated,
      };
    });
  }

  /** Remove a highlight; returns it, so it can be restored (undo). */
  async deleteAnnotation(id: string, annotationId: string): Promise<Annotation> {
    return this.updateContent(id, (content) => {
      const removed = findAnnotation(content, id, annotationId);
      return {
        content: { ...content, annotations: content.annotations.filter((a) => a.id !== annotationId) },
        result: removed,
      };
    });
  }

  /** Put back a highlight exactly as it was (undo of a delete), re-anchored on the current abstract. */
  async restoreAnnotation(id: string, annotation: Annotation): Promise<Annotation> {
    return this.updateContent(id, (content) => {
      const restored = reanchor(annotation, content.abstract ?? '');
      return {
        content: { ...content, annotations: [...content.annotations.filter((a) => a.id !== annotation.id), restored] },
        result: restored,
      };
    });
  }

  /** Replace the paper's note (empty text removes it). */
  async setNote(id: string, text: string): Promise<Note | null> {
    return this.updateContent(id, (content) => {
      if ((content.note?.text ?? '') === text) return { content, result: content.note };
      const note = text.trim() === '' ? null : { text, updatedAt: this.deps.now().toISOString() };
      return { content: { ...content, note }, result: note };
    });
  }

  /**
   * Read-modify-write a paper's content, alone. When the list's counts stay the same only the content
   * shard is written; otherwise record and content land together through the journal.
   */
  private async updateContent<T>(
    id: string,
    change: (content: PaperContent) => { content: PaperContent; result: T },
  ): Promise<T> {
    const { result, changed } = await this.store.exclusive(async (writer) => {
      const record = await this.requireRecord(id);
      const content = await this.store.getContent(id);
      const next = change(content);
      if (next.content === content) return { result: next.result, changed: false };
      const counted = withCounts(record, next.content);
      if (counted === record) await writer.putContent(id, next.content);
      else
        await writer.commit({
          records: [{ ...counted, updatedAt: this.deps.now().toISOString() }],
          contents: new Map([[id, next.content]]),
        });
      return { result: next.result, changed: true };
    });
    if (changed) this.emit([id]);
    return result;
  }

  private emit(ids: readonly string[], content = true): void {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids, { content });
    this.pendingBackup ??= this.hourlyBackup()
      .catch((error: unknown) =>
        this.store.notices.push({
          level: 'warning',
          message: `The hourly backup failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      )
      .finally(() => {
        this.pendingBackup = null;
      });
  }
}

function byAddedDesc(a: PaperRecord, b: PaperRecord): number {
  return a.addedAt === b.addedAt ? a.title.localeCompare(b.title) : a.addedAt < b.addedAt ? 1 : -1;
}

function findAnnotation(content: PaperContent, paperId: string, annotationId: string): Annotation {
  const found = content.annotations.find((a) => a.id === annotationId);
  if (!found) throw new LibraryError('not-found', `no highlight ${annotationId} on paper ${paperId}`);
  return found;
}

/** Annotation ids double as Obsidian block ids, so only lowercase letters and digits. */
function newAnnotationId(): string {
  return `h${randomBytes(6).toString('hex')}`;
}

function validTag(raw: string, index: number): string {
  const result = TagSchema.safeParse(raw);
  if (!result.success)
    throw new LibraryError(
      'invalid-request',
      `tag ${index + 1} ("${raw.slice(0, 40)}"): ${result.error.issues[0]?.message ?? 'invalid'}`,
    );
  return result.data;
}

/** What planning says of one entry; the preview adds what the entry itself shows. */
type PlannedItem = Pick<PreviewItem, 'title' | 'outcome' | 'changes' | 'paperId' | 'entryKey'> & {
  /** The paper the entry becomes or merges into. */
  readonly resultId: string;
  /** The position of the earlier entry of this import that is the same paper, if any. */
  readonly repeatOf: number | null;
};

const PREVIEW_AUTHORS = 4;

function describeItem(planned: PlannedItem | undefined, edited: EditedEntry, repeatOfLine: number | null): PreviewItem {
  const { entry } = edited;
  return {
    title: entry.title,
    outcome: planned?.outcome ?? 'new',
    changes: planned?.changes ?? [],
    paperId: planned?.paperId ?? null,
    entryKey: planned?.entryKey ?? '',
    line: entry.line,
    index: edited.index,
    included: edited.included,
    authors: entry.authors.slice(0, PREVIEW_AUTHORS),
    authorCount: entry.authors.length,
    arxivId: entry.arxivId,
    doi: entry.doi,
    kind: entry.kind,
    hasAbstract: entry.abstract !== null && entry.abstract.trim() !== '',
    categories: [...entry.categories],
    repeatOfLine: planned?.repeatOf !== null && planned?.repeatOf !== undefined ? (repeatOfLine ?? 0) : null,
  };
}
