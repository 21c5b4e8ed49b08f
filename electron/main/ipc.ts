import type { Handlers } from '../../shared/ipc/contract.js';
import { ATTACHMENT_BYTES_CHANNEL, CHANNELS } from '../../shared/ipc/channels.js';
import { fail, type Envelope } from '../../shared/ipc/envelope.js';
import { dispatch } from '../library/api/dispatch.js';

/** What registration needs of `ipcMain`; tests pass a fake. */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: { senderFrame: { url: string } | null }, payload: unknown) => Promise<Envelope<unknown>>,
  ): void;
}

/**
 * Register every contract channel, each through the same path:
 * sender check → validation → handler → result envelope.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  isTrustedSender: (url: string) => boolean,
  readAttachment?: (request: unknown) => Promise<Envelope<Uint8Array>>,
): void {
  const checked =
    (channel: string, run: (payload: unknown) => Promise<Envelope<unknown>>) =>
    async (event: { senderFrame: { url: string } | null }, payload: unknown): Promise<Envelope<unknown>> => {
      const url = event.senderFrame?.url ?? '';
      if (!isTrustedSender(url))
        return fail('forbidden', `${channel}: refused a call from ${url.slice(0, 100) || 'an unknown frame'}`);
      return run(payload);
    };
  for (const channel of CHANNELS)
    ipcMain.handle(
      channel,
      checked(channel, (payload) => dispatch(handlers, channel, payload)),
    );
  // A PDF's bytes, with the same sender check (see ATTACHMENT_BYTES_CHANNEL).
  if (readAttachment) ipcMain.handle(ATTACHMENT_BYTES_CHANNEL, checked(ATTACHMENT_BYTES_CHANNEL, readAttachment));
}

/** Only the app's own page may call: the same page (app://margin/index.html) the window loaded. */
export function trustedSender(appUrl: string): (url: string) => boolean {
  const expected = new URL(appUrl);
  return (url) => {
    try {
      const actual = new URL(url);
      return (
        actual.protocol === expected.protocol && actual.host === expected.host && actual.pathname === expected.pathname
      );
    } catch {
      return false;
    }
  };
}
