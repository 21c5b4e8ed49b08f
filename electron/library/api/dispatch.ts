import { CONTRACT, type Handlers } from '../../../shared/ipc/contract.js';
import { isChannel, type Channel } from '../../../shared/ipc/channels.js';
import { fail, ok, type Envelope } from '../../../shared/ipc/envelope.js';
import { LibraryError } from '../storage/errors.js';
import { firstIssue } from '../../../shared/validation.js';

/**
 * The one path every call takes, from IPC or HTTP: known channel → request validated against the
 * contract → handler → result envelope. A handler never sees an invalid request, and no error escapes as a throw.
 */
export async function dispatch(handlers: Handlers, channel: unknown, payload: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel))
    return fail('invalid-request', `unknown channel ${JSON.stringify(String(channel)).slice(0, 80)}`);
  const parsed = CONTRACT[channel].request.safeParse(payload);
  if (!parsed.success) {
    const { where, message } = firstIssue(parsed.error);
    return fail('invalid-request', `${channel}: ${where === 'top' ? 'request' : where}: ${message}`);
  }
  try {
    return ok(await call(handlers, channel, parsed.data));
  } catch (error) {
    if (error instanceof LibraryError) return fail(error.code, error.message);
    return fail('internal', `${channel}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function call(handlers: Handlers, channel: Channel, request: unknown): Promise<unknown> {
  // TypeScript cannot tie `request` to `channel` through the union; it was parsed by CONTRACT[channel] above.
  const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
  return handler(request);
}
