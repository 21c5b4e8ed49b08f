import type { TriageCounts, TriageGroup, TriageItem } from '../../../shared/models/triage.js';
import type { ParsedEntry } from '../paper/entry.js';
import type { PlannedItem } from '../import/plan-import.js';
import type { StoredDecision } from './triage-sessions.js';

/** What triage needs to know of the library's side of an entry. */
export interface LibrarySide {
  readonly planned: PlannedItem | undefined;
  /** The matched paper's abstract (for telling a new version). */
  readonly libraryAbstract: string | null;
  readonly libraryVersion: number | null;
  readonly skippedBefore: boolean;
}

/** Abstracts compared as words: spacing and line breaks are not a new version. */
function sameText(a: string, b: string): boolean {
  const words = (s: string) => s.replace(/\s+/g, ' ').trim();
  return words(a) === words(b);
}

/** Which group an entry of a digest falls in. */
export function triageGroup(entry: ParsedEntry, side: LibrarySide): TriageGroup {
  const planned = side.planned;
  if (!planned || planned.outcome === 'new') return side.skippedBefore ? 'skipped-before' : 'new';
  const newerVersion =
    entry.arxivVersion !== null && side.libraryVersion !== null && entry.arxivVersion > side.libraryVersion;
  const changedAbstract =
    entry.abstract !== null && side.libraryAbstract !== null && !sameText(entry.abstract, side.libraryAbstract);
  return newerVersion || changedAbstract ? 'new-version' : 'in-library';
}

export function triageItem(
  index: number,
  entry: ParsedEntry,
  side: LibrarySide,
  decision: StoredDecision | undefined,
): TriageItem {
  const group = triageGroup(entry, side);
  return {
    index,
    title: entry.title,
    authors: [...entry.authors],
    abstract: entry.abstract,
    year: entry.year,
    venue: entry.venue,
    arxivId: entry.arxivId,
    arxivVersion: entry.arxivVersion,
    doi: entry.doi,
    url: entry.url,
    group,
    paperId: group === 'new' || group === 'skipped-before' ? null : (side.planned?.paperId ?? null),
    libraryAbstract: group === 'new-version' ? side.libraryAbstract : null,
    decision: decision?.decision ?? null,
    tags: decision?.tags ?? [],
  };
}

export function triageCounts(items: readonly TriageItem[]): TriageCounts {
  const counts: TriageCounts = { new: 0, newVersion: 0, inLibrary: 0, skippedBefore: 0, kept: 0, skipped: 0 };
  for (const item of items) {
    if (item.group === 'new') counts.new++;
    else if (item.group === 'new-version') counts.newVersion++;
    else if (item.group === 'in-library') counts.inLibrary++;
    else counts.skippedBefore++;
    if (item.decision === 'keep' || item.decision === 'read') counts.kept++;
    else if (item.decision === 'skip') counts.skipped++;
  }
  return counts;
}
