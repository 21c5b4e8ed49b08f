/** One paper changed on two machines since their common ancestor: merged field by field, never by text line. */
import {
  EMPTY_CONTENT,
  TIMED_FIELDS,
  withCounts,
  type FieldTimes,
  type TimedField,
  type Attachment,
  type PaperContent,
  type PaperRecord,
} from '../../../shared/models/paper.js';
import { mergeAnnotations } from './merge-annotations.js';
import { mergeKeyed } from './merge-keyed.js';
import { mergeNote } from './merge-note.js';
import { latestTime, mergeScalar, same, type Superseded, type Timed } from './merge-values.js';
import type { PaperMergeReport } from './sync-report.js';

/** A paper as one side stores it: both parts undefined when that side has no such paper. */
export interface PaperState {
  readonly record: PaperRecord | undefined;
  readonly content: PaperContent | undefined;
}

export const ABSENT: PaperState = { record: undefined, content: undefined };

export interface PaperMerge {
  readonly paper: PaperState;
  /** Null when there was nothing to tell (one side's version taken as it was). */
  readonly report: PaperMergeReport | null;
}

/**
 * `base` is ABSENT when the paper is new on both sides (an empty ancestor). A paper deleted on one side
 * (the Trash emptied) and edited on the other comes back as edited; one trashed on one side and edited on
 * the other comes back out of the Trash with the edit.
 */
export function mergePaper(id: string, base: PaperState, ours: PaperState, theirs: PaperState): PaperMerge {
  if (samePaper(ours, theirs)) return { paper: ours, report: null };
  if (samePaper(base, ours)) return { paper: theirs, report: null };
  if (samePaper(base, theirs)) return { paper: ours, report: null };
  if (isAbsent(ours) || isAbsent(theirs)) {
    // Deleted on one side, edited on the other: the edit wins.
    const kept = isAbsent(ours) ? theirs : ours;
    return { paper: kept, report: { ...emptyReport(id, kept.record?.title ?? ''), restored: 'from-deletion' } };
  }
  const superseded: Superseded[] = [];
  const content = mergeContent(base, ours, theirs, superseded);
  const record = mergeRecords(base, ours, theirs, superseded);
  const merged: PaperState = {
    record: record.record === undefined ? undefined : withCounts(record.record, content.content ?? EMPTY_CONTENT),
    content: content.content,
  };
  return {
    paper: merged,
    report: {
      ...emptyReport(id, merged.record?.title ?? ''),
      superseded,
      noteConflicts: content.noteConflicts,
      keptOverDeletion: content.keptOverDeletion,
      restored: record.restored ? 'from-trash' : null,
    },
  };
}

/** Record and content each as stored: the same object on both sides compares at once, without a walk. */
function samePaper(a: PaperState, b: PaperState): boolean {
  return same(a.record, b.record) && same(a.content, b.content);
}

function isAbsent(paper: PaperState): boolean {
  return paper.record === undefined && paper.content === undefined;
}

function emptyReport(id: string, title: string): PaperMergeReport {
  return { id, title, superseded: [], noteConflicts: 0, keptOverDeletion: [], restored: null };
}

function mergeContent(
  base: PaperState,
  ours: PaperState,
  theirs: PaperState,
  superseded: Superseded[],
): { content: PaperContent | undefined; noteConflicts: number; keptOverDeletion: string[] } {
  const [o, t] = [ours.content ?? EMPTY_CONTENT, theirs.content ?? EMPTY_CONTENT];
  // An ancestor without the paper is an empty one: nothing in it, every field "changed" by both.
  const b = base.record === undefined ? undefined : (base.content ?? EMPTY_CONTENT);
  // The abstract keeps no time of its own; the record's is when the paper last changed.
  const at = (side: PaperState) => side.record?.updatedAt ?? '';
  const abstract = mergeScalar(
    'abstract',
    b?.abstract,
    b !== undefined,
    { value: o.abstract, at: at(ours) },
    { value: t.abstract, at: at(theirs) },
    superseded,
  );
  const highlights = mergeAnnotations(b?.annotations, o.annotations, t.annotations);
  superseded.push(...highlights.superseded);
  const note = mergeNote(b === undefined ? undefined : b.note, o.note, t.note);
  const content: PaperContent = { abstract, note: note.note, annotations: highlights.annotations };
  // Stored only where there is something to store, or where both sides stored it: the same answer both ways round.
  const stored = !same(content, EMPTY_CONTENT) || (ours.content !== undefined && theirs.content !== undefined);
  return {
    content: stored ? content : undefined,
    noteConflicts: note.conflicts,
    keptOverDeletion: highlights.keptOverDeletion,
  };
}

