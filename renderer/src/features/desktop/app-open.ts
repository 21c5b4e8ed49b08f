import { assertNever } from '../../../../shared/assert-never.js';
import type { AppOpen } from '../../../../shared/ipc/contract.js';
import type { MarginState } from '../../store/store-types.js';
import { importSeedFromBytes } from '../import/use-import-gestures.js';

/** The store actions an open request uses. */
export type AppOpenActions = Pick<MarginState, 'openPaper' | 'openImport' | 'attachPdf' | 'showToast'>;

/**
 * Act on what the OS asked the desktop app to open, as the same gesture in the window would: a margin:// link
 * opens the paper, a .bib or .ris file opens the import preview (nothing is imported until confirmed), a PDF is
 * attached as a dropped one is (to the open paper, else it becomes one).
 */
export async function handleAppOpen(state: AppOpenActions, request: AppOpen): Promise<void> {
  switch (request.kind) {
    case 'paper':
      return state.openPaper(request.id);
    case 'import':
      return state.openImport(importSeedFromBytes(request.bytes, request.fileName));
    case 'attach':
      // Copied into a File as a drop gives one; the slice reads it back as bytes.
      return state.attachPdf(new File([request.bytes], request.fileName, { type: 'application/pdf' }));
    case 'error':
      return state.showToast(request.message);
    default:
      return assertNever(request);
  }
}
