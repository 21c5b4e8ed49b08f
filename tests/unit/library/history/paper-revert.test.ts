import { describe, expect, it } from 'vitest';
import { revertPaper, type PaperChange } from '../../../../electron/library/history/paper-revert.js';
import { EMPTY_CONTENT, type Annotation, type PaperContent } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';

const NOW = '2026-11-27T10:00:00.000Z';

function highlight(id: string, comment = ''): Annotation {
  return {
    id,
    start: 0,
    end: 4,
    quote: 'Some',
    prefix: '',
    suffix: '',
    abstractHash: 'h',
    color: 'yellow',
    comment,
    state: 'anchored',
    pdf: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe('taking one paper back from an edit', () => {
  it('takes off the tags a step added and puts back those it removed, leaving tags added since', () => {
    const before = paperRecord('paper0001', { tags: ['old', 'gone'] });
    const after = paperRecord('paper0001', { tags: ['old', 'new'] });
    const current = paperRecord('paper0001', { tags: ['old', 'new', 'later'] });
    const result = revertPaper({ record: current, content: undefined }, { record: { before, after } }, 'undo', NOW);
    expect(result.outcome.kind === 'write' && result.outcome.record.tags).toEqual(['old', 'later', 'gone']);
    expect(result.kept).toEqual([]);
  });

  it('keeps a field changed since and names it; redo after that does the same the other way', () => {
    const before = paperRecord('paper0001', { status: 'inbox', doi: null });
    const after = paperRecord('paper0001', { status: 'read', doi: '10.1/x' });
    const current = paperRecord('paper0001', { status: 'archived', doi: '10.1/x' });
    const undo = revertPaper({ record: current, content: undefined }, { record: { before, after } }, 'undo', NOW);
    expect(undo.outcome.kind === 'write' && [undo.outcome.record.status, undo.outcome.record.doi]).toEqual([
      'archived',
      null,
    ]);
    expect(undo.kept).toEqual(['“Title paper0001”: its status was changed since']);
    const undone = undo.outcome.kind === 'write' ? undo.outcome.record : current;
    const redo = revertPaper({ record: undone, content: undefined }, { record: { before, after } }, 'redo', NOW);
    expect(redo.outcome.kind === 'write' && redo.outcome.record.doi).toBe('10.1/x');
    expect(redo.kept).toEqual(['“Title paper0001”: its status was changed since']);
  });

  it('removes a paper the step created, even after background completion filled it in', () => {
    const created = paperRecord('paper0001', { title: 'arXiv:2401.00001' });
    const completed = { ...created, title: 'A Real Title', authors: ['A. Author'] };
    const change: PaperChange = {
      record: { before: undefined, after: created },
      content: { before: undefined, after: EMPTY_CONTENT },
    };
    const withAbstract: PaperContent = { ...EMPTY_CONTENT, abstract: 'Completed in the background.' };
    const result = revertPaper({ record: completed, content: withAbstract }, change, 'undo', NOW);
    expect(result.outcome.kind).toBe('delete');
  });

  it('keeps a created paper the user worked on, and says so', () => {
    const created = paperRecord('paper0001', { title: 'Kept Paper' });
    const change: PaperChange = {
      record: { before: undefined, after: created },
      content: { before: undefined, after: EMPTY_CONTENT },
    };
    const noted: PaperContent = { ...EMPTY_CONTENT, note: { text: 'mine', updatedAt: NOW } };
    const result = revertPaper({ record: created, content: noted }, change, 'undo', NOW);
    expect(result.outcome.kind).toBe('unchanged');
    expect(result.kept).toEqual(['“Kept Paper” was changed since, so it stays']);
  });

  it('takes back one highlight by id, keeping others and one edited since', () => {
    const record = paperRecord('paper0001', { annotationCount: 2 });
    const before: PaperContent = { ...EMPTY_CONTENT, annotations: [highlight('h1')] };
    const after: PaperContent = { ...EMPTY_CONTENT, annotations: [highlight('h1', 'edited'), highlight('h2')] };
    const current: PaperContent = {
      ...EMPTY_CONTENT,
      annotations: [highlight('h1', 'edited again'), highlight('h2'), highlight('h3')],
    };
    const result = revertPaper({ record, content: current }, { content: { before, after } }, 'undo', NOW);
    expect(
      result.outcome.kind === 'write' && result.outcome.content?.annotations.map((a) => [a.id, a.comment]),
    ).toEqual([
      ['h1', 'edited again'],
      ['h3', ''],
    ]);
    expect(result.outcome.kind === 'write' && result.outcome.record.annotationCount).toBe(2);
    expect(result.kept).toEqual(['“Title paper0001”: a highlight was changed since']);
  });
});
