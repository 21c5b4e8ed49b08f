import type { Handlers } from '../../../shared/ipc/contract.js';
import type { Library } from '../library.js';
import { LibraryError } from '../storage/errors.js';
import { undoable } from './undoable.js';

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
  | 'attachments:locate'
> {
  return {
    'attachments:add': undoable(library.history, { label: () => 'PDF attachment' }, async (r) =>
      library.attachments.attach(r.paperId, { bytes: Buffer.from(r.data, 'base64') }, r.fileName),
    ),
    'attachments:addAsPaper': undoable(library.history, { label: () => 'PDF import' }, async (r) =>
      library.attachments.addAsPaper({ bytes: Buffer.from(r.data, 'base64') }, r.fileName),
    ),
    'attachments:choose': undoable(library.history, { label: () => 'PDF attachment' }, async ({ paperId }) => {
      if (!pickPdf)
        throw new LibraryError(
          'unsupported',
          'choosing a file needs the desktop app; drop the PDF on the paper instead',
        );
      const file = await pickPdf();
      return file === null ? null : library.attachments.attach(paperId, { file }, file);
    }),
    'downloads:enqueue': async ({ ids }) => {
      const queued = await library.downloads.enqueue(ids);
      void library.downloads.run().catch(() => undefined);
      return queued;
    },
    'downloads:status': async () => {
      const status = await library.downloads.status();
      return { ...status, failed: status.failed.map((f) => ({ paperId: f.paperId, error: f.error })) };
    },
    'attachments:locate': async ({ paperId }) => {
      const where = await library.attachments.locate(paperId);
      return { missing: [...where.missing], sharedFolder: where.sharedFolder, refused: [...where.refused] };
    },
    'attachments:stored': async () =>
      (await library.attachments.stored()).map((s) => ({ ...s, papers: [...s.papers] })),
  };
}
