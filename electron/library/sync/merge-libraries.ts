/**
 * Three-way merge of two libraries by paper and by field (never by text line): what two machines made of
 * one ancestor, brought together. Pure: the caller reads the three states and writes the result. Both
 * machines get the same library whichever side they call "ours", so they converge.
 */
import type { PaperContent, PaperRecord } from '../../../shared/models/paper.js';
import type { WatchList } from '../../../shared/models/triage.js';
import type { SavedSearch } from '../../../shared/models/views.js';
import type { LibraryState, SkippedEntry } from './library-state.js';
import { mergeKeyed } from './merge-keyed.js';
import { mergePaper, type PaperState } from './merge-paper.js';
import { mergeScalar, type Superseded } from './merge-values.js';
import type { LibraryMergeReport, PaperMergeReport } from './sync-report.js';

export interface LibraryMerge {
  readonly library: LibraryState;
  readonly report: LibraryMergeReport;
}

export function mergeLibraries(ancestor: LibraryState, ours: LibraryState, theirs: LibraryState): LibraryMerge {
  const records = new Map<string, PaperRecord>();
  const contents = new Map<string, PaperContent>();
  const papers: PaperMergeReport[] = [];
  for (const id of paperIds(ancestor, ours, theirs)) {
    const { paper, report } = mergePaper(id, paperOf(ancestor, id), paperOf(ours, id), paperOf(theirs, id));
    if (paper.record !== undefined) records.set(id, paper.record);
    if (paper.content !== undefined) contents.set(id, paper.content);
    if (report !== null) papers.push(report);
  }
  const other: Superseded[] = [];
  return {
    library: {
      records,
      contents,
      distinct: mergeDistinct(ancestor.distinct, ours.distinct, theirs.distinct),
      searches: mergeSearches(ancestor.searches, ours.searches, theirs.searches, other),
      skipped: mergeSkipped(ancestor.skipped, ours.skipped, theirs.skipped, other),
      watch: mergeWatch(ancestor.watch, ours.watch, theirs.watch, other),
    },
    report: { papers, other },
  };
}

/** Every paper id on any side, in code-unit order (the same on every machine). */
function paperIds(...libraries: LibraryState[]): string[] {
  const ids = new Set<string>();
  for (const library of libraries) {
    for (const id of library.records.keys()) ids.add(id);
    for (const id of library.contents.keys()) ids.add(id);
  }
  return [...ids].sort();
}

function paperOf(library: LibraryState, id: string): PaperState {
  return { record: library.records.get(id), content: library.contents.get(id) };
}

type Pair = readonly [string, string];

/** Pairs are only ever added, but a restored backup can take one away: a set, either way round the same pair. */
function mergeDistinct(base: readonly Pair[], ours: readonly Pair[], theirs: readonly Pair[]): Pair[] {
  const sorted = ([a, b]: Pair): Pair => (a <= b ? [a, b] : [b, a]);
  return mergeKeyed(base, ours, theirs, {
    key: (pair) => sorted(pair).join('|'),
    mergeItem: (_b, o) => sorted(o),
  });
}

/** Saved searches by id; a name or query changed on both sides keeps the greater (they keep no time). */
function mergeSearches(
  base: readonly SavedSearch[],
  ours: readonly SavedSearch[],
  theirs: readonly SavedSearch[],
  other: Superseded[],
): SavedSearch[] {
  return mergeKeyed(base, ours, theirs, {
    key: (s) => s.id,
    mergeItem: (b, o, t) => {
      const field = (name: 'name' | 'query') =>
        mergeScalar(
          `saved search ${o.id} ${name}`,
          b?.[name],
          b !== undefined,
          { value: o[name], at: '' },
          { value: t[name], at: '' },
          other,
        );
      return { id: o.id, name: field('name'), query: field('query') };
    },
  });
}

/** Skipped papers by what identifies them (as the skip memory dedupes them). */
function mergeSkipped(
  base: readonly SkippedEntry[],
  ours: readonly SkippedEntry[],
  theirs: readonly SkippedEntry[],
  other: Superseded[],
): SkippedEntry[] {
  return mergeKeyed(base, ours, theirs, {
    key: (s) => `${s.arxivId ?? ''}|${s.doi ?? ''}|${s.titleKey}`,
    mergeItem: (b, o, t) =>
      mergeScalar(
        'skipped paper',
        b,
        b !== undefined,
        { value: o, at: o.skippedAt },
        { value: t, at: t.skippedAt },
        other,
      ),
  });
}

/** Keywords and authors as sets; the quick tags (keys 1–9, in order, nine at most) as one value. */
function mergeWatch(base: WatchList, ours: WatchList, theirs: WatchList, other: Superseded[]): WatchList {
  const set = (name: 'keywords' | 'authors') =>
    mergeKeyed(base[name], ours[name], theirs[name], {
      key: (word) => word.toLowerCase(),
      mergeItem: (b, o, t) =>
        mergeScalar(`watch list ${name}`, b, b !== undefined, { value: o, at: '' }, { value: t, at: '' }, other),
    });
  return {
    keywords: set('keywords'),
    authors: set('authors'),
    quickTags: mergeScalar(
      'quick tags',
      base.quickTags,
      true,
      { value: ours.quickTags, at: '' },
      { value: theirs.quickTags, at: '' },
      other,
    ),
  };
}
