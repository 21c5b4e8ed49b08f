/**
 * Corrections the user makes in the import preview before anything is written: untick an entry, say it is
 * not a paper, join it with the next (a title read as two), or make it part of the abstract above.
 * Entries are named by their position in the parse, so the same text and edits always give the same result.
 * Unticking is kept apart from the other corrections: an entry can be joined and unticked at once.
 */
import type { EntryEditAction, SkippedText } from '../../../shared/models/import-report.js';
import type { ParsedEntry } from '../paper/entry.js';
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

type Correction = Exclude<EntryEditAction, 'exclude'>;

export function applyEntryEdits(parsed: readonly ParsedEntry[], edits: readonly EntryEdit[]): EditedEntries {
  const excluded = new Set<number>();
  const corrections = new Map<number, Correction>();
  for (const { index, action } of edits) {
    if (!(index >= 0 && index < parsed.length)) continue;
    if (action === 'exclude') excluded.add(index);
    else corrections.set(index, action);
  }
  const notAPaper = (index: number): boolean => corrections.get(index) === 'not-a-paper';
  const out: EditedEntry[] = [];
  const skipped: SkippedText[] = [];
  for (let index = 0; index < parsed.length; index++) {
    let entry = parsed[index] as ParsedEntry;
    const correction = corrections.get(index);
    if (correction === 'not-a-paper') {
      skipped.push({ line: entry.line ?? 1, text: `${entry.title} (marked not a paper)` });
      continue;
    }
    if (correction === 'abstract-of-previous' && out.length > 0) {
      const previous = out[out.length - 1] as EditedEntry;
      const abstract = joinParagraphs(previous.entry.abstract, joinParagraphs(entry.title, entry.abstract));
      out[out.length - 1] = { ...previous, entry: { ...previous.entry, abstract } };
      continue;
    }
    // "The next" is the next entry the user still sees (entries marked not a paper are gone from the list);
    // a run of joins makes one paper of them all. The paper is ticked unless its first part was unticked.
    const first = index;
    while (corrections.get(index) === 'join-next') {
      let next = index + 1;
      while (next < parsed.length && notAPaper(next)) next++;
      if (next >= parsed.length) break;
      for (let hidden = index + 1; hidden < next; hidden++) {
        const gone = parsed[hidden] as ParsedEntry;
        skipped.push({ line: gone.line ?? 1, text: `${gone.title} (marked not a paper)` });
      }
      entry = joinEntries(entry, parsed[next] as ParsedEntry);
      index = next;
    }
    out.push({ entry, index: first, included: !excluded.has(first) });
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
