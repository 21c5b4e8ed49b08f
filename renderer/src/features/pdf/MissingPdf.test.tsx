// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { losePdf } from '../../../../tests/helpers/lose-pdf.js';
import { tempDir } from '../../../../tests/helpers/temp-dir.js';
import { makePdf } from '../../../../tests/helpers/make-pdf.js';
import { importPapers } from '../../../../tests/helpers/sync-lab.js';
import { renderWithStore } from '../../testing/render-with-store.js';
import { settle, storeOnLibrary } from '../../testing/store-on-library.js';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useMargin } from '../../store/use-margin.js';
import { PdfShelf } from './PdfShelf.js';

afterEach(cleanup);

/** The shelf wired as the reader wires it (the reader itself loads pdf.js, which jsdom cannot run). */
function Shelf() {
  const s = useMargin(
    useShallow((st) => ({
      paper: st.paper,
      where: st.pdfWhereabouts,
      locate: st.locatePdfs,
      download: st.downloadPdf,
    })),
  );
  const { locate } = s;
  const attachments = s.paper?.attachments;
  useEffect(() => void locate(), [locate, attachments]);
  if (!s.paper) return null;
  return (
    <PdfShelf
      paper={s.paper}
      where={s.where}
      loading={false}
      error={null}
      onOpen={() => undefined}
      onAttach={() => undefined}
      onDownload={() => void s.download()}
    />
  );
}

/** A library whose one arXiv paper lists a PDF that is not on disk, as a paper received by sync does. */
async function paperWithMissingPdf() {
  const { store, main } = await storeOnLibrary(0);
  const library = main.session.library;
  await importPapers(library, ['2401.10000']);
  const [paper] = await library.papers.records();
  if (!paper) throw new Error('no paper');
  const { attachment } = await library.attachments.attach(paper.id, { bytes: await makePdf([['a']]) }, 'paper.pdf');
  await library.attachments.idle();
  await losePdf(library.dir, attachment.sha256);
  await act(() => store.getState().openPaper(paper.id));
  return { store, main, library };
}

describe('a PDF that is not on this machine', () => {
  it('is said to be missing, with what Margin did and what can be done; Download from arXiv queues it', async () => {
    const { store, main, library } = await paperWithMissingPdf();
    renderWithStore(store, <Shelf />);
    await act(settle);

    const region = screen.getByRole('region', { name: 'This PDF is not on this machine yet' });
    expect(region.textContent).toContain('paper.pdf');
    expect(region.textContent).toContain('Name a shared PDF folder in Settings');
    expect(screen.queryByRole('button', { name: /Read PDF/ })).toBeNull();
    fireEvent.click(within(region).getByRole('button', { name: 'Download from arXiv' }));
    await act(settle);

    expect(main.calls).toContain('downloads:enqueue');
    expect(await library.downloads.status()).toMatchObject({ waiting: 1 });
  });

  it('says Margin looked in the shared PDF folder when one is set, and why it could not use what it found', async () => {
    const { store, library } = await paperWithMissingPdf();
    const shared = await tempDir('margin-shared-');
    library.attachments.shared.use(() => Promise.resolve(shared));
    renderWithStore(store, <Shelf />);
    await act(settle);
    const region = () => screen.getByRole('region', { name: 'This PDF is not on this machine yet' });
    expect(region().textContent).toContain(`Margin looked in the shared PDF folder (${shared}); it is not there yet.`);

    cleanup();
    library.attachments.shared.use(() => Promise.resolve('/mnt/nas/margin-pdfs-away'));
    await act(() => store.getState().locatePdfs());
    renderWithStore(store, <Shelf />);
    await act(settle);
    expect(region().textContent).toContain('could not use what it found:');
    expect(region().textContent).toContain('Shared PDF folder /mnt/nas/margin-pdfs-away: cannot be reached (ENOENT)');
  });
});
