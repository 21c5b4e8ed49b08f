import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chosenLibraryFolder, libraryIn } from '../../../../electron/library/library-location.js';
import { createSettingsHandlers } from '../../../../electron/library/api/settings-handlers.js';
import { memorySettings, observedSettings, settingsFile } from '../../../../electron/library/settings/settings-file.js';
import { CONTRACT } from '../../../../shared/ipc/contract.js';
import { DEFAULT_SETTINGS, SettingsSchema, type Settings } from '../../../../shared/models/settings.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const NOW = () => new Date('2026-11-27T13:00:00.000Z');

describe('settings file', () => {
  it('starts from the defaults, keeps what is set, and reads it back in a new process', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    expect(await settingsFile(file, NOW).get()).toEqual(DEFAULT_SETTINGS);
    await settingsFile(file, NOW).update({ theme: 'dark', exportFolder: '/home/me/Notes' });
    const again = settingsFile(file, NOW);
    expect(await again.get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', exportFolder: '/home/me/Notes' });
    expect(again.notice()).toBeNull();
  });

  it('sets a damaged file aside byte for byte, never overwriting it, and says where it is', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'settings.json');
    const damagedFiles = ['{"version":1,"theme":"dar', '{"version":1,"theme":"sepia","exportFolder":null}'];
    for (const [i, damaged] of damagedFiles.entries()) {
      await writeFile(file, damaged);
      const store = settingsFile(file, NOW);
      expect(await store.get()).toEqual(DEFAULT_SETTINGS);
      const aside = path.join(dir, `settings.damaged-2026-11-27T13-00-00-000Z${i === 0 ? '' : '-2'}.json`);
      expect(await readFile(aside, 'utf8')).toBe(damaged);
      expect(store.notice()).toContain(aside);
      await store.update({ theme: 'light' });
      expect(await readFile(aside, 'utf8')).toBe(damaged);
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ theme: 'light' });
    }
    expect((await readdir(dir)).sort()).toEqual([
      'settings.damaged-2026-11-27T13-00-00-000Z-2.json',
      'settings.damaged-2026-11-27T13-00-00-000Z.json',
      'settings.json',
    ]);
  });

  it('keeps keys a newer Margin wrote', async () => {
    const file = path.join(await tempDir(), 'settings.json');
    await writeFile(file, JSON.stringify({ ...DEFAULT_SETTINGS, fontSize: 15 }));
    await settingsFile(file, NOW).update({ theme: 'dark' });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ theme: 'dark', fontSize: 15 });
  });

  it('refuses values outside the schema: another theme, relative or odd folder paths', () => {
    for (const bad of [
      { theme: 'sepia' },
      { exportFolder: 'relative/folder' },
      { exportFolder: '' },
      { libraryFolder: '/home/me/lib\0rary' },
      { libraryFolder: `/${'a'.repeat(5000)}` },
      { version: 2 },
    ])
      expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...bad }).success, JSON.stringify(bad)).toBe(false);
    for (const good of [{ exportFolder: 'C:\\Users\\me\\Notes' }, { libraryFolder: '\\\\server\\share\\lib' }])
      expect(SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...good }).success, JSON.stringify(good)).toBe(true);
  });

  it('tells an observer of every change (main applies the theme)', async () => {
    const seen: Settings[] = [];
    const store = observedSettings(memorySettings(), (next) => seen.push(next));
    await store.update({ theme: 'dark' });
    expect(seen.map((s) => s.theme)).toEqual(['dark']);
  });
});

describe('the library folder chosen in Settings', () => {
  it('is opened by the app and the CLI alike, after MARGIN_LIBRARY and before the default', async () => {
    const userData = await tempDir();
    expect(libraryIn(userData, {})).toBe(path.join(userData, 'library'));
    await settingsFile(path.join(userData, 'settings.json')).update({ libraryFolder: '/data/papers' });
    expect(chosenLibraryFolder(userData)).toBe('/data/papers');
    expect(libraryIn(userData, {})).toBe('/data/papers');
    expect(libraryIn(userData, { MARGIN_LIBRARY: '/elsewhere' })).toBe(path.resolve('/elsewhere'));
    await writeFile(path.join(userData, 'settings.json'), 'not json');
    expect(libraryIn(userData, {})).toBe(path.join(userData, 'library'));
  });
});

describe('settings over IPC', () => {
  it('shows the settings and the library in use, and changes the theme; folders only through the native dialog', async () => {
    const store = memorySettings();
    const asked: string[] = [];
    const handlers = createSettingsHandlers({
      libraryDir: '/lib',
      settings: store,
      exportFolders: {
        target: (p) => p,
        choose: () => {
          asked.push('export');
          return Promise.resolve('/home/me/Exports');
        },
      },
      pickLibraryFolder: () => {
        asked.push('library');
        return Promise.resolve(null);
      },
    });
    const view = await handlers['settings:get']({});
    expect(CONTRACT['settings:get'].response.parse(view)).toEqual({
      theme: 'system',
      exportFolder: null,
      libraryFolder: null,
      syncEveryMinutes: null,
      sharedPdfFolder: null,
      libraryInUse: '/lib',
      editable: true,
      notice: null,
    });
    expect((await handlers['settings:setTheme']({ theme: 'dark' })).theme).toBe('dark');
    expect((await handlers['settings:setSyncEvery']({ minutes: 15 })).syncEveryMinutes).toBe(15);
    expect((await handlers['settings:chooseFolder']({ folder: 'export' })).exportFolder).toBe('/home/me/Exports');
    // Cancelled: nothing changes.
    expect((await handlers['settings:chooseFolder']({ folder: 'library' })).libraryFolder).toBeNull();
    expect(asked).toEqual(['export', 'library']);
    // The page cannot name a path: the request schema has no field for one.
    expect(CONTRACT['settings:chooseFolder'].request.safeParse({ folder: 'export', path: '/etc' }).success).toBe(false);
    expect(CONTRACT['settings:setTheme'].request.safeParse({ theme: 'sepia' }).success).toBe(false);
  });

  it('cannot change anything where no settings are kept (margin serve)', async () => {
    const handlers = createSettingsHandlers({ libraryDir: '/lib' });
    expect((await handlers['settings:get']({})).editable).toBe(false);
    await expect(handlers['settings:setTheme']({ theme: 'dark' })).rejects.toThrow(/desktop app/);
  });
});
