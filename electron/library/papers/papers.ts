import {
  EMPTY_CONTENT,
  type Paper,
  type PaperContent,
  type PaperRecord,
  type ReadingPosition,
  type Status,
} from '../../../shared/models/paper.js';
import type { View } from '../../../shared/ipc/contract.js';
import type { Backups } from '../backups/backups.js';
import type { LibraryContext } from '../context/library-context.js';
import { unionTags, validTags } from '../paper/tags.js';
import { comparator } from '../search/record-cache.js';
import { selectRecords } from '../search/paper-query.js';
import type { TextSearch } from '../search/text-search.js';
import { removeUnreferenced } from '../attachments/attachment-files.js';
import { LibraryError } from '../storage/errors.js';

/** Which papers `list` answers: a view and a search, as the app's list selects them, or these ids. */
export interface PaperSelection {
  readonly view?: View;
  readonly search?: string;
  /** Only these papers, in this order (an unknown id is an error). */
  readonly ids?: readonly string[];
}

/** Papers: reading them, their status and tags, and the Trash. */
export class Papers {
  constructor(
    private readonly ctx: LibraryContext,
    private readonly backups: Backups,
    /** Answers the text part of a search; the CLI's is in-process, the app's a worker. */
    private readonly text: () => TextSearch,
  ) {}

  records(): Promise<PaperRecord[]> {
    return this.ctx.store.allRecords();
  }

  getRecord(id: string): Promise<PaperRecord | undefined> {
    return this.ctx.store.getRecord(id);
  }

  getContent(id: string): Promise<PaperContent> {
    return this.ctx.store.getContent(id);
  }

  /** Every paper's content, for a search corpus built in one go. */
  allContents(): Promise<Map<string, PaperContent>> {
    return this.ctx.store.allContents();
  }

  /** One paper with its abstract, or a not-found error naming the id. */
  async get(id: string): Promise<Paper> {
    const record = await this.ctx.requireRecord(id);
    return { ...record, ...(await this.ctx.store.getContent(id)) };
  }

  /**
   * Papers a view and search select, newest first, through the same query engine as the app's list; only
   * the papers selected are read whole.
   */
  async list(selection: PaperSelection = {}): Promise<Paper[]> {
    if (selection.ids && selection.ids.length > 0) return Promise.all(selection.ids.map((id) => this.get(id)));
    const sorted = [...(await this.ctx.store.allRecords())].sort(comparator('added'));
    const selected = await selectRecords(
      sorted,
      { view: selection.view ?? { kind: 'all' }, search: selection.search ?? '' },
      this.text(),
    );
    return Promise.all(
      selected.map(async (r): Promise<Paper> => ({
        ...r,
        ...((await this.ctx.store.getContent(r.id)) ?? EMPTY_CONTENT),
      })),
    );
  }

  async setStatus(id: string, status: Status): Promise<PaperRecord> {
    return this.update(id, (r) => (r.status === status ? r : { ...r, status }));
  }

