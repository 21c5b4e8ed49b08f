// The native open dialogs main shows: every path the app writes to or reads from comes from one of these.
import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

/** Show an open dialog over the focused window; the chosen path, or null when the user cancels. */
async function pick(options: OpenDialogOptions): Promise<string | null> {
  const parent = BrowserWindow.getFocusedWindow();
  const picked = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

/** A folder (created on request), under the dialog's title. */
export const pickFolder = (title: string): Promise<string | null> =>
  pick({ title, properties: ['openDirectory', 'createDirectory'] });

/** A PDF to attach. */
export const pickPdf = (): Promise<string | null> =>
  pick({ title: 'Attach a PDF', filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['openFile'] });
