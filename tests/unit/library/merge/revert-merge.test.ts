import { describe, expect, it } from 'vitest';
import { mergeEntry } from '../../../../electron/library/merge/merge-entry.js';
import { mergeChanges, revertChanges } from '../../../../electron/library/merge/revert-merge.js';
import { blankEntry } from '../../../../electron/library/paper/entry.js';
import type { ArxivId } from '../../../../electron/library/paper/identity.js';
import type { PaperContent } from '../../../../shared/models/paper.js';
import { paperRecord } from '../../../helpers/paper-record.js';

const NOW = '2026-11-27T10:00:00.000Z';
const record = paperRecord('attention2017', { title: 'Attention Is All You Need', authors: ['Ashish Vaswani'] });
const content: PaperContent = { abstract: null, note: null, annotations: [] };
const entry = {
  ...blankEntry({ format: 'arxiv', fileName: null, digestDate: null }, null),
  title: 'Attention Is All You Need',
  authors: ['Ashish Vaswani', 'Noam Shazeer'],
  arxivId: '1706.03762' as ArxivId, // a valid versionless id
  url: 'https://arxiv.org/abs/1706.03762',
  abstract: 'The dominant sequence transduction models…',
};

describe('taking back a merge', () => {
  it('puts back every field the merge filled', () => {
    const merged = mergeEntry(record, content, entry, [], NOW);
    const changes = mergeChanges({ record, content }, merged, merged.changed);
    expect(changes.map((c) => c.field)).toEqual(['arxivId', 'url', 'abstract']);
    const back = revertChanges(merged.record, merged.content, changes, NOW);
    expect(back.reverted).toEqual(['arxivId', 'url', 'abstract']);
    expect(back.record).toEqual({ ...record, updatedAt: NOW });
    expect(back.content).toEqual(content);
  });

  it('keeps a field that changed again since the merge', () => {
    const merged = mergeEntry(record, content, entry, [], NOW);
    const changes = mergeChanges({ record, content }, merged, merged.changed);
    const edited = { ...merged.record, url: 'https://example.org/attention' };
    const back = revertChanges(edited, merged.content, changes, NOW);
    expect(back.reverted).toEqual(['arxivId', 'abstract']);
    expect(back.record.url).toBe('https://example.org/attention');
    expect(back.record.arxivId).toBeNull();
  });
});
