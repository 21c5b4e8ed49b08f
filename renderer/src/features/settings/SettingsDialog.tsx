import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { THEMES, type Theme } from '../../../../shared/models/settings.js';
import { useMargin } from '../../store/use-margin.js';
import { Modal } from '../../ui/Modal.js';
import { SyncSettings } from '../sync/SyncSettings.js';

const THEME_LABELS: Readonly<Record<Theme, string>> = { system: 'Follow the system', light: 'Light', dark: 'Dark' };

/** The desktop app's settings: theme, where exports start, which library opens. Kept by main in settings.json. */
export function SettingsDialog() {
  const s = useMargin(
    useShallow((st) => ({
      settings: st.settings,
      error: st.settingsError,
      load: st.loadSettings,
      setTheme: st.setTheme,
      choose: st.chooseSettingsFolder,
      forgetShared: st.forgetSharedPdfFolder,
      close: st.closeDialog,
    })),
  );
  const load = s.load;
  useEffect(() => void load(), [load]);
  const view = s.settings;
  const disabled = view === null || !view.editable;
  return (
    <Modal title="Settings" onClose={s.close}>
      {s.error && (
        <p className="error" role="alert">
          {s.error}
        </p>
      )}
      {view?.notice && (
        <p className="error" role="alert">
          {view.notice}
        </p>
      )}
      {view && !view.editable && <p className="hint-text">Settings are kept by the desktop app.</p>}
      <fieldset className="settings-group" disabled={disabled}>
        <legend>Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="settings-choice">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={view?.theme === theme}
              onChange={() => void s.setTheme(theme)}
            />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-group" disabled={disabled}>
        <legend>Export folder</legend>
        <p className="settings-path">{view?.exportFolder ?? 'Documents/Margin (the default)'}</p>
        <button type="button" className="btn small" onClick={() => void s.choose('export')}>
          Choose export folder…
        </button>
      </fieldset>
      <fieldset className="settings-group" disabled={disabled}>
        <legend>Library folder</legend>
        <p className="settings-path">Open now: {view?.libraryInUse ?? '…'}</p>
        {view?.libraryFolder && view.libraryFolder !== view.libraryInUse && (
          <p className="hint-text">Margin opens {view.libraryFolder} from its next start.</p>
        )}
        <button type="button" className="btn small" onClick={() => void s.choose('library')}>
          Choose library folder…
        </button>
      </fieldset>
      <fieldset className="settings-group" disabled={disabled}>
        <legend>Shared PDF folder</legend>
        <p className="hint-text">
          PDFs do not sync through git. Name a folder every machine can reach (Dropbox, a NAS): Margin copies its PDFs
          there and takes the ones it lacks from it, checking each file’s SHA-256.
        </p>
        <p className="settings-path">{view?.sharedPdfFolder ?? 'None: missing PDFs are downloaded from arXiv'}</p>
        <button type="button" className="btn small" onClick={() => void s.choose('sharedPdfs')}>
          Choose shared PDF folder…
        </button>
        {view?.sharedPdfFolder && (
          <button type="button" className="btn small ghost" onClick={() => void s.forgetShared()}>
            Stop sharing PDFs
          </button>
        )}
      </fieldset>
      <SyncSettings />
    </Modal>
  );
}
