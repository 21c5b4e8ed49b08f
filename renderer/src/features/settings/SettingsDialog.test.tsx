// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStore } from '../../testing/render-with-store.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';
import { SettingsDialog } from './SettingsDialog.js';

afterEach(cleanup);

describe('SettingsDialog', () => {
  it('shows the library in use and that settings belong to the desktop app where none are kept', async () => {
    const { store, main } = await storeOnLibrary(0);
    renderWithStore(store, <SettingsDialog />);
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(screen.getByRole('dialog', { name: 'Settings' }).textContent).toContain(main.session.library.dir);
    expect(screen.getByText('Settings are kept by the desktop app.')).toBeTruthy();
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Follow the system' }).checked).toBe(true);
    expect(screen.getByRole('radio', { name: 'Dark' }).closest('fieldset')?.disabled).toBe(true);
  });

  it('asks for the theme chosen where settings are kept', async () => {
    const { store } = await storeOnLibrary(0);
    // As the desktop app's main would answer: settings that can be changed.
    store.setState({
      settings: {
        theme: 'system',
        exportFolder: null,
        libraryFolder: null,
        syncEveryMinutes: null,
        sharedPdfFolder: null,
        libraryInUse: '/lib',
        editable: true,
        notice: null,
      },
    });
    const calls: string[] = [];
    store.setState({
      setTheme: (theme) => {
        calls.push(theme);
        return Promise.resolve();
      },
      loadSettings: () => Promise.resolve(),
    });
    renderWithStore(store, <SettingsDialog />);
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(calls).toEqual(['dark']);
  });

  it('shows the shared PDF folder, and asks main to choose or forget it (the page names no path)', async () => {
    const { store } = await storeOnLibrary(0);
    const calls: string[] = [];
    store.setState({
      settings: {
        theme: 'system',
        exportFolder: null,
        libraryFolder: null,
        syncEveryMinutes: null,
        sharedPdfFolder: '/mnt/nas/margin-pdfs',
        libraryInUse: '/lib',
        editable: true,
        notice: null,
      },
      loadSettings: () => Promise.resolve(),
      chooseSettingsFolder: (folder) => {
        calls.push(`choose ${folder}`);
        return Promise.resolve();
      },
      forgetSharedPdfFolder: () => {
        calls.push('forget');
        return Promise.resolve();
      },
    });
    renderWithStore(store, <SettingsDialog />);
    const group = screen.getByRole('group', { name: 'Shared PDF folder' });
    expect(group.textContent).toContain('/mnt/nas/margin-pdfs');
    fireEvent.click(screen.getByRole('button', { name: 'Choose shared PDF folder…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Stop sharing PDFs' }));
    expect(calls).toEqual(['choose sharedPdfs', 'forget']);
  });
});
