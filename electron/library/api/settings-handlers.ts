import type { Handlers } from '../../../shared/ipc/contract.js';
import type { SettingsView } from '../../../shared/models/settings.js';
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
  /** The library this run opened. */
  readonly libraryDir: string;
}

/**
 * Settings over IPC. The page never names a path: folders come from main's native dialog, and the theme is one of
 * three words. Main applies the theme (it wraps the store); a library folder takes effect at the next start.
 */
export function createSettingsHandlers(
  options: SettingsOptions,
): Pick<Handlers, 'settings:get' | 'settings:setTheme' | 'settings:chooseFolder' | 'settings:setSyncEvery'> {
  const store = options.settings ?? memorySettings();
  const editable = options.settings !== undefined;
  const view = async (): Promise<SettingsView> => {
    const settings = await store.get();
    return {
      theme: settings.theme,
      exportFolder: settings.exportFolder,
      libraryFolder: settings.libraryFolder,
      syncEveryMinutes: settings.syncEveryMinutes,
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
      } else {
        if (!options.pickLibraryFolder)
          throw new LibraryError('unsupported', 'the library folder is chosen in the app');
        const chosen = await options.pickLibraryFolder();
        if (chosen) await store.update({ libraryFolder: chosen });
      }
      return view();
    },
  };
}
