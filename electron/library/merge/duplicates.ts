import type { PaperRecord } from '../../../shared/models/paper.js';
import { surnameKey, titleKey } from '../paper/identity.js';

export interface DuplicatePair {
  readonly a: string;
  readonly b: string;
  /** Why they look alike, in words. */
  readonly reason: string;
}

/** Words of a title that tell papers apart. */
function words(title: string): string[] {
  return titleKey(title)
    .split(' ')
    .filter((w) => w.length > 2);
}

/**
 * Near-duplicates already in the library: titles equal once normalized (different authors), or titles
 * that differ by about a word. Papers are compared only within blocks sharing a rare title word, so
 * this stays fast at 100k papers.
 */
export function findPossibleDuplicates(
  records: readonly PaperRecord[],
  isDistinct: (a: string, b: string) => boolean,
  limit = 500,
): DuplicatePair[] {
  const live = records.filter((r) => r.trashedAt === null);
  const frequency = new Map<string, number>();
  const titleWords = new Map<string, string[]>();
  for (const r of live) {
    const w = [...new Set(words(r.title))];
    titleWords.set(r.id, w);
    for (const word of w) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  // Block on each paper's two rarest words: a near-duplicate shares at least one of them.
  const blocks = new Map<string, string[]>();
  for (const r of live) {
    const rare = [...(titleWords.get(r.id) ?? [])]
      .sort((x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0))
      .slice(0, 2);
    for (const word of rare) blocks.set(word, [...(blocks.get(word) ?? []), r.id]);
  }
  const byId = new Map<string, PaperRecord>(live.map((r) => [r.id, r]));
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];
  for (const ids of blocks.values()) {
    if (ids.length < 2 || ids.length > 200) continue;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [a, b] = [ids[i] ?? '', ids[j] ?? ''].sort() as [string, string];
        const key = `${a}|${b}`;
        if (seen.has(key) || isDistinct(a, b)) continue;
        seen.add(key);
        const reason = alike(byId.get(a), byId.get(b), titleWords);
        if (reason) pairs.push({ a, b, reason });
        if (pairs.length >= limit) return pairs;
      }
    }
  }
  return pairs;
}

function alike(
  x: PaperRecord | undefined,
  y: PaperRecord | undefined,
  titleWords: ReadonlyMap<string, string[]>,
): string | null {
  if (!x || !y) return null;
  if (titleKey(x.title) === titleKey(y.title)) {
    if (surnameKey(x.authors[0]) !== surnameKey(y.authors[0])) return 'same title, different first author';
    // Kept apart at import because their identifiers differ; the user decides.
    if (x.doi !== null && y.doi !== null && x.doi !== y.doi) return 'same title and author, different DOIs';
    if (x.arxivId !== null && y.arxivId !== null && x.arxivId !== y.arxivId)
      return 'same title and author, different arXiv ids';
    return 'same title';
  }
  const wx = new Set(titleWords.get(x.id));
  const wy = new Set(titleWords.get(y.id));
  const shared = [...wx].filter((w) => wy.has(w)).length;
  const differing = wx.size + wy.size - 2 * shared;
  return shared >= 3 && differing <= 2 ? 'titles differ by a word' : null;
}
