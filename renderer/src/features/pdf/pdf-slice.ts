import type { z } from 'zod';
import type { CONTRACT } from '../../../../shared/ipc/contract.js';
import { MAX_UPLOAD_BYTES } from '../../../../shared/limits.js';
import type { Attachment } from '../../../../shared/models/paper.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

/** The PDF shown in the reader instead of the abstract. */
export interface OpenPdf {
  readonly paperId: string;
  readonly attachment: Attachment;
  readonly bytes: Uint8Array;
}

/** Which of a paper's PDFs are not on this machine (received by sync: PDFs do not go through git), and where Margin looked. */
export type PdfWhereabouts = z.output<(typeof CONTRACT)['attachments:locate']['response']> & {
  readonly paperId: string;
};

/** One stored PDF with its size and the papers that have it. */
export type StoredPdf = z.output<(typeof CONTRACT)['attachments:stored']['response']>[number];

export interface PdfSlice {
  readonly pdf: OpenPdf | null;
  readonly pdfLoading: boolean;
  readonly pdfError: string | null;
  /** Where the open paper's PDFs are; null until asked, or for a paper without PDFs. */
  readonly pdfWhereabouts: PdfWhereabouts | null;
  /** Ask main which of the open paper's PDFs are missing here (it looks in the shared PDF folder first). */
  locatePdfs(): Promise<void>;
  /** Every stored PDF, for the Storage view; null until loaded. */
  readonly storedPdfs: readonly StoredPdf[] | null;
  loadStoredPdfs(): Promise<void>;
  /** Read one of the open paper's PDFs in the reader. */
  openPdf(attachment: Attachment): Promise<void>;
  closePdf(): void;
  /** Keep a PDF the user dropped or chose with the open paper. */
  attachPdf(file: File): Promise<void>;
  /** Fetch the open paper's PDF from arXiv (in main, politely, one at a time); it appears when it is in. */
  downloadPdf(): Promise<void>;
  /** Remember the page shown (the reader calls this as the user scrolls, a beat after they stop). */
  savePdfPage(page: number, pages: number): Promise<void>;
}

export const createPdfSlice: SliceCreator<PdfSlice> = (api) => (set, get) => {
  /** A PDF dropped with no paper open becomes a paper (or finds the one it is), which then opens. */
  async function addAsPaper(file: File): Promise<void> {
    try {
      const data = toBase64(new Uint8Array(await file.arrayBuffer()));
      const { paperId, outcome } = await api.call('attachments:addAsPaper', { fileName: file.name, data });
      await get().openPaper(paperId);
      const title = get().paper?.title ?? file.name;
      get().showToast(
        outcome === 'added'
          ? `Added “${title.slice(0, 60)}” from the PDF.`
          : `The PDF went to “${title.slice(0, 60)}”.`,
      );
    } catch (error) {
      get().showToast(describeError(error));
    }
  }
  return {
    pdf: null,
    pdfLoading: false,
    pdfError: null,
    pdfWhereabouts: null,
    storedPdfs: null,
    async locatePdfs() {
      const paper = get().paper;
      if (!paper || paper.attachments.length === 0) {
        if (get().pdfWhereabouts !== null) set({ pdfWhereabouts: null });
        return;
      }
      try {
        const where = await api.call('attachments:locate', { paperId: paper.id });
        if (get().paper?.id === paper.id) set({ pdfWhereabouts: { paperId: paper.id, ...where } });
      } catch (error) {
        set({ pdfError: describeError(error) });
      }
    },
    async loadStoredPdfs() {
      try {
        set({ storedPdfs: await api.call('attachments:stored', {}), pdfError: null });
      } catch (error) {
        set({ pdfError: describeError(error) });
      }
    },
    async openPdf(attachment) {
      const paper = get().paper;
      if (!paper) return;
      set({ pdfLoading: true, pdfError: null });
      try {
        const bytes = await api.readAttachment(paper.id, attachment.sha256);
        if (get().paper?.id === paper.id) set({ pdf: { paperId: paper.id, attachment, bytes }, pdfLoading: false });
      } catch (error) {
        set({ pdfError: describeError(error), pdfLoading: false });
      }
    },
    closePdf: () => set({ pdf: null, pdfError: null }),
    async attachPdf(file) {
      const paper = get().paper;
      if (file.size > MAX_UPLOAD_BYTES) {
        set({
          pdfError: `${file.name} is larger than ${MAX_UPLOAD_BYTES / 1048576} MB: attach it with margin attach <id> <file>.`,
        });
        return;
      }
      if (!paper) return addAsPaper(file);
      try {
        const data = toBase64(new Uint8Array(await file.arrayBuffer()));
        const { outcome, attachment } = await api.call('attachments:add', {
          paperId: paper.id,
          fileName: file.name,
          data,
        });
        set({ pdfError: null });
        get().showToast(
          outcome === 'attached' ? `Attached ${attachment.fileName}.` : `${attachment.fileName} is already attached.`,
        );
      } catch (error) {
        set({ pdfError: describeError(error) });
      }
    },
    async downloadPdf() {
      const paper = get().paper;
      if (!paper) return;
      try {
        const [result] = await api.call('downloads:enqueue', { ids: [paper.id] });
        const status = await api.call('downloads:status', {});
        get().showToast(
          result?.outcome === 'no-arxiv-id'
            ? 'This paper has no arXiv id, so there is no PDF to download; attach one instead.'
            : status.online
              ? 'Downloading the PDF from arXiv…'
              : 'Offline: the PDF is queued and downloads when Margin is next online.',
        );
      } catch (error) {
        set({ pdfError: describeError(error) });
      }
    },
    async savePdfPage(page, pages) {
      const open = get().pdf;
      if (!open) return;
      try {
        await api.call('papers:setReading', {
          paperId: open.paperId,
          position: { sha256: open.attachment.sha256, page, pages },
        });
      } catch (error) {
        set({ pdfError: describeError(error) });
      }
    },
  };
};

/** Bytes as base64, in pieces (a spread of a whole PDF would overflow the call stack). */
function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + 0x8000, bytes.length)));
  return btoa(binary);
}
