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
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Nothing navigates the window away from the app, no new windows open, no webviews attach, and no
 * permission is granted. Links the user clicks go to the OS browser, but only http(s) and mailto.
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

export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hand a URL to the OS only when it is a plain web or mail link. */
export function openIfSafe(url: string, openExternal: OpenExternal): boolean {
  if (!isSafeExternalUrl(url)) return false;
  void openExternal(url).catch(() => undefined);
  return true;
}
