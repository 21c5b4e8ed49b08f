import type { Handlers } from '../../../shared/ipc/contract.js';
import type { Library } from '../library.js';
import { LibraryError } from '../storage/errors.js';

/** Asks the user for a PDF to attach (the app: a native dialog in main); null when they cancel. */
export type PdfPicker = () => Promise<string | null>;

export function createAttachmentHandlers(
  library: Library,
  pickPdf: PdfPicker | undefined,
): Pick<
  Handlers,
  | 'attachments:add'
  | 'attachments:addAsPaper'
  | 'attachments:choose'
  | 'attachments:stored'
  | 'downloads:enqueue'
  | 'downloads:status'
> {
  return {
    'attachments:add': async ({ paperId, fileName, data }) =>
      library.attachments.attach(paperId, { bytes: Buffer.from(data, 'base64') }, fileName),
    'attachments:addAsPaper': async ({ fileName, data }) =>
      library.attachments.addAsPaper({ bytes: Buffer.from(data, 'base64') }, fileName),
    'attachments:choose': async ({ paperId }) => {
      if (!pickPdf)
        throw new LibraryError(
          'unsupported',
          'choosing a file needs the desktop app; drop the PDF on the paper instead',
        );
      const file = await pickPdf();
      return file === null ? null : library.attachments.attach(paperId, { file }, file);
    },
    'downloads:enqueue': async ({ ids }) => {
      const queued = await library.downloads.enqueue(ids);
      void library.downloads.run().catch(() => undefined);
      return queued;
    },
    'downloads:status': async () => {
      const status = await library.downloads.status();
      return { ...status, failed: status.failed.map((f) => ({ paperId: f.paperId, error: f.error })) };
    },
    'attachments:stored': async () =>
      (await library.attachments.stored()).map((s) => ({ ...s, papers: [...s.papers] })),
  };
}
