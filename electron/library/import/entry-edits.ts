/**
 * Corrections the user makes in the import preview before anything is written: untick an entry, say it is
 * not a paper, join it with the next (a title read as two), or make it part of the abstract above.
 * Entries are named by their position in the parse, so the same text and edits always give the same result.
 */
import type { EntryEditAction, SkippedText } from '../../../shared/models/import-report.js';
import type { ParsedEntry } from './entry.js';
import { joinWrapped } from './digest/lines.js';

export interface EntryEdit {
  readonly index: number;
  readonly action: EntryEditAction;
}

export interface EditedEntry {
  readonly entry: ParsedEntry;
  /** Position of the entry in the parse (the first one, for joined entries). */
  readonly index: number;
  /** Unticked: shown in the preview, not imported. */
  readonly included: boolean;
}

export interface EditedEntries {
  readonly entries: EditedEntry[];
  /** Entries marked "not a paper", listed with the digest's skipped text. */
  readonly skipped: SkippedText[];
}

export function applyEntryEdits(parsed: readonly ParsedEntry[], edits: readonly EntryEdit[]): EditedEntries {
  const actions = new Map<number, EntryEditAction>();
  for (const edit of edits) if (edit.index >= 0 && edit.index < parsed.length) actions.set(edit.index, edit.action);
  const out: Array<{ entry: ParsedEntry; index: number; included: boolean }> = [];
  const skipped: SkippedText[] = [];
  for (let index = 0; index < parsed.length; index++) {
    let entry = parsed[index] as ParsedEntry;
    const action = actions.get(index);
    if (action === 'not-a-paper') {
      skipped.push({ line: entry.line ?? 1, text: `${entry.title} (marked not a paper)` });
      continue;
    }
    if (action === 'abstract-of-previous' && out.length > 0) {
      const previous = out[out.length - 1] as EditedEntry;
      const abstract = joinParagraphs(previous.entry.abstract, joinParagraphs(entry.title, entry.abstract));
      out[out.length - 1] = { ...previous, entry: { ...previous.entry, abstract } };
      continue;
    }
    // Join runs forward: `join-next` on several entries in a row makes one paper of them all.
    const first = index;
    while (actions.get(index) === 'join-next' && index + 1 < parsed.length) {
      index++;
      entry = joinEntries(entry, parsed[index] as ParsedEntry);
    }
    out.push({ entry, index: first, included: actions.get(first) !== 'exclude' });
  }
  return { entries: out, skipped };
}

/** One paper read as two: the titles join, and each field comes from whichever part has it. */
function joinEntries(a: ParsedEntry, b: ParsedEntry): ParsedEntry {
  return {
    ...a,
    title: joinWrapped([a.title, b.title]),
    abstract: joinParagraphs(a.abstract, b.abstract),
    authors: a.authors.length > 0 ? a.authors : b.authors,
    arxivId: a.arxivId ?? b.arxivId,
    arxivVersion: a.arxivVersion ?? b.arxivVersion,
    doi: a.doi ?? b.doi,
    url: a.url ?? b.url,
    venue: a.venue ?? b.venue,
    year: a.year ?? b.year,
    publishedAt: a.publishedAt ?? b.publishedAt,
    categories: a.categories.length > 0 ? a.categories : b.categories,
  };
}

function joinParagraphs(a: string | null, b: string | null): string | null {
  if (a === null || a.trim() === '') return b;
  if (b === null || b.trim() === '') return a;
  return `${a} ${b}`;
}
