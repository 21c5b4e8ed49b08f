import { randomBytes } from 'node:crypto';
import type { ImportReport } from '../../shared/models/import-report.js';
import type { ImportFormat, Paper, PaperContent, PaperId, PaperRecord, Status } from '../../shared/models/paper.js';
import { EMPTY_CONTENT, PaperIdSchema, TagSchema } from '../../shared/models/paper.js';
import type { ParsedEntry } from './import/entry.js';
import { parseImport } from './import/parse-import.js';
import { MatchIndex } from './merge/match-index.js';
import { mergeEntry, recordFromEntry, unionTags } from './merge/merge-entry.js';
import { isEmptyQuery, matchesFilters, matchesText, parseQuery } from './search/query.js';
import { searchableText } from './search/text-search.js';
import type { PreviewItem } from '../../shared/models/views.js';
import { LibraryError } from './storage/errors.js';
import { LibraryStore } from './storage/library-store.js';
import type { Notice } from './storage/recovery.js';

/** Injected so tests control time and ids. */
export interface LibraryDeps {
  readonly now: () => Date;
  readonly newId: () => PaperId;
}

export const defaultDeps: LibraryDeps = {
  now: () => new Date(),
  newId: () => PaperIdSchema.parse(randomBytes(8).toString('hex')),
};

export interface LibraryOpenOptions {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  readonly holder: string;
  readonly deps?: LibraryDeps;
}

export interface ImportRequest {
  readonly text: string;
  readonly format: ImportFormat | 'auto';
  readonly fileName: string | null;
  readonly tags: readonly string[];
  /** Only report what would happen. */
  readonly dryRun: boolean;
}

/** Called with the ids of papers that changed, after the change is on disk. */
export type ChangeListener = (ids: readonly string[]) => void;

export interface ListFilter {
  readonly search?: string;
  readonly tag?: string;
  readonly status?: Status;
}

/** The library's operations over the store: what the CLI, IPC and the HTTP host all call. */
export class Library {
  private readonly listeners = new Set<ChangeListener>();

  private constructor(
    private readonly store: LibraryStore,
    private readonly deps: LibraryDeps,
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
    const store = await LibraryStore.open({ dir: options.dir, mode: options.mode, holder: options.holder, now: deps.now });
    return new Library(store, deps);
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
    const records = await this.store.allRecords();
    const contents = await this.store.allContents();
    const query = parseQuery([filter.search ?? '', filter.tag ? `tag:"${filter.tag}"` : '', filter.status ? `status:${filter.status}` : ''].join(' '));
    const papers = records.map((r): Paper => ({ ...r, ...(contents.get(r.id) ?? EMPTY_CONTENT) }));
    const matching = isEmptyQuery(query) ? papers : papers.filter((p) => matchesFilters(p, query) && matchesText(searchableText(p, p), query));
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

  /** Parse, match and (unless dry-run) write an import in one transaction. */
  async import(request: ImportRequest): Promise<ImportReport & { format: ImportFormat; items: PreviewItem[] }> {
    const extraTags = request.tags.map((t, i) => validTag(t, i));
    const parsed = parseImport(request.text, request.format, { fileName: request.fileName, today: this.deps.now() });
    const plan = await this.planImport(parsed.entries, extraTags);
    if (!request.dryRun) {
      await this.store.commit({ records: plan.records, contents: plan.contents });
      this.emit(plan.records.map((r) => r.id));
    }
    const { added, merged, unchanged, ids, items } = plan;
    return { added, merged, unchanged, failed: [...parsed.failures], ids, items, format: parsed.format };
  }

  async close(): Promise<void> {
    await this.store.close();
  }

  private async planImport(entries: readonly ParsedEntry[], extraTags: readonly string[]) {
    const existing = await this.store.allRecords();
    const index = new MatchIndex(existing);
    const pending = new Map<string, { record: PaperRecord; content: PaperContent; isNew: boolean; changed: boolean }>();
    const ids: string[] = [];
    const items: PreviewItem[] = [];
    const nowMs = this.deps.now().getTime();
    const now = new Date(nowMs).toISOString();
    for (const entry of entries) {
      const matchId = index.find(entry);
      if (matchId === undefined) {
        // Each new paper is stamped a millisecond earlier than the one before it, so "newest first" keeps page order.
        const addedAt = new Date(nowMs - pending.size).toISOString();
        const { record, content } = recordFromEntry(entry, this.deps.newId(), extraTags, addedAt);
        pending.set(record.id, { record, content, isNew: true, changed: true });
        index.add(record);
        ids.push(record.id);
        items.push({ title: entry.title, outcome: 'new', changes: [], line: entry.line });
        continue;
      }
      const current = pending.get(matchId) ?? { record: await this.requireRecord(matchId), content: await this.store.getContent(matchId), isNew: false, changed: false };
      const merged = mergeEntry(current.record, current.content, entry, extraTags, now);
      pending.set(matchId, { record: merged.record, content: merged.content, isNew: current.isNew, changed: current.changed || merged.changed.length > 0 });
      if (!ids.includes(matchId)) ids.push(matchId);
      items.push({ title: entry.title, outcome: current.isNew ? 'new' : merged.changed.length > 0 ? 'merge' : 'same', changes: [...merged.changed], line: entry.line });
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
    const record = await this.requireRecord(id);
    const next = change(record);
    if (next === record) return record;
    const stamped = { ...next, updatedAt: this.deps.now().toISOString() };
    await this.store.putRecord(stamped);
    this.emit([id]);
    return stamped;
  }

  private emit(ids: readonly string[]): void {
    if (ids.length === 0) return;
    for (const listener of this.listeners) listener(ids);
  }
}

function byAddedDesc(a: PaperRecord, b: PaperRecord): number {
  return a.addedAt === b.addedAt ? a.title.localeCompare(b.title) : a.addedAt < b.addedAt ? 1 : -1;
}

function validTag(raw: string, index: number): string {
  const result = TagSchema.safeParse(raw);
  if (!result.success) throw new LibraryError('invalid-request', `tag ${index + 1} ("${raw.slice(0, 40)}"): ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}
