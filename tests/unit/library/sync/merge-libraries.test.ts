import { describe, expect, it } from 'vitest';
import type { Annotation, PaperContent, PaperRecord } from '../../../../shared/models/paper.js';
import { EMPTY_LIBRARY, type LibraryState } from '../../../../electron/library/sync/library-state.js';
import { mergeLibraries } from '../../../../electron/library/sync/merge-libraries.js';
import { paperRecord } from '../../../helpers/paper-record.js';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-01-02T00:00:00.000Z';
const T2 = '2026-01-03T00:00:00.000Z';
const ID = 'paper0001';

function library(record: Partial<PaperRecord> | null, content: Partial<PaperContent> = {}): LibraryState {
  if (record === null) return EMPTY_LIBRARY;
  const full: PaperContent = { abstract: null, note: null, annotations: [], ...content };
  const counts = {
    annotationCount: full.annotations.length,
    hasNote: full.note !== null && full.note.text.trim() !== '',
  };
  return {
    ...EMPTY_LIBRARY,
    records: new Map([[ID, paperRecord(ID, { updatedAt: T0, ...counts, ...record })]]),
    contents: new Map([[ID, full]]),
  };
}

function highlight(id: string, parts: Partial<Annotation> = {}): Annotation {
  return {
    id,
    quote: 'q',
    prefix: '',
    suffix: '',
    start: 0,
    end: 1,
    abstractHash: 'h',
    color: 'yellow',
    comment: '',
    state: 'anchored',
    pdf: null,
    createdAt: T0,
    updatedAt: T0,
    ...parts,
  };
}

/** Merged both ways round: the two must agree, and the first is returned. */
function merge(base: LibraryState, ours: LibraryState, theirs: LibraryState) {
  const one = mergeLibraries(base, ours, theirs);
  expect(mergeLibraries(base, theirs, ours).library).toEqual(one.library);
  return one;
}

const record = (l: LibraryState) => l.records.get(ID);
const content = (l: LibraryState) => l.contents.get(ID);

