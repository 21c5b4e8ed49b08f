import { CONTRACT, type Request } from '../../../shared/ipc/contract.js';
import type { Channel } from '../../../shared/ipc/channels.js';
import { parseLibraryChange, type LibraryChange } from '../../../shared/ipc/library-change.js';
import { envelopeSchema, type ErrorBody } from '../../../shared/ipc/envelope.js';
import type { z } from 'zod';

/** Moves a call to main and back: preload IPC in Electron, HTTP under `margin serve`. */
export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<unknown>;
  /** Hear about library changes made anywhere (the event's payload, unchecked); returns the unsubscribe function. */
  onLibraryChanged(listener: (change: unknown) => void): () => void;
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
  };
}
