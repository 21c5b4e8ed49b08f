import { isDeepStrictEqual } from 'node:util';
import {
  EMPTY_CONTENT,
  fieldLabel,
  withCounts,
  type Annotation,
  type PaperContent,
  type PaperRecord,
} from '../../../shared/models/paper.js';
import type { StoredPaper } from '../storage/library-store.js';

/** What one recorded edit did to one paper: each part it touched, as it was and as it left it. */
export interface PaperChange {
  readonly record?: ChangedPart<PaperRecord>;
  readonly content?: ChangedPart<PaperContent>;
}

/** One part of a paper before and after an edit (absent: there was none, or none is left). */
export interface ChangedPart<T> {
  readonly before: T | undefined;
  readonly after: T | undefined;
}

export type Direction = 'undo' | 'redo';

/** Where a revert leaves a paper: rewritten, removed (it was created by the edit), or as it is. */
export type RevertOutcome =
  | { readonly kind: 'write'; readonly record: PaperRecord; readonly content: PaperContent | null }
  | { readonly kind: 'delete' }
  | { readonly kind: 'unchanged' };

export interface RevertResult {
  readonly outcome: RevertOutcome;
  /** Changes made since the edit that the revert left alone, said for the user. */
  readonly kept: readonly string[];
}

/** Fields a revert never compares or sets: stamps and counts derived from the content. */
const DERIVED = new Set<string>(['updatedAt', 'annotationCount', 'hasNote']);

/**
 * Take one paper back from what an edit left (`from`) to what the edit replaced (`to`), on top of what it is
 * now (`current`): only what the edit changed goes back, and only where nothing changed it since; tags
 * and highlights are reverted one by one, so a tag or highlight added later stays. Redo is the same with
 * the sides swapped. Pure: the caller writes the outcome.
 */
export function revertPaper(
  current: StoredPaper,
  change: PaperChange,
  direction: Direction,
  now: string,
): RevertResult {
  const fromRecord = side(change.record, direction, 'from');
  const toRecord = side(change.record, direction, 'to');
  const fromContent = side(change.content, direction, 'from');
  const toContent = side(change.content, direction, 'to');
  const title = (current.record ?? fromRecord ?? toRecord)?.title ?? 'a paper';

  if (change.record && toRecord === undefined && fromRecord !== undefined) {
    // The edit (in this direction) created the paper: take it away, unless it was worked on since.
    if (current.record === undefined) return { outcome: { kind: 'unchanged' }, kept: [] };
    // Only what the user edits counts as worked on: background completion (arXiv metadata, a downloaded PDF)
    // filling in a paper the step created does not make it the user's.
    const untouched =
      sameUserFields(current.record, fromRecord) &&
      sameUserContent(current.content ?? EMPTY_CONTENT, fromContent ?? EMPTY_CONTENT);
    return untouched
      ? { outcome: { kind: 'delete' }, kept: [] }
      : { outcome: { kind: 'unchanged' }, kept: [`“${title}” was changed since, so it stays`] };
  }
  if (change.record && fromRecord === undefined && toRecord !== undefined) {
    // The edit removed the paper: bring it back as it was.
    if (current.record !== undefined) return { outcome: { kind: 'unchanged' }, kept: [] };
    return { outcome: { kind: 'write', record: toRecord, content: toContent ?? current.content ?? null }, kept: [] };
  }
  if (current.record === undefined) {
    return { outcome: { kind: 'unchanged' }, kept: [`“${title}” was deleted since`] };
  }

  const kept: string[] = [];
  let record = current.record;
  if (fromRecord && toRecord) {
    const next = revertRecordFields(current.record, fromRecord, toRecord, kept);
    if (next !== current.record) record = next;
  }
  let content: PaperContent | null = null;
  if (change.content) {
    const base = current.content ?? EMPTY_CONTENT;
    const next = revertContent(base, fromContent ?? EMPTY_CONTENT, toContent ?? EMPTY_CONTENT, kept);
    if (next !== base) content = next;
  }
  if (record === current.record && content === null)
    return { outcome: { kind: 'unchanged' }, kept: prefix(title, kept) };
  const counted = withCounts(record, content ?? current.content ?? EMPTY_CONTENT);
  return { outcome: { kind: 'write', record: { ...counted, updatedAt: now }, content }, kept: prefix(title, kept) };
}

