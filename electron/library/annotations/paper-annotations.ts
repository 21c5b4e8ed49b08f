import { randomBytes } from 'node:crypto';
import {
  withCounts,
  type Annotation,
  type AnnotationColor,
  type Note,
  type PaperContent,
} from '../../../shared/models/paper.js';
import type { LibraryContext } from '../context/library-context.js';
import { snapToWords } from './word-snap.js';
import { LibraryError } from '../storage/errors.js';
import { anchorAt, nthOccurrence, reanchor } from './anchoring.js';

/** A passage of a PDF page to highlight: the page's text (as the reader extracted it) and where in it. */
export interface PdfHighlightInput {
  readonly sha256: string;
  readonly page: number;
  readonly pageText: string;
  readonly start: number;
  readonly end: number;
  readonly color: AnnotationColor;
  readonly comment: string;
}

/** Highlights and comments on a paper's abstract and PDFs, and its note. */
export class PaperAnnotations {
  constructor(private readonly ctx: LibraryContext) {}

  /** Highlight `start`–`end` of the abstract. */
  async add(
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
      const { start, end } = snapToWords(abstract, input.start, input.end);
      const now = this.ctx.nowIso();
      const created: Annotation = {
        id: newAnnotationId(),
        ...anchorAt(abstract, start, end),
        color: input.color,
        comment: input.comment,
        state: 'anchored',
        pdf: null,
        createdAt: now,
        updatedAt: now,
      };
      return { content: { ...content, annotations: [...content.annotations, created] }, result: created };
    });
  }

  /**
   * Highlight a passage of a page of one of the paper's PDFs, anchored as a quote with its context on that
   * page (the reader sends the page's text around it) and the quote's place in the page's text.
   */
  async addPdf(id: string, input: PdfHighlightInput): Promise<Annotation> {
    const quote = input.pageText.slice(input.start, input.end);
    if (!(input.start >= 0 && input.start < input.end && input.end <= input.pageText.length) || quote.trim() === '')
      throw new LibraryError(
        'invalid-request',
        `highlight ${input.start}–${input.end} is not a passage of page ${input.page}'s text`,
      );
    const record = await this.ctx.requireRecord(id);
    if (!record.attachments.some((a) => a.sha256 === input.sha256))
      throw new LibraryError('not-found', `paper ${id} has no attachment ${input.sha256.slice(0, 12)}…`);
    const { start, end } = snapToWords(input.pageText, input.start, input.end);
    return this.updateContent(id, (content) => {
      const now = this.ctx.nowIso();
      const created: Annotation = {
        id: newAnnotationId(),
        ...anchorAt(input.pageText, start, end),
        color: input.color,
        comment: input.comment,
        state: 'anchored',
        pdf: { sha256: input.sha256, page: input.page },
        createdAt: now,
        updatedAt: now,
      };
      return { content: { ...content, annotations: [...content.annotations, created] }, result: created };
    });
  }

  /** Highlight the Nth occurrence of `quote` in the abstract (the CLI's way in). */
  async addQuote(
    id: string,
    quote: string,
    occurrence: number,
    color: AnnotationColor,
    comment: string,
  ): Promise<Annotation> {
    await this.ctx.requireRecord(id);
    const abstract = (await this.ctx.store.getContent(id)).abstract ?? '';
    const range = nthOccurrence(abstract, quote, occurrence);
    if (!range) {
      const count = quote === '' ? 0 : abstract.split(quote).length - 1;
      throw new LibraryError(
        'not-found',
        `"${quote.slice(0, 60)}" ${count === 0 ? 'does not occur' : `occurs ${count} time${count === 1 ? '' : 's'}, not ${occurrence}`} in the abstract of ${id}`,
      );
    }
    return this.add(id, { ...range, color, comment });
  }

  async update(
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
        updatedAt: this.ctx.nowIso(),
      };
      return {
        content: { ...content, annotations: content.annotations.map((a) => (a.id === annotationId ? updated : a)) },
        result: updated,
      };
    });
  }

  /** Remove a highlight; returns it, so it can be restored (undo). */
  async remove(id: string, annotationId: string): Promise<Annotation> {
    return this.updateContent(id, (content) => {
      const removed = findAnnotation(content, id, annotationId);
      return {
        content: { ...content, annotations: content.annotations.filter((a) => a.id !== annotationId) },
        result: removed,
      };
    });
  }

  /** Put back a highlight exactly as it was (undo of a delete), re-anchored on the current abstract. */
  async restore(id: string, annotation: Annotation): Promise<Annotation> {
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
      const note = text.trim() === '' ? null : { text, updatedAt: this.ctx.nowIso() };
      return { content: { ...content, note }, result: note };
    });
  }

  /**
   * Read-modify-write a paper's content, alone. When the list's counts stay the same only the content
   * shard is written; otherwise record and content land together through the journal.
   */
  /**
   * Replace the abstract with a new version's (and the record's arXiv version with a newer one). Highlights
   * follow their text; the quotes of those whose text is gone are returned, and the highlights kept as orphaned.
   */
  async replaceAbstract(id: string, abstract: string, arxivVersion: number | null): Promise<string[]> {
    const { store } = this.ctx;
    const orphaned = await store.exclusive(async (writer) => {
      const record = await this.ctx.requireRecord(id);
      const content = await store.getContent(id);
      const annotations = content.annotations.map((a) => reanchor(a, abstract));
      const next = { ...content, abstract, annotations };
      const version =
        arxivVersion !== null && (record.arxivVersion === null || arxivVersion > record.arxivVersion)
          ? arxivVersion
          : record.arxivVersion;
      await writer.commit({
        records: [{ ...withCounts(record, next), arxivVersion: version, updatedAt: this.ctx.nowIso() }],
        contents: new Map([[id, next]]),
      });
      return annotations.filter((a, i) => a.state === 'orphaned' && content.annotations[i]?.state !== 'orphaned');
    });
    this.ctx.changed([id]);
    return orphaned.map((a) => a.quote);
  }

  private async updateContent<T>(
    id: string,
    change: (content: PaperContent) => { content: PaperContent; result: T },
  ): Promise<T> {
    const { store } = this.ctx;
    const { result, changed } = await store.exclusive(async (writer) => {
      const record = await this.ctx.requireRecord(id);
      const content = await store.getContent(id);
      const next = change(content);
      if (next.content === content) return { result: next.result, changed: false };
      const counted = withCounts(record, next.content);
      if (counted === record) await writer.putContent(id, next.content);
      else
        await writer.commit({
          records: [{ ...counted, updatedAt: this.ctx.nowIso() }],
          contents: new Map([[id, next.content]]),
        });
      return { result: next.result, changed: true };
    });
    if (changed) this.ctx.changed([id]);
    return result;
  }
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
