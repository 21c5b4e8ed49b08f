import { diffIndices } from 'node-diff3';
import { diffArrays } from 'diff';
import { assertNever } from '../../../../shared/assert-never.js';

/** A run of lines the merge settled, or a place where both sides changed the same lines. */
export type MergeChunk =
  | { readonly kind: 'same'; readonly lines: readonly string[] }
  | { readonly kind: 'conflict'; readonly mine: readonly string[]; readonly margin: readonly string[] };

/** What the user picked for one conflicting place: their lines, Margin's, or theirs followed by Margin's. */
export type MergeAnswer = 'mine' | 'margin' | 'both';

const lines = (text: string) => text.split('\n');

/**
 * Merge the user's text and Margin's new text line by line against the base Margin last wrote: a change
 * only one side made is taken, and only where both changed the same lines is the user asked.
 * Without a base (an export from before Margin kept one) every difference is asked.
 */
export function mergeLines(base: string | null, mine: string, margin: string): MergeChunk[] {
  if (mine === margin) return [{ kind: 'same', lines: lines(mine) }];
  if (base === null) return twoWay(lines(mine), lines(margin));
  return threeWay(lines(base), lines(mine), lines(margin));
}

interface Hunk {
  readonly side: 'mine' | 'margin';
  readonly oStart: number;
  readonly oEnd: number;
  readonly start: number;
  readonly end: number;
}

/**
 * diff3 as node-diff3's `diff3Merge` does it, with one difference: changes that only touch (the user edits
 * a highlight's last line, Margin adds a highlight after it) are not a conflict; only changes to the same
 * base lines, or two insertions at the same place, are. Each side's hunks come from node-diff3.
 */
function threeWay(base: string[], mine: string[], margin: string[]): MergeChunk[] {
  const buffers = { mine, margin };
  const hunks: Hunk[] = (['mine', 'margin'] as const)
    .flatMap((side) =>
      diffIndices(base, buffers[side]).map((d) => ({
        side,
        oStart: d.buffer1[0],
        oEnd: d.buffer1[0] + d.buffer1[1],
        start: d.buffer2[0],
        end: d.buffer2[0] + d.buffer2[1],
      })),
    )
    // Insertions before changes that start at the same line: they touch without overlapping.
    .sort((x, y) => x.oStart - y.oStart || x.oEnd - x.oStart - (y.oEnd - y.oStart));
  const chunks: MergeChunk[] = [];
  let done = 0;
  for (let i = 0; i < hunks.length;) {
    const first = hunks[i] as Hunk; // i < hunks.length
    const group = [first];
    let end = first.oEnd;
    for (i++; i < hunks.length; i++) {
      const next = hunks[i] as Hunk;
      const bothInsertHere =
        next.oStart === next.oEnd && group.some((h) => h.oStart === h.oEnd && h.oStart === next.oStart);
      if (!(next.oStart < end || bothInsertHere)) break;
      group.push(next);
      end = Math.max(end, next.oEnd);
    }
    const start = first.oStart;
    if (start > done) chunks.push({ kind: 'same', lines: base.slice(done, start) });
    const span = (side: 'mine' | 'margin') => {
      const own = group.filter((h) => h.side === side);
      if (own.length === 0) return base.slice(start, end);
      const from = Math.min(...own.map((h) => h.start)) + (start - Math.min(...own.map((h) => h.oStart)));
      const to = Math.max(...own.map((h) => h.end)) + (end - Math.max(...own.map((h) => h.oEnd)));
      return buffers[side].slice(from, to);
    };
    const [a, b] = [span('mine'), span('margin')];
    if (group.length === 1 || a.join('\n') === b.join('\n'))
      chunks.push({ kind: 'same', lines: group.length === 1 ? span(first.side) : a });
    else chunks.push({ kind: 'conflict', mine: a, margin: b });
    done = end;
  }
  if (done < base.length) chunks.push({ kind: 'same', lines: base.slice(done) });
  return joinSame(chunks);
}

/** Every run where the two texts differ is a conflict; equal runs are kept. */
function twoWay(mine: readonly string[], margin: readonly string[]): MergeChunk[] {
  const chunks: MergeChunk[] = [];
  let pending: { mine: string[]; margin: string[] } | null = null;
  const flush = () => {
    if (pending) chunks.push({ kind: 'conflict', ...pending });
    pending = null;
  };
  for (const part of diffArrays([...mine], [...margin])) {
    if (!part.added && !part.removed) {
      flush();
      chunks.push({ kind: 'same', lines: part.value });
      continue;
    }
    pending ??= { mine: [], margin: [] };
    (part.removed ? pending.mine : pending.margin).push(...part.value);
  }
  flush();
  return joinSame(chunks);
}

function joinSame(chunks: readonly MergeChunk[]): MergeChunk[] {
  const joined: MergeChunk[] = [];
  for (const chunk of chunks) {
    const last = joined.at(-1);
    if (chunk.kind === 'same' && last?.kind === 'same')
      joined[joined.length - 1] = { kind: 'same', lines: [...last.lines, ...chunk.lines] };
    else joined.push(chunk);
  }
  return joined;
}

/** How many places need an answer. */
export const conflictCount = (chunks: readonly MergeChunk[]) => chunks.filter((c) => c.kind === 'conflict').length;

/** The merged text with one answer per conflict, in order; null when the answers do not fit the chunks. */
export function applyAnswers(chunks: readonly MergeChunk[], answers: readonly MergeAnswer[]): string | null {
  if (answers.length !== conflictCount(chunks)) return null;
  const out: string[] = [];
  let next = 0;
  for (const chunk of chunks) {
    if (chunk.kind === 'same') {
      out.push(...chunk.lines);
      continue;
    }
    const answer = answers[next++];
    switch (answer) {
      case 'mine':
        out.push(...chunk.mine);
        break;
      case 'margin':
        out.push(...chunk.margin);
        break;
      case 'both':
        out.push(...chunk.mine, ...chunk.margin);
        break;
      case undefined:
        return null;
      default:
        return assertNever(answer);
    }
  }
  return out.join('\n');
}
