import { describe, expect, it, vi } from 'vitest';
import { createBridge, type IpcRendererLike } from '../../../electron/preload/bridge.js';
import {
  APP_OPEN_EVENT,
  ATTACHMENT_BYTES_CHANNEL,
  CHANNELS,
  LIBRARY_CHANGED_EVENT,
  MENU_COMMAND_EVENT,
} from '../../../shared/ipc/channels.js';
import type { Channel } from '../../../shared/ipc/channels.js';

function fakeIpcRenderer() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  const ipc: IpcRendererLike & { emit(channel: string, ...args: unknown[]): void } = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, data: channel })),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
    emit: (channel, ...args) => listeners.get(channel)?.forEach((l) => l(...args)),
  };
  return ipc;
}

describe('preload bridge', () => {
  it('forwards exactly the contract channels', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    for (const channel of CHANNELS)
      await expect(bridge.invoke(channel, {})).resolves.toEqual({ ok: true, data: channel });
    expect(ipc.invoke).toHaveBeenCalledTimes(CHANNELS.length);
  });

  it('refuses anything else before it leaves the page', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    for (const channel of [
      'library:changed',
      'ELECTRON_BROWSER_REQUIRE',
      'papers:delete',
      '__proto__',
      'constructor',
      '',
    ]) {
      await expect(bridge.invoke(channel as Channel, {}), channel).rejects.toThrow(/not allowed/);
    }
    expect(ipc.invoke).not.toHaveBeenCalled();
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual([
      'invoke',
      'onAppOpen',
      'onLibraryChanged',
      'onMenuCommand',
      'readAttachment',
    ]);
  });

  it('passes the payload of a change event on, never the IPC event object, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const off = bridge.onLibraryChanged(listener);
    ipc.emit(LIBRARY_CHANGED_EVENT, { sender: 'secret' }, { ids: ['p1'], count: 1, content: false });
    expect(listener).toHaveBeenCalledWith({ ids: ['p1'], count: 1, content: false });
    off();
    ipc.emit(LIBRARY_CHANGED_EVENT, {});
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('asks main for a PDF by paper id and hash on its own channel, passing nothing else', async () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const hostile = { toString: () => 'p1' } as unknown as string;
    await bridge.readAttachment(hostile, 'abc');
    expect(ipc.invoke).toHaveBeenCalledWith(ATTACHMENT_BYTES_CHANNEL, { paperId: 'p1', sha256: 'abc' });
  });

  it('holds open requests that come before the page listens, then passes each on, payload only', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    for (let i = 0; i < 30; i++) ipc.emit(APP_OPEN_EVENT, { sender: 'secret' }, { kind: 'paper', id: `p${i}` });
    const heard: unknown[] = [];
    const off = bridge.onAppOpen((request) => heard.push(request));
    expect(heard).toHaveLength(20);
    expect(heard[0]).toEqual({ kind: 'paper', id: 'p0' });
    ipc.emit(APP_OPEN_EVENT, { sender: 'secret' }, { kind: 'paper', id: 'later' });
    expect(heard.at(-1)).toEqual({ kind: 'paper', id: 'later' });
    off();
    ipc.emit(APP_OPEN_EVENT, {}, { kind: 'paper', id: 'held' });
    expect(heard).toHaveLength(21);
    const again: unknown[] = [];
    bridge.onAppOpen((request) => again.push(request));
    expect(again).toEqual([{ kind: 'paper', id: 'held' }]);
  });

  it('passes a menu command on as its id only, and unsubscribes', () => {
    const ipc = fakeIpcRenderer();
    const bridge = createBridge(ipc);
    const heard: unknown[] = [];
    const off = bridge.onMenuCommand((id) => heard.push(id));
    ipc.emit(MENU_COMMAND_EVENT, { sender: 'secret' }, 'undo');
    off();
    ipc.emit(MENU_COMMAND_EVENT, {}, 'redo');
    expect(heard).toEqual(['undo']);
  });
});