  async addTags(id: string, tags: readonly string[]): Promise<PaperRecord> {
    const valid = validTags(tags);
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

  /** Move many papers to one status in one atomic change; returns how many moved. */
  async setStatusMany(ids: readonly string[], status: Status): Promise<number> {
    return this.updateMany(ids, (r) => (r.status === status ? r : { ...r, status }));
  }

  /** Add and remove tags on many papers in one atomic change; returns how many changed. */
  async editTags(ids: readonly string[], add: readonly string[], remove: readonly string[]): Promise<number> {
    const added = validTags(add);
    const drop = new Set(remove.map((t) => t.trim().toLowerCase()));
    return this.updateMany(ids, (r) => {
      const next = unionTags(
        r.tags.filter((t) => !drop.has(t.toLowerCase())),
        added.filter((t) => !drop.has(t.toLowerCase())),
      );
      return next.length === r.tags.length && next.every((t, i) => t === r.tags[i]) ? r : { ...r, tags: next };
    });
  }

  /**
   * Rename a tag and the tags below it (`ml` → `learning` makes `ml/rl` `learning/rl`) on every paper; renaming
   * to a tag that exists merges the two. Returns how many papers changed.
   */
  async renameTag(from: string, to: string): Promise<number> {
    const [target] = validTags([to]);
    if (target === undefined) return 0;
    const source = from.trim().toLowerCase();
    if (source === target.toLowerCase() && from.trim() === target) return 0;
    if (target.toLowerCase().startsWith(`${source}/`))
      throw new LibraryError('invalid-request', `#${from} cannot move below itself (to #${target})`);
    const renamed = (tag: string): string => {
      const lower = tag.toLowerCase();
      if (lower === source) return target;
      return lower.startsWith(`${source}/`) ? `${target}${tag.slice(source.length)}` : tag;
    };
    return this.updateEvery((r) => {
      if (!r.tags.some((t) => renamed(t) !== t)) return r;
      return { ...r, tags: unionTags([], r.tags.map(renamed)) };
    }, 'rename-tag');
  }

  /** Take a tag and the tags below it off every paper (the papers stay). Returns how many papers changed. */
  async deleteTag(tag: string): Promise<number> {
    const doomed = tag.trim().toLowerCase();
    return this.updateEvery((r) => {
      const next = r.tags.filter((t) => {
        const lower = t.toLowerCase();
        return lower !== doomed && !lower.startsWith(`${doomed}/`);
      });
      return next.length === r.tags.length ? r : { ...r, tags: next };
    }, 'delete-tag');
  }

  /**
   * Remember the page shown of one of the paper's PDFs. A paper in the Inbox or To read whose PDF is being
   * read moves to Reading.
   */
  async setReading(id: string, position: ReadingPosition): Promise<PaperRecord> {
    if (position.page > position.pages)
      throw new LibraryError('invalid-request', `page ${position.page} of a ${position.pages}-page PDF`);
    return this.update(id, (r) => {
      if (!r.attachments.some((a) => a.sha256 === position.sha256))
        throw new LibraryError('not-found', `paper ${id} has no attachment ${position.sha256.slice(0, 12)}…`);
      const status = r.status === 'inbox' || r.status === 'to-read' ? 'reading' : r.status;
      const same =
        r.reading?.sha256 === position.sha256 && r.reading.page === position.page && r.reading.pages === position.pages;
      return same && status === r.status ? r : { ...r, status, reading: { ...position } };
    });
  }

  /** Move papers to the Trash (nothing is deleted outright); a bulk move is backed up first. */
  async trash(ids: readonly string[]): Promise<void> {
    await this.setTrashed(ids, this.ctx.nowIso());
  }

  /** Bring papers back from the Trash. */
  async untrash(ids: readonly string[]): Promise<void> {
    await this.setTrashed(ids, null);
  }

  /** Delete every paper in the Trash for good, after a backup. Returns how many. */
  async emptyTrash(): Promise<number> {
    const trashed = (await this.ctx.store.allRecords()).filter((r) => r.trashedAt !== null).map((r) => r.id);
    if (trashed.length === 0) return 0;
    await this.backups.take('empty-trash');
    await this.ctx.store.commit({ records: [], contents: new Map(), deleted: trashed });
    // Their PDFs go with them, unless a paper still in the library has the same file.
    const kept = (await this.ctx.store.allRecords()).flatMap((r) => r.attachments.map((a) => a.sha256));
    await removeUnreferenced(this.ctx.store.dir, new Set(kept));
    this.ctx.changed(trashed);
    return trashed.length;
  }

  private async setTrashed(ids: readonly string[], trashedAt: string | null): Promise<void> {
    if (ids.length > 1) await this.backups.take(trashedAt ? 'trash' : 'restore-from-trash');
    const now = this.ctx.nowIso();
    await this.ctx.store.exclusive(async (writer) => {
      const records: PaperRecord[] = [];
      for (const id of ids) records.push({ ...(await this.ctx.requireRecord(id)), trashedAt, updatedAt: now });
      await writer.commit({ records, contents: new Map() });
    });
    this.ctx.changed(ids, false);
  }

  /** Apply a pure change to each of these papers in one atomic write (unknown ids are an error, nothing written). */
  private async updateMany(ids: readonly string[], change: (record: PaperRecord) => PaperRecord): Promise<number> {
    const changed = await this.ctx.store.exclusive(async (writer) => {
      const now = this.ctx.nowIso();
      const records: PaperRecord[] = [];
      for (const id of new Set(ids)) {
        const record = await this.ctx.requireRecord(id);
        const next = change(record);
        if (next !== record) records.push({ ...next, updatedAt: now });
      }
      await writer.commit({ records, contents: new Map() });
      return records.map((r) => r.id);
    });
    this.ctx.changed(changed, false);
    return changed.length;
  }

  /** The same over every paper, after a backup when any will change (a sweeping edit). */
  private async updateEvery(change: (record: PaperRecord) => PaperRecord, reason: string): Promise<number> {
    const ids = (await this.ctx.store.allRecords()).filter((r) => change(r) !== r).map((r) => r.id);
    if (ids.length === 0) return 0;
    await this.backups.take(reason);
    return this.updateMany(ids, change);
  }

  /** Apply a pure change to one paper; nothing is written when it returns the same record. */
  private async update(id: string, change: (record: PaperRecord) => PaperRecord): Promise<PaperRecord> {
    const result = await this.ctx.store.exclusive(async (writer) => {
      const record = await this.ctx.requireRecord(id);
      const next = change(record);
      if (next === record) return record;
      const stamped = { ...next, updatedAt: this.ctx.nowIso() };
      await writer.putRecord(stamped);
      return stamped;
    });
    this.ctx.changed([id], false);
    return result;
  }
}
