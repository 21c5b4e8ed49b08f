import { countsOf, type Paper, type PaperContent, type PaperRecord } from '../../../shared/models/paper.js';
import { reanchor } from '../annotations/anchoring.js';
import { unionTags } from '../paper/tags.js';

/**
 * Merge a duplicate into the paper kept: empty fields filled, tags united, the longer abstract kept with
 * every highlight of both re-anchored on it, both notes kept. Nothing the user wrote is lost.
 */
export function mergePapers(keep: Paper, drop: Paper, now: string): { record: PaperRecord; content: PaperContent } {
  const longer = (drop.abstract?.length ?? 0) > (keep.abstract?.length ?? 0) ? drop.abstract : keep.abstract;
  const abstract = longer ?? '';
  const annotations = [
    ...keep.annotations,
    ...drop.annotations.filter((a) => !keep.annotations.some((k) => k.id === a.id)),
  ].map((a) => reanchor(a, abstract));
  const noteText = [keep.note?.text.trim(), drop.note?.text.trim()].filter((t): t is string => !!t).join('\n\n---\n\n');
  const content: PaperContent = {
    abstract: longer,
    annotations,
    note: noteText === '' ? null : { text: noteText, updatedAt: now },
  };
  const fill = <K extends keyof PaperRecord>(key: K): PaperRecord[K] =>
    keep[key] === null || (Array.isArray(keep[key]) && (keep[key] as unknown[]).length === 0) ? drop[key] : keep[key];
  const record: PaperRecord = {
    id: keep.id,
    title: keep.title,
    authors: fill('authors'),
    editors: fill('editors'),
    year: fill('year'),
    publishedAt: fill('publishedAt'),
    arxivId: fill('arxivId'),
    // A version belongs to its id: the newer of the two when both name the same paper, else the id's own.
    arxivVersion:
      keep.arxivId === drop.arxivId
        ? Math.max(keep.arxivVersion ?? 0, drop.arxivVersion ?? 0) || null
        : keep.arxivId !== null
          ? keep.arxivVersion
          : drop.arxivVersion,
    doi: fill('doi'),
    url: fill('url'),
    venue: fill('venue'),
    tags: unionTags(keep.tags, drop.tags),
    status: keep.status,
    source: keep.source,
    citationKey: fill('citationKey'),
    ...countsOf(content),
    trashedAt: null,
    reading: keep.reading ?? drop.reading,
    // Both papers' PDFs, each once.
    attachments: [
      ...keep.attachments,
      ...drop.attachments.filter((d) => !keep.attachments.some((k) => k.sha256 === d.sha256)),
    ],
    addedAt: keep.addedAt < drop.addedAt ? keep.addedAt : drop.addedAt,
    updatedAt: now,
  };
  return { record, content };
}
