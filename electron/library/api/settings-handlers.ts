import type { Handlers } from '../../../shared/ipc/contract.js';
import type { SettingsView } from '../../../shared/models/settings.js';
import { checkSharedFolder } from '../attachments/shared-pdf-folder.js';
import type { SharedPdfs } from '../attachments/shared-pdfs.js';
import { memorySettings, type SettingsStore } from '../settings/settings-file.js';
import { LibraryError } from '../storage/errors.js';
import type { ExportFolders } from './export-folders.js';

export interface SettingsOptions {
  /** The app's settings file; without it (`margin serve`) settings last as long as the process and cannot be edited. */
  readonly settings?: SettingsStore;
  /** The export policy: a folder chosen for exports is chosen through it, so exports there are allowed. */
  readonly exportFolders?: ExportFolders;
  /** Asks for a library folder (the app's native dialog). */
  readonly pickLibraryFolder?: () => Promise<string | null>;
  /** Asks for the shared PDF folder (the app's native dialog). */
  readonly pickSharedPdfFolder?: () => Promise<string | null>;
  /** The open library's shared PDF folder: it follows the setting, and gets this machine's PDFs when one is set. */
  readonly sharedPdfs?: SharedPdfs;
  /** The library this run opened. */
  readonly libraryDir: string;
}

type SettingsChannel =
  | 'settings:get'
  | 'settings:setTheme'
  | 'settings:chooseFolder'
  | 'settings:setSyncEvery'
  | 'settings:forgetSharedPdfFolder';

/**
 * Settings over IPC. The page never names a path: folders come from main's native dialog, and the theme is one of
 * three words. Main applies the theme (it wraps the store); a library folder takes effect at the next start.
 */
export function createSettingsHandlers(options: SettingsOptions): Pick<Handlers, SettingsChannel> {
  const store = options.settings ?? memorySettings();
  const editable = options.settings !== undefined;
  // The library reads the folder from the settings each time, so a change here applies at once.
  options.sharedPdfs?.use(async () => (await store.get()).sharedPdfFolder);
  const view = async (): Promise<SettingsView> => {
    const settings = await store.get();
    return {
      theme: settings.theme,
      exportFolder: settings.exportFolder,
      libraryFolder: settings.libraryFolder,
      syncEveryMinutes: settings.syncEveryMinutes,
      sharedPdfFolder: settings.sharedPdfFolder,
      libraryInUse: options.libraryDir,
      editable,
      notice: store.notice(),
    };
  };
  const refuseUnlessEditable = () => {
    if (!editable) throw new LibraryError('unsupported', 'settings are kept by the desktop app');
  };
  return {
    'settings:get': view,
    'settings:setTheme': async ({ theme }) => {
      refuseUnlessEditable();
      await store.update({ theme });
      return view();
    },
    'settings:setSyncEvery': async ({ minutes }) => {
      refuseUnlessEditable();
      await store.update({ syncEveryMinutes: minutes });
      return view();
    },
    'settings:chooseFolder': async ({ folder }) => {
      refuseUnlessEditable();
      if (folder === 'export') {
        const chosen = await options.exportFolders?.choose();
        if (chosen) await store.update({ exportFolder: chosen });
      } else if (folder === 'sharedPdfs') {
        if (!options.pickSharedPdfFolder)
          throw new LibraryError('unsupported', 'the shared PDF folder is chosen in the app');
        const chosen = await options.pickSharedPdfFolder();
        if (chosen) {
          await store.update({ sharedPdfFolder: await checkSharedFolder(chosen, options.libraryDir) });
          // The PDFs already here go there too (in the background), so other machines can take them.
          void options.sharedPdfs?.offerAll().catch(() => undefined);
        }
      } else {
        if (!options.pickLibraryFolder)
          throw new LibraryError('unsupported', 'the library folder is chosen in the app');
        const chosen = await options.pickLibraryFolder();
        if (chosen) await store.update({ libraryFolder: chosen });
      }
      return view();
    },
    'settings:forgetSharedPdfFolder': async () => {
      refuseUnlessEditable();
      await store.update({ sharedPdfFolder: null });
      return view();
    },
  };
}