function mergeRecords(
  base: PaperState,
  ours: PaperState,
  theirs: PaperState,
  superseded: Superseded[],
): { record: PaperRecord | undefined; restored: boolean } {
  const [b, o, t] = [base.record, ours.record, theirs.record];
  if (o === undefined || t === undefined) return { record: o ?? t, restored: false };
  const s = <K extends TimedField>(k: K): PaperRecord[K] =>
    mergeScalar(k, b?.[k], b !== undefined, timed(o, k), timed(t, k), superseded);
  let trashedAt = s('trashedAt');
  // Trashed on one side and edited (not trashed) on the other: the edit brings it back.
  const restored =
    trashedAt !== null &&
    b?.trashedAt === null &&
    [ours, theirs].some((side) => side.record?.trashedAt === null && editedBesidesTrash(base, side));
  if (restored) trashedAt = null;
  const values = {
    title: s('title'),
    authors: s('authors'),
    editors: s('editors'),
    year: s('year'),
    publishedAt: s('publishedAt'),
    arxivId: s('arxivId'),
    arxivVersion: s('arxivVersion'),
    doi: s('doi'),
    url: s('url'),
    venue: s('venue'),
    status: s('status'),
    source: s('source'),
    citationKey: s('citationKey'),
    trashedAt,
    reading: s('reading'),
    addedAt: s('addedAt'),
  } satisfies Pick<PaperRecord, TimedField>;
  const fieldTimes = mergeFieldTimes(o, t, values);
  const record: PaperRecord = {
    id: o.id,
    ...values,
    tags: mergeTags(b?.tags, o.tags, t.tags, superseded),
    // Counts follow the merged content (withCounts, by the caller).
    annotationCount: o.annotationCount,
    hasNote: o.hasNote,
    attachments: mergeAttachments(b?.attachments, o.attachments, t.attachments, superseded),
    updatedAt: latestTime(o.updatedAt, t.updatedAt),
    ...(fieldTimes === null ? {} : { fieldTimes }),
  };
  return { record, restored };
}

/** A field's value on one side, at the time that side last changed that field (else when it changed the paper). */
function timed<K extends TimedField>(record: PaperRecord, field: K): Timed<PaperRecord[K]> {
  return { value: record[field], at: fieldTime(record, field) };
}

function fieldTime(record: PaperRecord, field: TimedField): string {
  return record.fieldTimes?.[field] ?? record.updatedAt;
}

/**
 * Each merged field keeps the time of the edit it came from (the same whichever side is "ours"): where both sides
 * agree, the later of their times; else the time of the side whose value won. Null when there is none to keep.
 */
function mergeFieldTimes(o: PaperRecord, t: PaperRecord, merged: Pick<PaperRecord, TimedField>): FieldTimes | null {
  const times: FieldTimes = {};
  for (const field of TIMED_FIELDS) {
    const [ot, tt] = [o.fieldTimes?.[field], t.fieldTimes?.[field]];
    let time: string | undefined;
    if (same(o[field], t[field])) time = ot === undefined ? tt : tt === undefined ? ot : latestTime(ot, tt);
    else time = same(merged[field], o[field]) ? fieldTime(o, field) : fieldTime(t, field);
    if (time !== undefined) times[field] = time;
  }
  return Object.keys(times).length === 0 ? null : times;
}

/** Tags as a set (as the app compares them: case aside); adds and removes from both sides apply. */
export function mergeTags(
  base: readonly string[] | undefined,
  ours: readonly string[],
  theirs: readonly string[],
  superseded: Superseded[],
): string[] {
  return mergeKeyed(base, ours, theirs, {
    key: (tag) => tag.toLowerCase(),
    mergeItem: (b, o, t) =>
      mergeScalar('tag spelling', b, b !== undefined, { value: o, at: '' }, { value: t, at: '' }, superseded),
  });
}

function mergeAttachments(
  base: readonly Attachment[] | undefined,
  ours: readonly Attachment[],
  theirs: readonly Attachment[],
  superseded: Superseded[],
): Attachment[] {
  return mergeKeyed(base, ours, theirs, {
    key: (a) => a.sha256,
    mergeItem: (b, o, t) =>
      mergeScalar(
        `PDF ${o.sha256.slice(0, 12)}`,
        b,
        b !== undefined,
        { value: o, at: o.addedAt },
        { value: t, at: t.addedAt },
        superseded,
      ),
  });
}

/** Whether a side changed the paper in anything but its place in the Trash (and what follows from edits: times, counts). */
function editedBesidesTrash(base: PaperState, side: PaperState): boolean {
  const strip = (p: PaperState) => ({
    record:
      p.record === undefined
        ? undefined
        : { ...p.record, trashedAt: null, updatedAt: '', annotationCount: 0, hasNote: false, fieldTimes: undefined },
    content: p.content ?? EMPTY_CONTENT,
  });
  return !same(strip(base), strip(side));
}
