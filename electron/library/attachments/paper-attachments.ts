import path from 'node:path';
import type { Attachment, PaperRecord } from '../../../shared/models/paper.js';
import type { LibraryContext } from '../context/library-context.js';
import { LibraryError } from '../storage/errors.js';
import { attachmentPath, exists, storePdf, type PdfSource } from './attachment-files.js';
import { hasPdfText, savePdfText, type PdfTextExtractor } from './pdf-text-store.js';
import { entryFromPdf } from './paper-from-pdf.js';
import { SharedPdfs } from './shared-pdfs.js';
import type { Importing } from '../import/importing.js';

/** One stored PDF and the papers that have it, for the Storage view. */
export interface StoredFile {
  readonly sha256: string;
  readonly bytes: number;
  readonly fileName: string;
  readonly papers: ReadonlyArray<{ readonly id: string; readonly title: string; readonly trashed: boolean }>;
}

/** Where a paper's PDFs are: those not on this machine, and whether the shared PDF folder was looked in. */
export interface PdfWhereabouts {
  /** Hashes of the paper's PDFs not on this machine (received by sync, say, without the file). */
  readonly missing: readonly string[];
  /** The shared PDF folder looked in; null when none is set. */
  readonly sharedFolder: string | null;
  /** Files in the shared folder that were not used, and why. */
  readonly refused: readonly string[];
}

/** PDFs kept with papers: attach one, find its file, and see what is stored. */
export class PaperAttachments {
  /** Text extraction runs one PDF at a time, after the attach has returned. */
  private extraction: Promise<void> = Promise.resolve();
  /** The shared PDF folder (Settings): every PDF placed here is copied there, and missing ones filled from it. */
  readonly shared: SharedPdfs;

  constructor(
    private readonly ctx: LibraryContext,
    private readonly extractText: PdfTextExtractor,
    private readonly imports: Importing,
  ) {
    this.shared = new SharedPdfs(ctx);
  }

  /**
   * A PDF dropped with no paper open becomes a paper: titled from its metadata or first page, with the arXiv
   * id and DOI its first page prints. One already in the library (the same id, DOI or title) gets the PDF.
   */
  async addAsPaper(
    source: PdfSource,
    fileName: string,
  ): Promise<{ paperId: string; outcome: 'added' | 'merged' | 'unchanged'; attachment: Attachment }> {
    const name = displayName(fileName);
    const dir = this.ctx.store.dir;
    const stored = await storePdf(dir, source, name);
    const text = await this.extractText(attachmentPath(dir, stored.sha256)).catch((error: unknown) => {
      throw new LibraryError(
        'invalid-request',
        `${name}: Margin cannot read this PDF (${error instanceof Error ? error.message : String(error)})`,
      );
    });
    await savePdfText(dir, stored.sha256, text.pages);
    const { paperId, outcome } = await this.imports.addEntry(entryFromPdf(text, name));
    const { attachment } = await this.attach(paperId, { file: attachmentPath(dir, stored.sha256) }, name);
    return { paperId, outcome, attachment };
  }

  /** Wait until every PDF attached so far has had its text read and its shared copy made (tests; closing). */
  async idle(): Promise<void> {
    await this.extraction;
    await this.shared.idle();
  }

  /**
   * Where this paper's PDFs are. One missing here is looked for in the shared PDF folder first (and filled from it
   * when a copy there has the right bytes), so what is reported missing was not there either.
   */
  async locate(paperId: string): Promise<PdfWhereabouts> {
    const record = await this.ctx.requireRecord(paperId);
    const missing: string[] = [];
    const refused: string[] = [];
    let sharedFolder: string | null = null;
    for (const { sha256 } of record.attachments) {
      if (await exists(attachmentPath(this.ctx.store.dir, sha256))) continue;
      const found = await this.shared.fetch(sha256);
      if (found.outcome !== 'no-folder') sharedFolder = await this.shared.folder();
      if (found.outcome === 'filled') this.arrived(sha256);
      else {
        missing.push(sha256);
        if (found.outcome === 'refused') refused.push(found.message);
      }
    }
    return { missing, sharedFolder, refused };
  }

  /** Of these papers, those that lacked a PDF here: filled from the shared folder, still missing, and files refused. */
  async fillMissing(ids: readonly string[]): Promise<{ filled: string[]; missing: string[]; refused: string[] }> {
    const filled: string[] = [];
    const missing: string[] = [];
    const refused: string[] = [];
    for (const id of ids) {
      const record = await this.ctx.store.getRecord(id);
      if (!record || (await this.absent(record)).length === 0) continue;
      const where = await this.locate(id);
      (where.missing.length === 0 ? filled : missing).push(id);
      refused.push(...where.refused);
    }
    for (const message of refused) this.ctx.store.notices.push({ level: 'warning', message });
    return { filled, missing, refused };
  }

