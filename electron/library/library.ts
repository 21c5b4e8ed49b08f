import { readFile } from 'node:fs/promises';
import { extractPdfPages } from './attachments/pdf-text.js';
import { attachmentText, type PdfTextExtractor } from './attachments/pdf-text-store.js';
import { PaperAttachments } from './attachments/paper-attachments.js';
import { PdfDownloads, type DownloadOptions } from './attachments/pdf-downloads.js';
import { Backups } from './backups/backups.js';
import { PaperAnnotations } from './annotations/paper-annotations.js';
import { Importing } from './import/importing.js';
import { parseInProcess, type ImportParser } from './import/import-parser.js';
import { defaultDeps, LibraryContext, type ChangeListener, type LibraryDeps } from './context/library-context.js';
import { DuplicateReview } from './merge/duplicate-review.js';
import { EditHistory } from './history/edit-history.js';
import { Triaging } from './triage/triaging.js';
import { Papers } from './papers/papers.js';
import { InProcessTextSearch, type TextSearch, type TextSource } from './search/text-search.js';
import { LibraryStore, type HeldStore } from './storage/library-store.js';
import type { Notice } from './storage/recovery.js';
import type { PaperRecord } from '../../shared/models/paper.js';

export interface LibraryOpenOptions {
  readonly dir: string;
  readonly mode: 'read' | 'write';
  readonly holder: string;
  readonly deps?: LibraryDeps;
  /** Reads imports; the app and `margin serve` pass one that parses in a worker thread with a time limit. */
  readonly parser?: ImportParser;
  /** Take over a write lock held from another machine, after the user confirmed it. */
  readonly takeOverLock?: boolean;
  /** Where PDFs are downloaded from (arXiv; tests pass a local server); without it, Margin stays offline. */
  readonly pdfDownloads?: DownloadOptions;
  /** Reads PDFs' text for search; the app and `margin serve` pass one that runs in a worker thread. */
  readonly pdfText?: PdfTextExtractor;
}

/**
 * One open library: what the CLI, IPC and the HTTP host all call, by concern: its papers (and the Trash),
 * imports, annotations and notes, duplicates, backups, attachments (PDFs).
 */
export class Library {
  readonly papers: Papers;
  readonly imports: Importing;
  readonly annotations: PaperAnnotations;
  readonly duplicates: DuplicateReview;
  readonly backups: Backups;
  readonly attachments: PaperAttachments;
  readonly downloads: PdfDownloads;
  /** Undo and redo of what the user did, whatever it was. */
  readonly history: EditHistory;
  /** Morning triage of digests: keep or skip each new paper, remember the skipped ones. */
  readonly triage: Triaging;
  private textSearch: TextSearch | null = null;
  /** The search this library made for itself (closed with it); one given by `useTextSearch` is its owner's. */
  private ownSearch: TextSearch | null = null;

  private constructor(
    private readonly ctx: LibraryContext,
    parser: ImportParser,
    pdfText: PdfTextExtractor,
    downloads: DownloadOptions,
  ) {
    this.backups = new Backups(ctx);
    this.papers = new Papers(ctx, this.backups, () => this.search());
    this.imports = new Importing(ctx, this.backups, parser);
    this.annotations = new PaperAnnotations(ctx);
    this.duplicates = new DuplicateReview(ctx, this.papers, this.backups);
    this.attachments = new PaperAttachments(ctx, pdfText, this.imports);
    this.downloads = new PdfDownloads(ctx, this.attachments, downloads);
    this.history = new EditHistory(ctx);
    this.triage = new Triaging(ctx, this.imports, this.papers, this.annotations, parser);
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
    return new Library(
      new LibraryContext(store, deps),
      options.parser ?? parseInProcess,
      options.pdfText ?? (async (file) => extractPdfPages(new Uint8Array(await readFile(file)))),
      options.pdfDownloads ?? { baseUrl: null },
    );
  }

  /** Hear about every change this library makes; returns the unsubscribe function. */
  onChange(listener: ChangeListener): () => void {
    return this.ctx.onChange(listener);
  }

  /**
   * Run a task that changes the library's files behind the store (a git sync) with every other write held, then
   * read the files afresh. Writes through `held` go through the store (atomic, by its journal).
   */
  whileHeld<T>(task: (held: HeldStore) => Promise<T>): Promise<T> {
    const { store } = this.ctx;
    return store.exclusive(async (writer) => {
      await writer.writeLogged();
      try {
        return await task({
          dir: store.dir,
          readOnly: store.readOnly,
          snapshot: async (reason) => store.finishBackup(await writer.stageBackup(reason)),
          // Into the files at once: the task commits them to git next.
          commit: (changes) => writer.commit(changes, { toShards: true }),
        });
      } finally {
        await writer.forgetReads();
      }
    });
  }

  /** Run a task with no write in flight, so the records the store holds are what its files hold. */
  whileQuiet<T>(task: (records: () => Promise<PaperRecord[]>) => Promise<T>): Promise<T> {
    const { store } = this.ctx;
    return store.exclusive(async (writer) => {
      await writer.writeLogged();
      return task(() => store.allRecords());
    });
  }

  /** Tell listeners these papers changed behind the library (a sync brought them from another machine). */
  changedBehind(ids: readonly string[]): void {
    this.ctx.forgetDistinctPairs();
    this.ctx.changed(ids);
  }

  /** Searches answer their text part with this (the app's search worker) instead of reading text here. */
  useTextSearch(search: TextSearch): void {
    this.textSearch = search;
  }

  get dir(): string {
    return this.ctx.store.dir;
  }
  get readOnly(): boolean {
    return this.ctx.store.readOnly;
  }

  get shardCount(): number {
    return this.ctx.store.shardCount;
  }
  /** What the user must be told about this library (recoveries, read-only mode). */
  get notices(): readonly Notice[] {
    return this.ctx.store.notices;
  }

  async close(): Promise<void> {
    await this.downloads.stop();
    await this.attachments.idle();
    await this.backups.settle();
    await this.ownSearch?.close();
    await this.ctx.store.close();
  }

  /** Where a search reads the papers' text from. */
  textSource(): TextSource {
    return {
      allRecords: () => this.papers.records(),
      allContents: () => this.papers.allContents(),
      getRecord: (id) => this.papers.getRecord(id),
      getContent: (id) => this.papers.getContent(id),
      attachmentText: (record) => attachmentText(this.dir, record),
    };
  }

  /** Without a search of its own (the CLI), the library reads text in this process, and only when searched. */
  private search(): TextSearch {
    if (this.textSearch) return this.textSearch;
    const search: TextSearch = new InProcessTextSearch(this.textSource());
    this.ctx.onChange((ids, change) => search.invalidate(ids, change.content));
    this.textSearch = search;
    this.ownSearch = search;
    return search;
  }
}
