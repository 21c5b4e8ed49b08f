import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerIpc, trustedSender, type IpcMainLike } from '../../../electron/main/ipc.js';
import { ATTACHMENT_BYTES_CHANNEL, CHANNELS } from '../../../shared/ipc/channels.js';
import { readAttachmentBytes } from '../../../electron/library/api/attachment-bytes.js';
import { makePdf } from '../../helpers/make-pdf.js';
import type { Envelope } from '../../../shared/ipc/envelope.js';
import { sampleSession } from '../../helpers/session.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Listener = Parameters<IpcMainLike['handle']>[1];

/** A fake ipcMain that records registrations and refuses a second handler per channel, like Electron's. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipc: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
  };
  const call = (channel: string, payload: unknown, url = APP_URL): Promise<Envelope<unknown>> => {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    return listener({ senderFrame: { url } }, payload);
  };
  return { ipc, handlers, call };
}

const APP_URL = 'file:///opt/Margin/resources/app/out/renderer/index.html';

async function snapshot(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const sub of ['papers', 'contents']) {
    for (const name of (await readdir(path.join(dir, sub))).sort())
      parts.push(name, await readFile(path.join(dir, sub, name), 'utf8'));
  }
  return parts.join('\n');
}

describe('IPC registration', () => {
  it('registers exactly one handler for every channel of the contract', async () => {
    const { session, handlers } = await sampleSession(await tempDir());
    const fake = fakeIpcMain();
    registerIpc(fake.ipc, handlers, trustedSender(APP_URL));
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    expect(() => registerIpc(fake.ipc, handlers, trustedSender(APP_URL))).toThrow(/second handler/);
    await session.close();
  });

  it('answers the app page, refuses other senders, and refuses invalid payloads without changing anything', async () => {
    const dir = await tempDir();
    const { session, handlers, ids } = await sampleSession(dir);
    const fake = fakeIpcMain();
    registerIpc(fake.ipc, handlers, trustedSender(APP_URL));
    const before = await snapshot(dir);

    const ok = await fake.call('papers:get', { id: ids[0] });
    expect(ok).toMatchObject({ ok: true, data: { id: ids[0] } });

    for (const url of [
      'https://evil.example/index.html',
      'file:///tmp/other.html',
      'about:blank',
      '',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      const refused = await fake.call('papers:setStatus', { id: ids[0], status: 'read' }, url);
      expect(refused, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    for (const payload of [
      null,
      'x',
      { id: ids[0] },
      { id: ids[0], status: 'done' },
      { id: ids[0], status: 'read', extra: true },
      { id: 1, status: 'read' },
    ]) {
      const refused = await fake.call('papers:setStatus', payload);
      expect(refused, JSON.stringify(payload)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await snapshot(dir)).toBe(before);
    await session.close();
  });

  it('reports errors from the library as data with their code', async () => {
    const { session, handlers } = await sampleSession(await tempDir());
    const fake = fakeIpcMain();
    registerIpc(fake.ipc, handlers, trustedSender(APP_URL));
    expect(await fake.call('papers:get', { id: 'ffffffffffffffff' })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('ffffffffffffffff') },
    });
    await session.close();
  });
});

describe('PDF bytes over IPC', () => {
  it('answers the app page with the bytes of an attached PDF, and refuses other senders and bad requests', async () => {
    const { session, handlers, ids } = await sampleSession(await tempDir());
    const id = ids[0] ?? '';
    const pdf = await makePdf([['Hello']]);
    const { attachment } = await session.library.attachments.attach(id, { bytes: pdf }, 'hello.pdf');
    const fake = fakeIpcMain();
    registerIpc(fake.ipc, handlers, trustedSender(APP_URL), (request) => readAttachmentBytes(session.library, request));
    const got = await fake.call(ATTACHMENT_BYTES_CHANNEL, { paperId: id, sha256: attachment.sha256 });
    expect(got.ok && got.data).toEqual(new Uint8Array(pdf));
    const foreign = await fake.call(
      ATTACHMENT_BYTES_CHANNEL,
      { paperId: id, sha256: attachment.sha256 },
      'https://evil.example/',
    );
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const traversal = await fake.call(ATTACHMENT_BYTES_CHANNEL, { paperId: id, sha256: '../../margin.json' });
    expect(traversal).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: 'attachment: sha256: not a SHA-256' },
    });
    const other = await fake.call(ATTACHMENT_BYTES_CHANNEL, { paperId: ids[1], sha256: attachment.sha256 });
    expect(other).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await session.close();
  });
});
