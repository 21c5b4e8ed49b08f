import { describe, expect, it } from 'vitest';
import { anchorAt, hashText, nthOccurrence, reanchor } from '../../../../electron/library/annotations/anchoring.js';
import { inTextOrder } from '../../../../shared/models/annotation-order.js';
import { Library } from '../../../../electron/library/library.js';
import type { Annotation } from '../../../../shared/models/paper.js';
import { fixedDeps } from '../../../helpers/fixed-deps.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const SHORT = 'We prune networks. Sparsity helps inference a lot. Results hold on ImageNet.';
const LONG =
  'Background: dense models are slow. We prune networks with a new schedule. Sparsity helps inference a lot, as we show. Results hold on ImageNet and COCO.';

function annotationOn(text: string, quote: string, occurrence = 1): Annotation {
  const range = nthOccurrence(text, quote, occurrence);
  if (!range) throw new Error(`no ${quote}`);
  return {
    id: 'h1',
    ...anchorAt(text, range.start, range.end),
    color: 'green',
    comment: '',
    state: 'anchored',
    pdf: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('re-anchoring highlights when the abstract changes', () => {
  it('keeps an annotation whose abstract did not change', () => {
    const a = annotationOn(SHORT, 'Sparsity helps inference');
    expect(reanchor(a, SHORT)).toBe(a);
  });

  it('finds the quote at its new offsets, choosing the occurrence whose context fits', () => {
    const text = 'Sparsity helps. Later: dense layers slow things down. Sparsity helps inference.';
    const a = annotationOn(text, 'Sparsity helps', 2);
    const moved = reanchor(a, `Intro. ${text}`);
    expect(moved).toMatchObject({
      state: 'anchored',
      pdf: null,
      start: a.start + 7,
      end: a.end + 7,
      quote: 'Sparsity helps',
      abstractHash: hashText(`Intro. ${text}`),
    });
  });

  it('finds a quote that changed a little (fuzzy match)', () => {
    const a = annotationOn(SHORT, 'Results hold on ImageNet');
    const edited = SHORT.replace('Results hold on ImageNet', 'Results held on ImageNet');
    const moved = reanchor(a, edited);
    expect(moved.state).toBe('anchored');
    expect(edited.slice(moved.start, moved.end)).toBe('Results held on ImageNet');
  });

  it('keeps a highlight whose text is gone, marked orphaned', () => {
    const a = annotationOn(SHORT, 'We prune networks.');
    const orphan = reanchor(a, 'An entirely different abstract about protein folding and molecules.');
    expect(orphan).toMatchObject({ id: 'h1', state: 'orphaned', quote: 'We prune networks.' });
  });

  it('orders highlights by position, orphans last', () => {
    const a = { ...annotationOn(SHORT, 'Results'), id: 'a' };
    const b = { ...annotationOn(SHORT, 'We prune'), id: 'b' };
    const c = { ...annotationOn(SHORT, 'Sparsity'), id: 'c', state: 'orphaned' as const };
    expect(inTextOrder([a, c, b]).map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });
});

describe('merging a longer abstract into an annotated paper', () => {
  it('moves highlights to the right offsets and keeps the one whose text vanished as orphaned', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    const { ids } = await library.imports.run({
      text: `Pruning With Schedules\n\n${SHORT}`,
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const id = ids[0] ?? '';
    const kept = await library.annotations.addQuote(id, 'Sparsity helps inference a lot', 1, 'green', 'the claim');
    const gone = await library.annotations.addQuote(id, 'Results hold on ImageNet.', 1, 'pink', 'only ImageNet?');
    await library.annotations.setNote(id, 'My note stays.');

    const fuller = LONG.replace('Results hold on ImageNet and COCO.', 'Evaluation covers COCO.');
    const report = await library.imports.run({
      text: `Pruning With Schedules\n\n${fuller}`,
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    expect(report).toMatchObject({ added: 0, merged: 1 });

    const paper = await library.papers.get(id);
    expect(paper.abstract).toBe(fuller);
    const moved = paper.annotations.find((a) => a.id === kept.id);
    expect(moved).toMatchObject({ state: 'anchored', comment: 'the claim' });
    expect(fuller.slice(moved?.start, moved?.end)).toBe('Sparsity helps inference a lot');
    expect(moved?.start).toBe(fuller.indexOf('Sparsity helps inference a lot'));
    expect(paper.annotations.find((a) => a.id === gone.id)).toMatchObject({
      state: 'orphaned',
      quote: 'Results hold on ImageNet.',
      comment: 'only ImageNet?',
    });
    expect(paper.note?.text).toBe('My note stays.');
    expect(paper.annotationCount).toBe(2);
    await library.close();
  });
});

describe('annotation edits', () => {
  it('creates, updates, deletes and restores highlights, and rejects ranges outside the abstract', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    const { ids } = await library.imports.run({
      text: `A Paper Title\n\n${SHORT}`,
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const id = ids[0] ?? '';
    const a = await library.annotations.add(id, { start: 0, end: 18, color: 'yellow', comment: '' });
    expect(a).toMatchObject({
      quote: 'We prune networks.',
      prefix: '',
      suffix: ' Sparsity helps inference a lot.',
      state: 'anchored',
      pdf: null,
    });
    expect(await library.annotations.update(id, a.id, { color: 'blue', comment: 'method' })).toMatchObject({
      color: 'blue',
      comment: 'method',
    });
    const removed = await library.annotations.remove(id, a.id);
    expect((await library.papers.get(id)).annotations).toEqual([]);
    await library.annotations.restore(id, removed);
    expect((await library.papers.get(id)).annotations).toEqual([
      expect.objectContaining({ id: a.id, color: 'blue', comment: 'method' }),
    ]);
    await expect(library.annotations.add(id, { start: 10, end: 500, color: 'yellow', comment: '' })).rejects.toThrow(
      /outside the abstract/,
    );
    await expect(library.annotations.addQuote(id, 'not there', 1, 'yellow', '')).rejects.toThrow(/does not occur/);
    await expect(library.annotations.addQuote(id, 'networks', 2, 'yellow', '')).rejects.toThrow(/occurs 1 time, not 2/);
    await library.close();
  });

  it('loses no edit when many land at once on the same paper', async () => {
    const dir = await tempDir();
    const library = await Library.open({ dir, mode: 'write', holder: 'test', deps: fixedDeps() });
    const { ids } = await library.imports.run({
      text: `A Paper Title\n\n${SHORT}`,
      format: 'digest',
      fileName: null,
      tags: [],
      dryRun: false,
    });
    const id = ids[0] ?? '';
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => library.papers.addTags(id, [`t${i}`])),
      ...Array.from({ length: 10 }, (_, i) =>
        library.annotations.add(id, { start: i, end: i + 5, color: 'yellow', comment: String(i) }),
      ),
    ]);
    const paper = await library.papers.get(id);
    expect(paper.tags).toHaveLength(10);
    expect(paper.annotations).toHaveLength(10);
    await library.close();
  });
});