/** Undo goes from `after` to `before`; redo the other way. */
function side<T>(
  part: { readonly before: T; readonly after: T } | undefined,
  direction: Direction,
  which: 'from' | 'to',
): T | undefined {
  if (part === undefined) return undefined;
  return (direction === 'undo') === (which === 'from') ? part.after : part.before;
}

function prefix(title: string, kept: readonly string[]): string[] {
  return kept.map((what) => `“${title}”: ${what}`);
}

/** The record fields a person changes by hand. */
function sameUserFields(a: PaperRecord, b: PaperRecord): boolean {
  return a.status === b.status && a.trashedAt === b.trashedAt && isDeepStrictEqual(a.tags, b.tags);
}

/** The content a person writes: the note and highlights (the abstract may be completed in the background). */
function sameUserContent(a: PaperContent, b: PaperContent): boolean {
  return isDeepStrictEqual(a.note, b.note) && isDeepStrictEqual(a.annotations, b.annotations);
}

function revertRecordFields(current: PaperRecord, from: PaperRecord, to: PaperRecord, kept: string[]): PaperRecord {
  let next: PaperRecord = current;
  for (const key of Object.keys({ ...from, ...to }) as Array<keyof PaperRecord>) {
    if (DERIVED.has(key) || isDeepStrictEqual(from[key], to[key])) continue;
    if (key === 'tags') {
      const tags = revertTags(current.tags, from.tags, to.tags);
      if (!isDeepStrictEqual(tags, current.tags)) next = { ...next, tags };
      continue;
    }
    if (isDeepStrictEqual(current[key], from[key])) next = { ...next, [key]: to[key] };
    else kept.push(`its ${fieldLabel(key)} was changed since`);
  }
  return next;
}

/** Tags the edit added come off and tags it removed go back; others (added since) stay. */
function revertTags(current: readonly string[], from: readonly string[], to: readonly string[]): string[] {
  const lower = (tags: readonly string[]) => new Set(tags.map((t) => t.toLowerCase()));
  const fromSet = lower(from);
  const toSet = lower(to);
  const added = new Set([...fromSet].filter((t) => !toSet.has(t)));
  const kept = current.filter((t) => !added.has(t.toLowerCase()));
  const have = lower(kept);
  return [...kept, ...to.filter((t) => !fromSet.has(t.toLowerCase()) && !have.has(t.toLowerCase()))];
}

function revertContent(current: PaperContent, from: PaperContent, to: PaperContent, kept: string[]): PaperContent {
  let next = current;
  if (!isDeepStrictEqual(from.abstract, to.abstract)) {
    if (isDeepStrictEqual(current.abstract, from.abstract)) next = { ...next, abstract: to.abstract };
    else kept.push('its abstract was changed since');
  }
  if (!isDeepStrictEqual(from.note, to.note)) {
    if (isDeepStrictEqual(current.note, from.note)) next = { ...next, note: to.note };
    else kept.push('its note was changed since');
  }
  const annotations = revertAnnotations(current.annotations, from.annotations, to.annotations, kept);
  if (annotations !== current.annotations) next = { ...next, annotations };
  return next;
}

/** Highlights by id: each one the edit changed goes back unless it changed again since. */
function revertAnnotations(
  current: readonly Annotation[],
  from: readonly Annotation[],
  to: readonly Annotation[],
  kept: string[],
): Annotation[] {
  const byId = (list: readonly Annotation[]) => new Map(list.map((a) => [a.id, a]));
  const fromById = byId(from);
  const toById = byId(to);
  const currentById = byId(current);
  const replaced = new Map<string, Annotation | undefined>();
  for (const id of new Set([...fromById.keys(), ...toById.keys()])) {
    const was = fromById.get(id);
    const goal = toById.get(id);
    if (isDeepStrictEqual(was, goal)) continue;
    if (isDeepStrictEqual(currentById.get(id), was)) replaced.set(id, goal);
    else kept.push('a highlight was changed since');
  }
  if (replaced.size === 0) return current as Annotation[];
  const out: Annotation[] = [];
  for (const annotation of current) {
    if (!replaced.has(annotation.id)) out.push(annotation);
    else {
      const goal = replaced.get(annotation.id);
      if (goal) out.push(goal);
    }
  }
  for (const [id, goal] of replaced) if (goal && !currentById.has(id)) out.push(goal);
  return out;
}
