import { PaperIdSchema, type PaperRecord } from '../../shared/models/paper.js';

/** A paper's record for tests that need one without a library: empty fields, these parts filled in. */
export function paperRecord(id: string, parts: Partial<Omit<PaperRecord, 'id'>> = {}): PaperRecord {
  return {
    id: PaperIdSchema.parse(id),
    title: `Title ${id}`,
    authors: [],
    editors: [],
    year: 2024,
    publishedAt: null,
    arxivId: null,
    arxivVersion: null,
    doi: null,
    url: null,
    venue: null,
    tags: [],
    status: 'inbox',
    source: { format: 'bibtex', fileName: null, digestDate: null },
    citationKey: null,
    annotationCount: 0,
    hasNote: false,
    trashedAt: null,
    attachments: [],
    reading: null,
    addedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...parts,
  };
}
