import type { CustomScheme } from 'electron';
import { readFile } from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, serveAppRequest } from './app-protocol.js';

/** What the scheme needs of Electron's `protocol`; tests pass a fake. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomScheme[]): void;
  handle(scheme: string, handler: (request: { url: string }) => Promise<Response>): void;
}

/** Before the app is ready (Electron's rule): make `app:` a standard, secure scheme. */
export function registerAppScheme(protocol: ProtocolLike): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** Once ready: answer `app://margin/…` from the built renderer folder, with the CSP on every response. */
export function serveAppScheme(protocol: ProtocolLike, rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest(request.url, rendererDir, (file) => readFile(file), CONTENT_SECURITY_POLICY);
    const body = typeof answer.body === 'string' ? answer.body : Buffer.from(answer.body);
    return new Response(body, { status: answer.status, headers: answer.headers });
  });
}
