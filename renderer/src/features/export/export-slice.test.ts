import { describe, expect, it } from 'vitest';
import { editExportedNote, exportedNote, vaultFolder } from '../../../../tests/helpers/exported-note.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';

/** A library of one paper exported with a note, then the note edited on both sides on the same line. */
async function conflicted() {
  const { store, main } = await storeOnLibrary(1);
  const [paper] = await main.session.library.papers.list();
  if (!paper) throw new Error('no paper');
  const dir = await vaultFolder();
  await main.session.library.annotations.setNote(paper.id, 'Line A');
  await store.getState().runExport(dir, { kind: 'all' });
  await editExportedNote(dir, (text) => text.replace('Line A', 'Line A (mine)'));
  await main.session.library.annotations.setNote(paper.id, 'Line A (Margin)');
  await store.getState().runExport(dir, { kind: 'all' });
  return { store, dir, paperId: paper.id };
}

describe('export slice: conflicts', () => {
  it('lists the conflicts of an export with their merge questions, and merges one with the answers', async () => {
    const { store, dir, paperId } = await conflicted();
    const { name } = await exportedNote(dir);
    expect(store.getState().exportReport?.conflicts).toHaveLength(1);
    expect(store.getState().exportConflicts).toMatchObject([
      {
        paperId,
        file: name,
        merge: { questions: [{ part: 'note', mine: ['Line A (mine)'], margin: ['Line A (Margin)'] }] },
      },
    ]);

    await store.getState().resolveExportConflict(paperId, 'merge', ['both']);
    expect(store.getState().exportConflictMessage).toEqual({
      text: `Merged ${name}. Your version before it is kept as .margin-base/${paperId}.yours.md.`,
      error: false,
    });
    expect(store.getState().exportConflicts).toEqual([]);
    expect(store.getState().exportReport?.conflicts).toEqual([]);
    expect((await exportedNote(dir)).text).toContain('Line A (mine)\nLine A (Margin)');
  });

  it('says why when the file changed since the conflict was listed, writes nothing, and shows it as it is now', async () => {
    const { store, dir, paperId } = await conflicted();
    await editExportedNote(dir, (text) => text.replace('Line A (mine)', 'Line A (mine, again)'));
    const before = (await exportedNote(dir)).text;
    await store.getState().resolveExportConflict(paperId, 'take-margin');
    expect(store.getState().exportConflictMessage).toMatchObject({
      error: true,
      text: expect.stringMatching(/changed since the conflict was shown/),
    });
    expect((await exportedNote(dir)).text).toBe(before);
    expect(store.getState().exportConflicts[0]?.merge?.questions[0]?.mine).toEqual(['Line A (mine, again)']);
  });
});
