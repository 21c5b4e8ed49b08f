import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import { reanchor } from '../annotations/anchoring.js';

/** The record fields a merge can fill, and so an undo can put back; `abstract` lives in the content. */
const RECORD_FIELDS = [
  'title',
  'authors',
  'editors',
  'arxivId',
  'arxivVersion',
  'doi',
  'year',
  'publishedAt',
  'venue',
  'url',
  'citationKey',
  'tags',
] as const satisfies ReadonlyArray<keyof PaperRecord>;
type RecordField = (typeof RECORD_FIELDS)[number];

type FieldValue = PaperRecord[RecordField] | PaperContent['abstract'];

/** One field a merge changed: what it was, and what the merge made it. */
export interface FieldChange {
  readonly field: RecordField | 'abstract';
  readonly before: FieldValue;
  readonly after: FieldValue;
}

const isRecordField = (field: string): field is RecordField => (RECORD_FIELDS as readonly string[]).includes(field);
const same = (a: FieldValue, b: FieldValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What a merge changed (`mergeEntry`'s `changed`), field by field, so it can be taken back. */
export function mergeChanges(
  before: { record: PaperRecord; content: PaperContent },
  after: { record: PaperRecord; content: PaperContent },
  changed: readonly string[],
): FieldChange[] {
  return changed.flatMap((field): FieldChange[] => {
    if (field === 'abstract') return [{ field, before: before.content.abstract, after: after.content.abstract }];
    return isRecordField(field) ? [{ field, before: before.record[field], after: after.record[field] }] : [];
  });
}

/**
 * Take back a merge: each field it changed goes back to what it was, but only while it is still what the
 * merge made it (a field the user or an import changed since is kept). Highlights follow the abstract back,
 * or are kept orphaned when there was none; nothing is dropped.
 */
export function revertChanges(
  record: PaperRecord,
  content: PaperContent,
  changes: readonly FieldChange[],
  now: string,
): { record: PaperRecord; content: PaperContent; reverted: string[] } {
  const next: Record<string, unknown> = { ...record };
  let nextContent = content;
  const reverted: string[] = [];
  for (const { field, before, after } of changes) {
    if (field === 'abstract') {
      if (!same(content.abstract, after) || (before !== null && typeof before !== 'string')) continue;
      const abstract = before;
      nextContent = { ...content, abstract, annotations: content.annotations.map((a) => reanchor(a, abstract ?? '')) };
    } else {
      if (!same(record[field], after)) continue;
      next[field] = before;
    }
    reverted.push(field);
  }
  if (reverted.length === 0) return { record, content, reverted };
  // Each value put back is one the record held before the merge, so the record is as valid as it was.
  return { record: { ...(next as PaperRecord), updatedAt: now }, content: nextContent, reverted };
}