describe('mergeLibraries', () => {
  it('takes a field changed on one side, and both sides changes to different fields', () => {
    const base = library({ status: 'inbox', title: 'Old' });
    const { library: merged, report } = merge(
      base,
      library({ status: 'reading', title: 'Old', updatedAt: T1 }),
      library({ status: 'inbox', title: 'New', updatedAt: T2 }),
    );
    expect(record(merged)).toMatchObject({ status: 'reading', title: 'New', updatedAt: T2 });
    expect(report.papers[0]?.superseded).toEqual([]);
  });

  it('keeps the later edit of a field both changed, and reports the other value', () => {
    const base = library({ status: 'inbox' });
    const { library: merged, report } = merge(
      base,
      library({ status: 'reading', updatedAt: T2 }),
      library({ status: 'read', updatedAt: T1 }),
    );
    expect(record(merged)?.status).toBe('reading');
    expect(report.papers[0]?.superseded).toEqual([
      { field: 'status', kept: 'reading', keptAt: T2, dropped: 'read', droppedAt: T1 },
    ]);
  });

  it('breaks a tie of times by value, the same on both machines', () => {
    const base = library({ status: 'inbox' });
    const a = library({ status: 'reading', updatedAt: T1 });
    const b = library({ status: 'read', updatedAt: T1 });
    expect(record(merge(base, a, b).library)?.status).toBe(record(merge(base, b, a).library)?.status);
  });

  it('merges tags as sets: adds and removes from both sides apply', () => {
    const base = library({ tags: ['a', 'b', 'c'] });
    const { library: merged } = merge(
      base,
      library({ tags: ['a', 'c', 'd'], updatedAt: T1 }), // removed b, added d
      library({ tags: ['b', 'c', 'e'], updatedAt: T2 }), // removed a, added e
    );
    expect(record(merged)?.tags).toEqual(['c', 'd', 'e']);
  });

  it('merges highlights by id: adds from both sides, an edit beats a deletion', () => {
    const base = library({}, { annotations: [highlight('h1'), highlight('h2')] });
    const { library: merged, report } = merge(
      base,
      library(
        { updatedAt: T1 },
        { annotations: [highlight('h2', { color: 'green', updatedAt: T1 }), highlight('h3')] },
      ),
      library({ updatedAt: T1 }, { annotations: [highlight('h1'), highlight('h4')] }),
    );
    expect(content(merged)?.annotations.map((a) => [a.id, a.color])).toEqual([
      ['h2', 'green'],
      ['h3', 'yellow'],
      ['h4', 'yellow'],
    ]);
    expect(record(merged)?.annotationCount).toBe(3);
    expect(report.papers[0]?.keptOverDeletion).toEqual(['h2']);
  });

  it('merges a note line by line, and keeps both versions of lines both changed, marked and reported', () => {
    const note = (text: string, updatedAt: string) => ({ note: { text, updatedAt } });
    const base = library({}, note('title\nfirst\nmiddle\nlast', T0));
    const { library: merged, report } = merge(
      base,
      library({}, note('title\nfirst, mine\nmiddle\nlast', T2)),
      library({}, note('title\nfirst, theirs\nmiddle\nlast\nadded', T1)),
    );
    expect(content(merged)?.note).toEqual({
      text: [
        'title',
        `<<<<<<< note as edited at ${T1}`,
        'first, theirs',
        '=======',
        'first, mine',
        `>>>>>>> note as edited at ${T2}`,
        'middle',
        'last',
        'added',
      ].join('\n'),
      updatedAt: T2,
    });
    expect(report.papers[0]?.noteConflicts).toBe(1);
  });

  it('brings a paper trashed on one side and edited on the other back, with the edit', () => {
    const base = library({ tags: [] });
    const { library: merged, report } = merge(
      base,
      library({ trashedAt: T1, updatedAt: T1 }),
      library({ tags: ['keep'], updatedAt: T2 }),
    );
    expect(record(merged)).toMatchObject({ trashedAt: null, tags: ['keep'] });
    expect(report.papers[0]?.restored).toBe('from-trash');
  });

  it('keeps a paper in the Trash when the other side did not touch it', () => {
    const { library: merged } = merge(library({}), library({ trashedAt: T1, updatedAt: T1 }), library({}));
    expect(record(merged)?.trashedAt).toBe(T1);
  });

  it('keeps a paper deleted for good on one side and edited on the other', () => {
    const { library: merged, report } = merge(library({}), library(null), library({ status: 'read', updatedAt: T1 }));
    expect(record(merged)?.status).toBe('read');
    expect(report.papers[0]?.restored).toBe('from-deletion');
  });

  it('deletes a paper deleted on one side and untouched on the other', () => {
    const { library: merged } = merge(library({}), library(null), library({}));
    expect(merged.records.size).toBe(0);
    expect(merged.contents.size).toBe(0);
  });

  it('merges a paper added on both sides with the same id against an empty ancestor', () => {
    const { library: merged, report } = merge(
      EMPTY_LIBRARY,
      library({ tags: ['a'], status: 'reading', updatedAt: T1 }, { note: { text: 'mine', updatedAt: T1 } }),
      library({ tags: ['b'], status: 'read', updatedAt: T2 }, { note: { text: 'theirs', updatedAt: T2 } }),
    );
    expect(record(merged)).toMatchObject({ tags: ['a', 'b'], status: 'read', hasNote: true });
    expect(content(merged)?.note?.text).toContain('mine');
    expect(content(merged)?.note?.text).toContain('theirs');
    expect(report.papers[0]?.superseded.map((s) => s.field)).toEqual(['status']);
  });

  it('merges the other synced sets: distinct pairs, saved searches, skipped papers, the watch list', () => {
    const base: LibraryState = {
      ...EMPTY_LIBRARY,
      distinct: [['a', 'b']],
      searches: [{ id: 's1', name: 'LLMs', query: 'llm' }],
      watch: { keywords: ['x'], authors: [], quickTags: [] },
    };
    const ours: LibraryState = {
      ...base,
      distinct: [
        ['a', 'b'],
        ['d', 'c'],
      ],
      searches: [{ id: 's1', name: 'LLMs', query: 'llm tag:read' }],
      watch: { keywords: ['x', 'y'], authors: [], quickTags: ['t'] },
    };
    const skip = { arxivId: '2401.00001', doi: null, titleKey: 't', title: 'T', skippedAt: T1 };
    const theirs: LibraryState = {
      ...base,
      distinct: [['c', 'd']],
      searches: [
        { id: 's1', name: 'Language models', query: 'llm' },
        { id: 's2', name: 'Vision', query: 'vision' },
      ],
      skipped: [skip],
      watch: { keywords: ['z'], authors: ['Kaiser'], quickTags: [] },
    };
    const { library: merged } = merge(base, ours, theirs);
    expect(merged.distinct).toEqual([['c', 'd']]);
    expect(merged.searches).toEqual([
      { id: 's1', name: 'Language models', query: 'llm tag:read' },
      { id: 's2', name: 'Vision', query: 'vision' },
    ]);
    expect(merged.skipped).toEqual([skip]);
    expect(merged.watch).toEqual({ keywords: ['y', 'z'], authors: ['Kaiser'], quickTags: ['t'] });
  });
});
