import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';
import { isSafeExternalUrl } from '../../shared/security/csp.js';

/** The renderer is untrusted: isolated, sandboxed, no Node, web security on. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: true,
} as const satisfies WebPreferences;

export interface Bounds {
  readonly x?: number;
  readonly y?: number;
  readonly width: number;
  readonly height: number;
}

/** Options for the one main window. */
export function windowOptions(bounds: Bounds, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Margin',
    backgroundColor: '#f7f5f0',
    webPreferences: { ...WEB_PREFERENCES, preload: preloadPath },
  };
}

/** The parts of Electron the hardening touches; tests pass fakes. */
export interface HardenableContents {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}
/** What Electron says of the page asking (the parts the checks read). */
export interface PermissionDetails {
  readonly requestingUrl?: string;
  readonly isMainFrame?: boolean;
}
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: PermissionDetails,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string, details: PermissionDetails) => boolean,
  ): void;
}
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Nothing navigates the window away from the app, no new windows open, and no webviews attach (permissions:
 * `denyAllPermissions`). Links the user clicks go to the OS browser, but only http(s) and mailto.
 */
export function hardenContents(contents: HardenableContents, openExternal: OpenExternal, appUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openIfSafe(url, openExternal);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (url !== appUrl) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * No permission is granted but one: the app's own page may write text to the clipboard (Copy citation, Copy
 * Markdown), which Chromium allows only during a click. Electron asks for it as `clipboard-sanitized-write`,
 * and `navigator.clipboard.writeText` fails when it is refused. Reading the clipboard stays refused.
 */
export function denyAllPermissions(session: PermissionSession, appUrl: string): void {
  const allowed = (permission: string, details: PermissionDetails): boolean =>
    permission === CLIPBOARD_WRITE && details.isMainFrame === true && isAppPage(details.requestingUrl, appUrl);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details ?? {})),
  );
  session.setPermissionCheckHandler((_contents, permission, _origin, details) => allowed(permission, details ?? {}));
}

const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/** The app's own page (app://margin/index.html, whatever its query or hash), never another page or frame. */
function isAppPage(url: string | undefined, appUrl: string): boolean {
  if (!url) return false;
  try {
    const page = new URL(url);
    const app = new URL(appUrl);
    return page.protocol === app.protocol && page.host === app.host && page.pathname === app.pathname;
  } catch {
    return false;
  }
}

/** Hand a URL to the OS only when it is a plain web or mail link. */
export function openIfSafe(url: string, openExternal: OpenExternal): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void openExternal(url).catch(() => undefined);
  return true;
}
