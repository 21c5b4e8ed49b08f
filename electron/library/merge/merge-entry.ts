import type { PaperContent, PaperId, PaperRecord } from '../../../shared/models/paper.js';
import type { ParsedEntry } from '../paper/entry.js';
import { reanchor } from '../annotations/anchoring.js';
import { unionTags } from '../paper/tags.js';
import { arxivPlaceholderTitle } from '../paper/identity.js';

export interface MergedPaper {
  readonly record: PaperRecord;
  readonly content: PaperContent;
  /** Names of the fields the merge changed; empty when the entry added nothing. */
  readonly changed: readonly string[];
}

type FillableField = 'year' | 'publishedAt' | 'venue' | 'url';

/**
 * Merge an imported entry into a paper already in the library: fill empty fields, union tags,
 * take a longer abstract, and never touch what the user made (status, note, annotations).
 */
export function mergeEntry(
  record: PaperRecord,
  content: PaperContent,
  entry: ParsedEntry,
  extraTags: readonly string[],
  now: string,
): MergedPaper {
  const changed: string[] = [];
  const next: { -readonly [K in keyof PaperRecord]: PaperRecord[K] } = { ...record };
  const placeholder = next.arxivId !== null && next.title === arxivPlaceholderTitle(next.arxivId);
  if ((next.title.trim() === '' || (placeholder && entry.title !== next.title)) && entry.title.trim() !== '') {
    next.title = entry.title;
    changed.push('title');
  }
  if (next.authors.length === 0 && entry.authors.length > 0) {
    next.authors = [...entry.authors];
    changed.push('authors');
  }
  if (next.editors.length === 0 && entry.editors.length > 0) {
    next.editors = [...entry.editors];
    changed.push('editors');
  }
  const { arxivId } = entry;
  if (next.arxivId === null && arxivId !== null) {
    next.arxivId = arxivId;
    changed.push('arxivId');
  }
  if (
    entry.arxivVersion !== null &&
    arxivId !== null &&
    arxivId === next.arxivId &&
    entry.arxivVersion > (next.arxivVersion ?? 0)
  ) {
    next.arxivVersion = entry.arxivVersion;
    changed.push('arxivVersion');
  }
  const { doi } = entry;
  if (next.doi === null && doi !== null) {
    next.doi = doi;
    changed.push('doi');
  }
  for (const field of ['year', 'publishedAt', 'venue', 'url'] as const satisfies readonly FillableField[]) {
    const value = entry[field];
    if (next[field] === null && value !== null) {
      Object.assign(next, { [field]: value });
      changed.push(field);
    }
  }
  if (next.citationKey === null && entry.citationKey) {
    next.citationKey = entry.citationKey;
    changed.push('citationKey');
  }
  const tags = unionTags(next.tags, [...entry.tags, ...extraTags]);
  if (tags.length !== next.tags.length) {
    next.tags = tags;
    changed.push('tags');
  }
  let nextContent = content;
  if (entry.abstract !== null && entry.abstract.trim().length > (content.abstract?.trim().length ?? 0)) {
    // Highlights follow their text into the fuller abstract; one whose text is gone is kept as orphaned.
    const abstract = entry.abstract;
    nextContent = { ...content, abstract, annotations: content.annotations.map((a) => reanchor(a, abstract)) };
    changed.push('abstract');
  }
  if (changed.length > 0) next.updatedAt = now;
  return { record: next, content: nextContent, changed };
}

/** A new record for an entry that matched nothing. */
export function recordFromEntry(
  entry: ParsedEntry,
  id: PaperId,
  extraTags: readonly string[],
  now: string,
): { record: PaperRecord; content: PaperContent } {
  const record: PaperRecord = {
    id,
    title: entry.title,
    authors: [...entry.authors],
    editors: [...entry.editors],
    year: entry.year,
    publishedAt: entry.publishedAt,
    arxivId: entry.arxivId,
    arxivVersion: entry.arxivVersion,
    doi: entry.doi,
    url: entry.url,
    venue: entry.venue,
    tags: unionTags([], [...entry.tags, ...extraTags]),
    status: 'inbox',
    source: entry.source,
    citationKey: entry.citationKey,
    annotationCount: 0,
    hasNote: false,
    trashedAt: null,
    attachments: [],
    reading: null,
    addedAt: now,
    updatedAt: now,
  };
  return { record, content: { abstract: entry.abstract, note: null, annotations: [] } };
}
