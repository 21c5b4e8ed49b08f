import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { isAccelerator, menuTemplate, ROLE_ACCELERATORS } from '../../../electron/main/menu-template.js';
import { isMenuAccelerator, SHORTCUTS, type CommandId } from '../../../shared/commands/shortcuts.js';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

/** Every item of the template, submenus included. */
function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: (typeof PLATFORMS)[number]) {
  const sent: CommandId[] = [];
  const template = menuTemplate({ platform, appName: 'Margin', send: (id) => sent.push(id) });
  return { template, items: flatten(template), sent };
}

/** Accelerators the menu takes from the keyboard: Margin's registered ones and the roles' defaults. */
function registered(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => {
    if (item.accelerator !== undefined) return item.registerAccelerator === false ? [] : [String(item.accelerator)];
    const role = item.role ? ROLE_ACCELERATORS[item.role] : undefined;
    return role ? [role] : [];
  });
}

/** macOS-only roles say Command; counted as CmdOrCtrl, they clash with what a command of ours would take there. */
const normalize = (accelerator: string) => accelerator.replace(/^(Command|Cmd)\+/, 'CmdOrCtrl+');

describe('native menu', () => {
  for (const platform of PLATFORMS) {
    it(`takes no key twice on ${platform}`, () => {
      const keys = registered(build(platform).items).map(normalize);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
    });

    it(`registers exactly the Cmd/Ctrl shortcuts of the shared list on ${platform}, and no plain key`, () => {
      const { items } = build(platform);
      const inMenu = items
        .filter((item) => item.accelerator !== undefined && item.registerAccelerator !== false)
        .map((item) => [item.id, item.accelerator]);
      const fromList = SHORTCUTS.filter((s) => s.menu !== undefined && s.menuAccelerator !== false).flatMap((s) => {
        const key = s.keys.find(isMenuAccelerator);
        return key ? [[s.id, key]] : [];
      });
      expect(inMenu.sort()).toEqual(fromList.sort());
      for (const [, key] of inMenu) expect(isMenuAccelerator(String(key)), String(key)).toBe(true);
    });

    it(`lists every menu command once, and a click sends its id, on ${platform}`, () => {
      const { items, sent } = build(platform);
      const ids = items.flatMap((item) => (item.id ? [item.id] : []));
      expect(ids.sort()).toEqual(
        SHORTCUTS.filter((s) => s.menu !== undefined)
          .map((s) => s.id)
          .sort(),
      );
      const undo = items.find((item) => item.id === 'undo');
      // The fake click stands in for Electron's (item, window, event); the template's handler reads none of them.
      (undo?.click as (() => void) | undefined)?.();
      expect(sent).toEqual(['undo']);
    });
  }

  it('has the app menu first on macOS only, then File, Edit, View, Go, Paper, Window and Help', () => {
    const labels = (platform: (typeof PLATFORMS)[number]) =>
      build(platform).template.map((menu) => menu.label ?? menu.role);
    expect(labels('darwin')).toEqual(['Margin', 'File', 'Edit', 'View', 'Go', 'Paper', 'windowMenu', 'help']);
    expect(labels('win32')).toEqual(['&File', '&Edit', '&View', '&Go', '&Paper', 'windowMenu', 'help']);
  });

  it('keeps Cut, Copy and Paste the system’s, so typing and pasting a digest work as in any app', () => {
    const edit = build('linux').template.find((menu) => menu.label === '&Edit');
    const roles = Array.isArray(edit?.submenu) ? edit.submenu.flatMap((item) => (item.role ? [item.role] : [])) : [];
    expect(roles).toEqual(['cut', 'copy', 'paste']);
  });

  it('shows plain keys beside their items on Windows and Linux without taking them, and none on macOS', () => {
    const next = (platform: (typeof PLATFORMS)[number]) => build(platform).items.find((item) => item.id === 'next');
    expect(next('linux')).toMatchObject({ accelerator: 'J', registerAccelerator: false });
    expect(next('darwin')?.accelerator).toBeUndefined();
  });

  it('writes every key of a menu command in Electron’s accelerator syntax', () => {
    for (const shortcut of SHORTCUTS.filter((s) => s.menu !== undefined))
      for (const key of shortcut.keys) expect(isAccelerator(key), `${shortcut.id}: ${key}`).toBe(true);
    expect(isAccelerator('1–5')).toBe(false);
    expect(isAccelerator('Ctrl+')).toBe(false);
  });
});
