/** The note of a paper edited on two machines: merged line by line, both versions kept where both changed the same lines. */
import type { Note } from '../../../shared/models/paper.js';
import { mergeLines } from '../export/merge/three-way.js';
import { later, latestTime, same } from './merge-values.js';

export interface NoteMerge {
  readonly note: Note | null;
  /** Places where both sides changed the same lines: both kept between conflict markers. */
  readonly conflicts: number;
}

export const CONFLICT_START = '<<<<<<<';
export const CONFLICT_SPLIT = '=======';
export const CONFLICT_END = '>>>>>>>';

/**
 * Three-way merge of a note (`base` undefined: the paper was added on both sides, an empty ancestor).
 * A note deleted on one side and edited on the other keeps the edit. The older edit always goes first in a
 * conflict, whichever machine merges, so two machines write the same text.
 */
export function mergeNote(base: Note | null | undefined, ours: Note | null, theirs: Note | null): NoteMerge {
  if (same(ours, theirs)) return { note: ours, conflicts: 0 };
  if (base !== undefined && same(base, ours)) return { note: theirs, conflicts: 0 };
  if (base !== undefined && same(base, theirs)) return { note: ours, conflicts: 0 };
  const at = latestTime(ours?.updatedAt ?? '', theirs?.updatedAt ?? '');
  const [first, second] = inOrder(ours, theirs);
  const chunks = mergeLines(base?.text ?? '', first?.text ?? '', second?.text ?? '');
  const lines: string[] = [];
  let conflicts = 0;
  for (const chunk of chunks) {
    if (chunk.kind === 'same') {
      lines.push(...chunk.lines);
      continue;
    }
    conflicts++;
    lines.push(
      `${CONFLICT_START} ${label(first)}`,
      ...chunk.mine,
      CONFLICT_SPLIT,
      ...chunk.margin,
      `${CONFLICT_END} ${label(second)}`,
    );
  }
  const text = lines.join('\n');
  // As the app does: a note with nothing in it is no note.
  return { note: text.trim() === '' ? null : { text, updatedAt: at }, conflicts };
}

/** Older edit first; at the same time, by text: the same order on every machine. */
function inOrder(a: Note | null, b: Note | null): [Note | null, Note | null] {
  const { winner, loser } = later({ value: a, at: a?.updatedAt ?? '' }, { value: b, at: b?.updatedAt ?? '' });
  return [loser.value, winner.value];
}

function label(note: Note | null): string {
  return note === null ? 'note deleted on one machine' : `note as edited at ${note.updatedAt}`;
}
