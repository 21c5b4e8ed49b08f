import { describe, expect, it } from 'vitest';
import { AppOpenSchema } from '../../../../shared/ipc/contract.js';
import { makePdf } from '../../../../tests/helpers/make-pdf.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';
import { handleAppOpen } from './app-open.js';

const open = (raw: unknown) => AppOpenSchema.parse(raw);

describe('what the OS hands the desktop app', () => {
  it('opens the paper a margin:// link names', async () => {
    const { store, main } = await storeOnLibrary(3);
    const [, id] = await main.session.library.papers.list({});
    await handleAppOpen(store.getState(), open({ kind: 'paper', id: id?.id }));
    expect(store.getState().paper?.id).toBe(id?.id);
  });

  it('opens a .bib file in the import preview, importing nothing yet', async () => {
    const { store, main } = await storeOnLibrary(0);
    const bib = '@article{vaswani2017, title={Attention Is All You Need}, author={Vaswani, Ashish}, year={2017}}';
    await handleAppOpen(
      store.getState(),
      open({ kind: 'import', fileName: 'refs.bib', bytes: new TextEncoder().encode(bib) }),
    );
    await settle();
    expect(store.getState()).toMatchObject({ dialog: 'import', importText: bib, importFileName: 'refs.bib' });
    expect(main.calls).not.toContain('import:run');
  });

  it('attaches a PDF to the open paper, as a drop does', async () => {
    const { store, main } = await storeOnLibrary(1);
    const [paper] = await main.session.library.papers.list({});
    await store.getState().openPaper(paper?.id ?? '');
    const bytes = await makePdf([['Hello']]);
    await handleAppOpen(store.getState(), open({ kind: 'attach', fileName: 'paper.pdf', bytes }));
    expect(main.calls).toContain('attachments:add');
    expect(store.getState().toast).toBe('Attached paper.pdf.');
  });

  it('says why a file could not be opened', async () => {
    const { store } = await storeOnLibrary(0);
    await handleAppOpen(store.getState(), open({ kind: 'error', message: 'Margin could not open x.bib (ENOENT).' }));
    expect(store.getState().toast).toBe('Margin could not open x.bib (ENOENT).');
  });
});
