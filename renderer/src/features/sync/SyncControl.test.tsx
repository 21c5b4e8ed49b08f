// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '../../../../shared/models/settings.js';
import { renderWithStore } from '../../testing/render-with-store.js';
import { storeOnLibrary } from '../../testing/store-on-library.js';
import { SyncControl } from './SyncControl.js';
import { SyncSettings } from './SyncSettings.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const settings = (syncEveryMinutes: number | null): SettingsView => ({
  theme: 'system',
  exportFolder: null,
  libraryFolder: null,
  syncEveryMinutes,
  sharedPdfFolder: null,
  libraryInUse: '/lib',
  editable: true,
  notice: null,
});

describe('SyncControl', () => {
  it('syncs when Sync is pressed, and every N minutes when Settings say so', async () => {
    const { store } = await storeOnLibrary(0);
    const runs: number[] = [];
    store.setState({
      settings: settings(5),
      syncStatus: {
        remote: '/r.git',
        running: false,
        last: { at: new Date().toISOString(), result: 'merged', sent: 3, received: 5 },
        error: null,
      },
      runSync: () => {
        runs.push(Date.now());
        return Promise.resolve();
      },
      loadSyncStatus: () => Promise.resolve(),
      loadSettings: () => Promise.resolve(),
    });
    vi.useFakeTimers();
    renderWithStore(store, <SyncControl />);
    expect(screen.getByRole('status').textContent).toBe('Synced just now · 3 changes sent, 5 received');
    fireEvent.click(screen.getByRole('button', { name: 'Sync' }));
    expect(runs).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(5 * 60_000));
    expect(runs).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toBe('Synced 5 min ago · 3 changes sent, 5 received');
    act(() => store.setState({ settings: settings(null) }));
    await act(() => vi.advanceTimersByTimeAsync(10 * 60_000));
    expect(runs).toHaveLength(2);
  });
});

describe('SyncSettings', () => {
  it('saves the remote and how often to sync', async () => {
    const { store } = await storeOnLibrary(0);
    const remotes: string[] = [];
    const every: (number | null)[] = [];
    store.setState({
      settings: settings(null),
      loadSyncStatus: () => Promise.resolve(),
      setSyncRemote: (url) => {
        remotes.push(url);
        return Promise.resolve();
      },
      setSyncEvery: (minutes) => {
        every.push(minutes);
        return Promise.resolve();
      },
    });
    renderWithStore(store, <SyncSettings />);
    fireEvent.change(screen.getByLabelText('Remote URL'), { target: { value: ' git@lab:papers.git ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save remote' }));
    const minutes = screen.getByLabelText('Sync every N minutes (empty: only when asked)');
    fireEvent.change(minutes, { target: { value: '15' } });
    fireEvent.blur(minutes);
    fireEvent.change(minutes, { target: { value: '' } });
    fireEvent.blur(minutes);
    expect(remotes).toEqual(['git@lab:papers.git']);
    expect(every).toEqual([15, null]);
  });
});