  /** Hashes of the record's PDFs with no file on this machine. */
  async absent(record: PaperRecord): Promise<string[]> {
    const dir = this.ctx.store.dir;
    const here = await Promise.all(record.attachments.map((a) => exists(attachmentPath(dir, a.sha256))));
    return record.attachments.filter((_, i) => !here[i]).map((a) => a.sha256);
  }

  /** A PDF that was missing is here now: its text is read for search, and its papers shown again. */
  private arrived(sha256: string): void {
    this.readTextLater(sha256);
    void this.ctx.store.allRecords().then(
      (records) =>
        this.ctx.changed(
          records.filter((r) => r.attachments.some((a) => a.sha256 === sha256)).map((r) => r.id),
          false,
        ),
      () => undefined,
    );
  }

  /**
   * Keep a PDF with a paper. The file is copied into the library (the original is never moved or changed);
   * the same file is stored once, and attaching it again to the same paper changes nothing.
   */
  async attach(
    paperId: string,
    source: PdfSource,
    fileName: string,
  ): Promise<{ attachment: Attachment; outcome: 'attached' | 'already-attached' }> {
    const before = await this.ctx.requireRecord(paperId);
    const name = displayName(fileName);
    const absentBefore = await this.absent(before);
    const stored = await storePdf(this.ctx.store.dir, source, name);
    this.shared.offer(stored.sha256);
    const result = await this.ctx.store.exclusive(async (writer) => {
      const record = await this.ctx.requireRecord(paperId);
      const known = record.attachments.find((a) => a.sha256 === stored.sha256);
      if (known) return { attachment: known, outcome: 'already-attached' as const };
      const now = this.ctx.nowIso();
      const attachment: Attachment = { sha256: stored.sha256, fileName: name, bytes: stored.bytes, addedAt: now };
      await writer.putRecord({ ...record, attachments: [...record.attachments, attachment], updatedAt: now });
      return { attachment, outcome: 'attached' as const };
    });
    if (result.outcome === 'attached') {
      this.ctx.changed([paperId], false);
      this.readTextLater(stored.sha256);
    } else if (absentBefore.includes(stored.sha256)) this.arrived(stored.sha256); // a missing PDF, downloaded
    return result;
  }

  /**
   * Read a PDF's text for search, in the background. When it is in, the papers with that PDF count as changed
   * in content, so searches see it. A PDF whose text cannot be read stays searchable by everything else.
   */
  private readTextLater(sha256: string): void {
    const dir = this.ctx.store.dir;
    this.extraction = this.extraction.then(async () => {
      if (await hasPdfText(dir, sha256)) return;
      try {
        await savePdfText(dir, sha256, (await this.extractText(attachmentPath(dir, sha256))).pages);
      } catch (error) {
        this.ctx.store.notices.push({
          level: 'warning',
          message: `The text of a PDF could not be read for search (${error instanceof Error ? error.message : String(error)}); it can still be read.`,
        });
        return;
      }
      const having = (await this.ctx.store.allRecords()).filter((r) => r.attachments.some((a) => a.sha256 === sha256));
      this.ctx.changed(having.map((r) => r.id));
    });
  }

  /** The file of a PDF attached to this paper; an error says which, when it is not attached or not on disk. */
  async file(paperId: string, sha256: string): Promise<string> {
    const record = await this.ctx.requireRecord(paperId);
    const attachment = record.attachments.find((a) => a.sha256 === sha256);
    if (!attachment) throw new LibraryError('not-found', `paper ${paperId} has no attachment ${sha256.slice(0, 12)}…`);
    const file = attachmentPath(this.ctx.store.dir, sha256);
    if (!(await exists(file)))
      throw new LibraryError(
        'not-found',
        `the PDF "${attachment.fileName}" of paper ${paperId} is missing from ${path.dirname(file)}`,
      );
    return file;
  }

  /** Every stored PDF with its size and the papers that have it, largest first. */
  async stored(): Promise<StoredFile[]> {
    const bySha = new Map<string, { bytes: number; fileName: string; papers: PaperRecord[] }>();
    for (const record of await this.ctx.store.allRecords()) {
      for (const a of record.attachments) {
        const entry = bySha.get(a.sha256) ?? { bytes: a.bytes, fileName: a.fileName, papers: [] };
        entry.papers.push(record);
        bySha.set(a.sha256, entry);
      }
    }
    return [...bySha.entries()]
      .map(([sha256, e]) => ({
        sha256,
        bytes: e.bytes,
        fileName: e.fileName,
        papers: e.papers.map((p) => ({ id: p.id, title: p.title, trashed: p.trashedAt !== null })),
      }))
      .sort((a, b) => b.bytes - a.bytes || a.fileName.localeCompare(b.fileName));
  }
}

/** The name a PDF came with, for showing only: its last path part, without control characters, at most 255. */
export function displayName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const clean = [...base.replace(/\p{Cc}/gu, '').trim()].slice(0, 255).join('');
  return clean === '' ? 'document.pdf' : clean;
}
