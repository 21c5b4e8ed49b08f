import { z } from 'zod';
import type { PaperRecord } from '../../../shared/models/paper.js';
import { ListRowSchema } from '../../../shared/models/views.js';
import { toListRow } from '../paper/list-row.js';
import type { Filterable } from './query.js';

/**
 * What the index keeps of a paper besides its text, so it can answer a search page on its own while the
 * records are still being read at open (issue 17): the list row it shows, and what the views and filters
 * look at that the row leaves out (every author and editor, the Trash).
 */
export const PaperFactsSchema = z.strictObject({
  row: ListRowSchema,
  authors: z.array(z.string()),
  editors: z.array(z.string()),
  trashed: z.boolean(),
});
export type PaperFacts = z.output<typeof PaperFactsSchema>;

export function paperFacts(record: PaperRecord): PaperFacts {
  return {
    row: toListRow(record),
    authors: [...record.authors],
    editors: [...record.editors],
    trashed: record.trashedAt !== null,
  };
}

/** The facts as the search filters read a record (`matchesFilters`). */
export function filterableFacts(facts: PaperFacts): Filterable {
  const { row } = facts;
  return {
    tags: row.tags,
    status: row.status,
    year: row.year,
    authors: facts.authors,
    editors: facts.editors,
    attachments: { length: row.attachmentCount },
    hasNote: row.hasNote,
    annotationCount: row.annotationCount,
  };
}
