import type { PaperRecord } from '../../../shared/models/paper.js';
import type { ListRow } from '../../../shared/models/views.js';

/** The list's view of a record. */
export function toListRow(record: PaperRecord): ListRow {
  // An edited volume has editors and no authors: the list names them instead, marked as editors.
  const byEditors = record.authors.length === 0 && record.editors.length > 0;
  const names = byEditors ? record.editors : record.authors;
  return {
    id: record.id,
    title: record.title,
    authors: names.slice(0, 3),
    authorCount: names.length,
    byEditors,
    year: record.year,
    tags: record.tags,
    status: record.status,
    annotationCount: record.annotationCount,
    hasNote: record.hasNote,
    reading: record.reading ? { page: record.reading.page, pages: record.reading.pages } : null,
    attachmentCount: record.attachments.length,
    addedAt: record.addedAt,
  };
}
