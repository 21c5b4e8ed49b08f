import type { About } from '../../../../shared/models/about.js';
import type { SettingsView, Theme } from '../../../../shared/models/settings.js';
import { describeError, type SliceCreator } from '../../store/store-types.js';

export interface SettingsSlice {
  /** The settings as main keeps them; null until the dialog first loads them. */
  readonly settings: SettingsView | null;
  readonly settingsError: string | null;
  loadSettings(): Promise<void>;
  /** Main applies the theme to the window (the page's `prefers-color-scheme` follows) and keeps it. */
  setTheme(theme: Theme): Promise<void>;
  /** Main asks for the folder in a native dialog; the page never names a path. */
  chooseSettingsFolder(folder: 'export' | 'library' | 'sharedPdfs'): Promise<void>;
  /** Stop sharing PDFs through a folder (the copies there stay). */
  forgetSharedPdfFolder(): Promise<void>;
  /** The About dialog's version and licences; null until loaded. */
  readonly about: About | null;
  readonly aboutError: string | null;
  loadAbout(): Promise<void>;
}

export const createSettingsSlice: SliceCreator<SettingsSlice> = (api) => (set) => {
  const load = async (call: () => Promise<SettingsView>) => {
    try {
      set({ settings: await call(), settingsError: null });
    } catch (error) {
      set({ settingsError: describeError(error) });
    }
  };
  return {
    settings: null,
    settingsError: null,
    loadSettings: () => load(() => api.call('settings:get', {})),
    setTheme: (theme) => load(() => api.call('settings:setTheme', { theme })),
    chooseSettingsFolder: (folder) => load(() => api.call('settings:chooseFolder', { folder })),
    forgetSharedPdfFolder: () => load(() => api.call('settings:forgetSharedPdfFolder', {})),
    about: null,
    aboutError: null,
    async loadAbout() {
      try {
        set({ about: await api.call('app:about', {}), aboutError: null });
      } catch (error) {
        set({ aboutError: describeError(error) });
      }
    },
  };
};
