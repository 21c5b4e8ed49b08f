import { describe, expect, it } from 'vitest';
import { stampFieldTimes } from '../../../../electron/library/storage/field-times.js';
import { EMPTY_LIBRARY, type LibraryState } from '../../../../electron/library/sync/library-state.js';
import { mergeLibraries } from '../../../../electron/library/sync/merge-libraries.js';
import type { PaperRecord } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';

const at = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`;
const library = (...records: PaperRecord[]): LibraryState => ({
  ...EMPTY_LIBRARY,
  records: new Map(records.map((r) => [r.id, r])),
});
/** An edit as the store writes it: the record's time moves, the changed fields are stamped. */
const edit = (record: PaperRecord, minute: number, patch: Partial<PaperRecord>): PaperRecord =>
  stampFieldTimes(record, { ...record, ...patch, updatedAt: at(minute) });

describe('field times', () => {
  it('stamp only the fields a write changed, and leave a time the writer set', () => {
    const base = paperRecord('paper0001', { updatedAt: at(0) });
    const read = edit(base, 1, { status: 'read' });
    expect(read.fieldTimes).toEqual({ status: at(1) });
    const tagged = edit(read, 5, { tags: ['x'] });
    expect(tagged.fieldTimes).toEqual({ status: at(1) });
    const merged = stampFieldTimes(tagged, { ...tagged, status: 'reading', fieldTimes: { status: at(3) } });
    expect(merged.fieldTimes).toEqual({ status: at(3) });
    expect(stampFieldTimes(undefined, base)).toBe(base);
  });

  // Found by the acceptance test over HTTP (seed 20): a status set earlier on one machine beat a later one from
  // another, because an edit of another field (a merge of duplicates) had moved the paper's time past it.
  it('keep the later edit of a field by its own time, not by when the paper last changed', () => {
    const base = paperRecord('paper0001', { status: 'inbox', updatedAt: at(0) });
    const ours = edit(edit(base, 1, { status: 'read' }), 9, { title: 'Retitled' });
    const theirs = edit(base, 5, { status: 'reading' });

    for (const [a, b] of [
      [ours, theirs],
      [theirs, ours],
    ] as const) {
      const { library: merged, report } = mergeLibraries(library(base), library(a), library(b));
      const record = merged.records.get('paper0001');
      expect(record).toMatchObject({ status: 'reading', title: 'Retitled', updatedAt: at(9) });
      expect(record?.fieldTimes).toEqual({ status: at(5), title: at(9) });
      expect(report.papers[0]?.superseded).toEqual([
        { field: 'status', kept: 'reading', keptAt: at(5), dropped: 'read', droppedAt: at(1) },
      ]);
    }
  });

  it('fall back to the paper’s time for records written before field times', () => {
    const base = paperRecord('paper0001', { status: 'inbox', updatedAt: at(0) });
    const ours = { ...base, status: 'read' as const, updatedAt: at(7) };
    const theirs = edit(base, 5, { status: 'reading' });
    const { library: merged } = mergeLibraries(library(base), library(ours), library(theirs));
    expect(merged.records.get('paper0001')?.status).toBe('read');
    expect(merged.records.get('paper0001')?.fieldTimes).toEqual({ status: at(7) });
  });
});
