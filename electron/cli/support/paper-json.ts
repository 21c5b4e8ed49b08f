import type { Paper } from '../../../shared/models/paper.js';

/** The stable JSON shape the CLI prints for a paper (`--json`). */
export function paperJson(paper: Paper) {
  return {
    id: paper.id,
    title: paper.title,
    authors: paper.authors,
    abstract: paper.abstract,
    year: paper.year,
    publishedAt: paper.publishedAt,
    arxivId: paper.arxivId,
    doi: paper.doi,
    url: paper.url,
    venue: paper.venue,
    tags: paper.tags,
    status: paper.status,
    source: paper.source,
    annotations: paper.annotations,
    note: paper.note?.text ?? null,
    attachments: paper.attachments.map(({ fileName, bytes, sha256 }) => ({ fileName, bytes, sha256 })),
    addedAt: paper.addedAt,
    updatedAt: paper.updatedAt,
  };
}
