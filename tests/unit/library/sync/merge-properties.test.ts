import { describe, expect, it } from 'vitest';
import { PaperContentSchema, PaperRecordSchema, withCounts } from '../../../../shared/models/paper.js';
import type { LibraryState } from '../../../../electron/library/sync/library-state.js';
import { mergeLibraries, type LibraryMerge } from '../../../../electron/library/sync/merge-libraries.js';
import { canonical } from '../../../../electron/library/sync/merge-values.js';
import { prng, randomEdits, randomLibrary } from './library-generator.js';

const RUNS = 1000;
const START = Date.parse('2026-03-01T10:00:00.000Z');

/** The library as one text: maps in key order, lists in their own order (order is part of the answer). */
function text(library: LibraryState): string {
  const sorted = <V>(map: ReadonlyMap<string, V>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  return canonical({ ...library, records: sorted(library.records), contents: sorted(library.contents) });
}

interface Case {
  readonly seed: number;
  readonly base: LibraryState;
  readonly ours: LibraryState;
  readonly theirs: LibraryState;
  readonly merged: LibraryMerge;
}

/** Every case from its seed: an ancestor, then each machine's edits on its own clock. */
function cases(): Case[] {
  return Array.from({ length: RUNS }, (_, seed) => {
    const r = prng(seed + 1);
    const base = randomLibrary(r, new Date(START).toISOString());
    const ours = randomEdits(r, base, START, 2 + r.int(10));
    const theirs = randomEdits(r, base, START, 2 + r.int(10));
    return { seed, base, ours, theirs, merged: mergeLibraries(base, ours, theirs) };
  });
}

const ALL = cases();
const lines = (note: { text: string } | null | undefined) => (note?.text ?? '').split('\n');

describe('mergeLibraries, on random edits from both sides (seeded)', () => {
  it('gives the same library whichever side is "ours"', () => {
    for (const { seed, base, ours, theirs, merged } of ALL)
      expect(text(mergeLibraries(base, theirs, ours).library), `seed ${seed}`).toBe(text(merged.library));
  });

  it('is the identity when both sides agree, and takes the only side that changed', () => {
    for (const { seed, base, ours, theirs } of ALL) {
      expect(text(mergeLibraries(base, ours, ours).library), `seed ${seed}`).toBe(text(ours));
      expect(text(mergeLibraries(base, base, theirs).library), `seed ${seed}`).toBe(text(theirs));
      expect(text(mergeLibraries(base, ours, base).library), `seed ${seed}`).toBe(text(ours));
    }
  });

  it('writes only valid papers whose counts match their content', () => {
    for (const { seed, merged } of ALL)
      for (const [id, record] of merged.library.records) {
        const content = merged.library.contents.get(id) ?? { abstract: null, note: null, annotations: [] };
        expect(PaperRecordSchema.safeParse(record).success, `seed ${seed} ${id}`).toBe(true);
        expect(PaperContentSchema.safeParse(content).success, `seed ${seed} ${id}`).toBe(true);
        expect(withCounts(record, content), `seed ${seed} ${id}`).toBe(record);
      }
  });

  it('merges tags as sets: adds and removes from both sides apply', () => {
    for (const { seed, base, ours, theirs, merged } of ALL)
      for (const [id, record] of merged.library.records) {
        const [b, o, t] = [base, ours, theirs].map((l) => l.records.get(id));
        if (o === undefined || t === undefined) continue; // one side deleted it: the other's paper, as it is
        const B = new Set(b?.tags ?? []);
        const O = new Set(o.tags);
        const T = new Set(t.tags);
        const expected = [...new Set([...O, ...T])].filter((tag) => (O.has(tag) && T.has(tag)) || !B.has(tag));
        expect(new Set(record.tags), `seed ${seed} ${id}`).toEqual(new Set(expected));
      }
  });

  it("keeps every side's edit of a field, or reports it superseded by a later edit of the same field", () => {
    for (const { seed, base, ours, theirs, merged } of ALL)
      for (const side of [ours, theirs])
        for (const [id, edited] of side.records) {
          const was = base.records.get(id);
          const result = merged.library.records.get(id);
          const report = merged.report.papers.find((p) => p.id === id);
          if (was !== undefined && canonical(was) === canonical(edited)) continue;
          // An edited paper is never lost (deleted on the other side or not).
          expect(result, `seed ${seed} ${id}`).toBeDefined();
          if (result === undefined) continue;
          for (const field of ['title', 'status', 'trashedAt'] as const) {
            if (was !== undefined && canonical(was[field]) === canonical(edited[field])) continue;
            if (canonical(result[field]) === canonical(edited[field])) continue;
            if (field === 'trashedAt' && report?.restored === 'from-trash') continue;
            const lost = report?.superseded.find((s) => s.field === field);
            expect(lost, `seed ${seed} ${id} ${field}`).toBeDefined();
            expect(canonical(lost?.dropped), `seed ${seed} ${id} ${field}`).toBe(canonical(edited[field]));
            expect(Date.parse(lost?.keptAt ?? '') >= Date.parse(lost?.droppedAt ?? ''), `seed ${seed}`).toBe(true);
          }
        }
  });

  it('keeps every highlight a side added or edited (an edit beats a deletion)', () => {
    for (const { seed, base, ours, theirs, merged } of ALL)
      for (const side of [ours, theirs])
        for (const [id, content] of side.contents) {
          const was = base.contents.get(id)?.annotations ?? [];
          for (const a of content.annotations) {
            const before = was.find((w) => w.id === a.id);
            if (before !== undefined && canonical(before) === canonical(a)) continue;
            const kept = merged.library.contents.get(id)?.annotations.find((m) => m.id === a.id);
            expect(kept, `seed ${seed} ${id} ${a.id}`).toBeDefined();
            // Its color as this side left it, or superseded by a later edit of the color (and reported).
            if (kept === undefined || kept.color === a.color || (before !== undefined && before.color === a.color))
              continue;
            const lost = merged.report.papers
              .find((p) => p.id === id)
              ?.superseded.find((x) => x.field === `highlight ${a.id} color`);
            expect(lost?.dropped, `seed ${seed} ${id} ${a.id}`).toBe(a.color);
          }
        }
  });

  it('loses no line of a note: every line either side added is in the merged note', () => {
    for (const { seed, base, ours, theirs, merged } of ALL) {
      for (const side of [ours, theirs])
        for (const [id, content] of side.contents) {
          const before = new Set(base.records.has(id) ? lines(base.contents.get(id)?.note) : []);
          const result = lines(merged.library.contents.get(id)?.note);
          for (const line of lines(content.note))
            if (!before.has(line) && line.trim() !== '') expect(result, `seed ${seed} ${id}`).toContain(line);
        }
    }
  });

  it('meets every rule often enough to test it (the generator is not too tame)', () => {
    const reported = (test: (p: LibraryMerge['report']['papers'][number]) => boolean) =>
      ALL.filter((c) => c.merged.report.papers.some(test)).length;
    expect(reported((p) => p.noteConflicts > 0)).toBeGreaterThan(RUNS / 50);
    expect(reported((p) => p.restored === 'from-trash')).toBeGreaterThan(RUNS / 20);
    expect(reported((p) => p.restored === 'from-deletion')).toBeGreaterThan(RUNS / 20);
    expect(reported((p) => p.superseded.length > 0)).toBeGreaterThan(RUNS / 4);
    expect(reported((p) => p.keptOverDeletion.length > 0)).toBeGreaterThan(RUNS / 100);
    expect(ALL.filter((c) => c.merged.report.other.length > 0).length).toBeGreaterThan(RUNS / 100);
  });
});
