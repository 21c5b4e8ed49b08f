import type { ImportReport } from '../../../shared/models/import-report.js';
import type { ImportFormat } from '../../../shared/models/paper.js';
import type { ImportPreview, PreviewItem } from '../../../shared/models/views.js';
import type { EditedEntry } from './entry-edits.js';
import type { ImportPlan, PlannedItem } from './plan-import.js';

/** What an import did, or would do, with every entry and the digest's skipped text. */
export type ImportOutcome = ImportReport & {
  format: ImportFormat;
  items: PreviewItem[];
  digest: ImportPreview['digest'];
};

const PREVIEW_AUTHORS = 4;

/** The preview's row for each entry, in the order of the input, ticked and unticked alike. */
export function previewItems(
  all: readonly EditedEntry[],
  included: readonly EditedEntry[],
  plan: ImportPlan,
  excluded: readonly EditedEntry[],
  excludedPlan: readonly PlannedItem[],
): PreviewItem[] {
  const itemFor = new Map<number, PreviewItem>();
  const lineOf = (group: readonly EditedEntry[], position: number | null | undefined): number | null =>
    position === null || position === undefined ? null : (group[position]?.entry.line ?? null);
  included.forEach((e, i) =>
    itemFor.set(e.index, describeItem(plan.items[i], e, lineOf(included, plan.items[i]?.repeatOf))),
  );
  excluded.forEach((e, i) =>
    itemFor.set(e.index, describeItem(excludedPlan[i], e, lineOf(excluded, excludedPlan[i]?.repeatOf))),
  );
  return all.flatMap((e) => itemFor.get(e.index) ?? []);
}

/** Every entry accounted for: what became of it, and which paper it is. */
export function reportEntries(plan: ImportPlan, included: readonly EditedEntry[]): ImportReport['entries'] {
  return plan.items.map((item, i) => ({
    line: included[i]?.entry.line ?? null,
    title: item.title,
    outcome:
      item.repeatOf !== null
        ? ('repeated' as const)
        : item.outcome === 'new'
          ? ('added' as const)
          : item.outcome === 'merge'
            ? ('merged' as const)
            : ('unchanged' as const),
    paperId: item.resultId,
  }));
}

function describeItem(planned: PlannedItem | undefined, edited: EditedEntry, repeatOfLine: number | null): PreviewItem {
  const { entry } = edited;
  return {
    title: entry.title,
    outcome: planned?.outcome ?? 'new',
    changes: planned?.changes ?? [],
    paperId: planned?.paperId ?? null,
    entryKey: planned?.entryKey ?? '',
    line: entry.line,
    index: edited.index,
    included: edited.included,
    authors: entry.authors.slice(0, PREVIEW_AUTHORS),
    authorCount: entry.authors.length,
    arxivId: entry.arxivId,
    doi: entry.doi,
    kind: entry.kind,
    hasAbstract: entry.abstract !== null && entry.abstract.trim() !== '',
    categories: [...entry.categories],
    repeatOfLine: planned?.repeatOf !== null && planned?.repeatOf !== undefined ? (repeatOfLine ?? 0) : null,
  };
}
