import { describe, expect, it } from 'vitest';
import { makePdf } from '../../../../tests/helpers/make-pdf.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';

describe('annotation slice', () => {
  it('highlights a passage of a PDF page and quotes it into the note with its page', async () => {
    const { store, main } = await storeOnLibrary(1);
    await store.getState().setView({ kind: 'all' });
    await settle();
    const paper = store.getState().paper;
    if (!paper) throw new Error('no paper open');
    const pdf = await makePdf([['one'], ['Two is the page with the passage.']]);
    const { attachment } = await main.session.library.attachments.attach(paper.id, { bytes: pdf }, 'p.pdf');
    await settle();
    const pageText = 'Two is the page with the passage.';
    await store.getState().createPdfAnnotation({ sha256: attachment.sha256, page: 2, pageText, start: 11, end: 33 });
    const created = store.getState().paper?.annotations[0];
    expect(created).toMatchObject({ quote: 'page with the passage.', pdf: { page: 2 } });
    if (!created) throw new Error('no highlight');

    store.getState().editNote(paper.id, 'My thoughts.');
    store.getState().quoteIntoNote(created);
    await store.getState().flushNotes();
    expect((await main.session.library.papers.get(paper.id)).note?.text).toBe(
      'My thoughts.\n\n> page with the passage. (p. 2)\n',
    );
  });

  it('quotes a passage into the note as the abstract shows it: TeX markup as characters, formulas as TeX', async () => {
    const { store, main } = await storeOnLibrary(1);
    await store.getState().setView({ kind: 'all' });
    await settle();
    const paper = store.getState().paper;
    if (!paper) throw new Error('no paper open');
    const range = { start: 0, end: Math.min(10, (paper.abstract ?? '').length) };
    await store.getState().createAnnotation(range.start, range.end);
    const created = store.getState().paper?.annotations[0];
    if (!created) throw new Error('no highlight');
    store.getState().quoteIntoNote({ ...created, quote: "in 68\\% of {\\em caf\\'e} runs, $\\sum_i x_i$" });
    await store.getState().flushNotes();
    expect((await main.session.library.papers.get(paper.id)).note?.text).toBe('> in 68% of café runs, $\\sum_i x_i$\n');
  });
});
