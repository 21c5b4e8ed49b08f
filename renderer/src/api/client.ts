import {
  AppOpenSchema,
  CONTRACT,
  MenuCommandSchema,
  type AppOpen,
  type Request,
} from '../../../shared/ipc/contract.js';
import type { CommandId } from '../../../shared/commands/shortcuts.js';
import type { Channel } from '../../../shared/ipc/channels.js';
import { parseLibraryChange, type LibraryChange } from '../../../shared/ipc/library-change.js';
import { envelopeSchema, type ErrorBody } from '../../../shared/ipc/envelope.js';
import { z } from 'zod';

/** Moves a call to main and back: preload IPC in Electron, HTTP under `margin serve`. */
export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  /** Hear about library changes made anywhere (the event's payload, unchecked); returns the unsubscribe function. */
  onLibraryChanged(listener: (change: unknown) => void): () => void;
  /** A PDF's bytes as an envelope (unchecked). */
  readAttachment(paperId: string, sha256: string): Promise<unknown>;
  /** What the OS asked the desktop app to open (unchecked); absent in the browser, which has no OS handoff. */
  onAppOpen?(listener: (request: unknown) => void): () => void;
  /** Commands chosen in the desktop app's native menu (unchecked); absent in the browser. */
  onMenuCommand?(listener: (id: unknown) => void): () => void;
}

/** A failed call, with the code and message main sent. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorBody['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The typed API the store calls; every response is checked against the contract. */
export interface MarginApi {
  call<C extends Channel>(channel: C, request: Request<C>): Promise<z.output<(typeof CONTRACT)[C]['response']>>;
  /** Hear about library changes made anywhere, checked against the contract. */
  onLibraryChanged(listener: (change: LibraryChange) => void): () => void;
  /** The bytes of one of a paper's PDFs. */
  readAttachment(paperId: string, sha256: string): Promise<Uint8Array>;
  /** What the OS asked the desktop app to open, checked; an event that fails the check is dropped. */
  onAppOpen(listener: (request: AppOpen) => void): () => void;
  /** Commands chosen in the native menu, checked against the shared list; anything else is dropped. */
  onMenuCommand(listener: (id: CommandId) => void): () => void;
}

export function createApi(transport: Transport): MarginApi {
  return {
    async call(channel, request) {
      const raw = await transport.invoke(channel, request);
      const envelope = envelopeSchema(CONTRACT[channel].response).safeParse(raw);
      if (!envelope.success) throw new ApiError('internal', `${channel}: unexpected response from the library`);
      if (!envelope.data.ok) throw new ApiError(envelope.data.error.code, envelope.data.error.message);
      // The envelope's data was parsed by this channel's response schema just above.
      return envelope.data.data as z.output<(typeof CONTRACT)[typeof channel]['response']>;
    },
    onLibraryChanged: (listener) => transport.onLibraryChanged((raw) => listener(parseLibraryChange(raw))),
    onAppOpen(listener) {
      if (!transport.onAppOpen) return () => undefined;
      return transport.onAppOpen((raw) => {
        const parsed = AppOpenSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      });
    },
    onMenuCommand(listener) {
      if (!transport.onMenuCommand) return () => undefined;
      return transport.onMenuCommand((raw) => {
        const parsed = MenuCommandSchema.safeParse(raw);
        if (parsed.success) listener(parsed.data);
      });
    },
    async readAttachment(paperId, sha256) {
      const envelope = envelopeSchema(z.instanceof(Uint8Array)).safeParse(
        await transport.readAttachment(paperId, sha256),
      );
      if (!envelope.success) throw new ApiError('internal', 'the PDF did not arrive as bytes');
      if (!envelope.data.ok) throw new ApiError(envelope.data.error.code, envelope.data.error.message);
      return envelope.data.data;
    },
  };
}
