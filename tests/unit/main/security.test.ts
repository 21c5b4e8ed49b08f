import { Parser } from 'htmlparser2';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  hardenContents,
  openIfSafe,
  windowOptions,
  type HardenableContents,
} from '../../../electron/main/security.js';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  isSafeExternalUrl,
} from '../../../shared/security/csp.js';

const APP_URL = 'file:///opt/Margin/out/renderer/index.html';

/** URLs that must never reach shell.openExternal. */
const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file://C:/Windows/System32/calc.exe',
  'smb://attacker/share/payload.exe',
  '\\\\attacker\\share\\payload.exe',
  'ms-msdt:/id PCWDiagnostic /skip force',
  'search-ms:query=payload&crumb=location:\\\\attacker\\share',
  'ms-officecmd:{"id":1}',
  'vscode://file/etc/passwd',
  'x-apple.systempreferences:com.apple.preference.security',
  'zoommtg://zoom.us/join?confno=1',
  'ftp://example.com/file',
  'chrome://settings',
  'about:blank',
  'blob:https://example.com/1234',
  'vbscript:msgbox(1)',
  'tel:+15555555555',
  'sms:+15555555555',
  'http://user:pass@example.com/',
  'https://attacker.example/"onmouseover="alert(1)',
  'https://',
  'https://exa mple.com/space-in-host',
  'mailto:',
  'mailto:<script>@x.y',
  '//example.com/protocol-relative',
  '/relative/path',
  'example.com',
  '',
  `https://example.com/${'a'.repeat(5000)}`,
  'steam://run/1234',
  'jar:file:///tmp/x.jar!/a',
];

describe('window and web contents security', () => {
  it('creates an isolated, sandboxed window without Node', () => {
    const options = windowOptions({ width: 1200, height: 800 }, '/app/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    });
    expect(options.webPreferences?.webSecurity).not.toBe(false);
  });

  it('denies navigation, new windows and webviews; opens only safe links outside', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
      on: (event: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
        listeners.set(event, listener),
    } as unknown as HardenableContents; // a fake with only the two methods hardening uses
    const openExternal = vi.fn(async () => undefined);
    hardenContents(contents, openExternal, APP_URL);

    for (const url of ['https://evil.example', 'file:///etc/passwd', `${APP_URL}#x`]) {
      const event = { preventDefault: vi.fn() };
      listeners.get('will-navigate')?.(event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const reload = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(reload, APP_URL);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    listeners.get('will-attach-webview')?.(webview, '');
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(openHandler?.({ url: 'https://arxiv.org/abs/2406.11944' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://arxiv.org/abs/2406.11944');
    openExternal.mockClear();
    for (const url of HOSTILE_URLS) expect(openHandler?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it(`lets only http(s) and mailto links reach shell.openExternal (${HOSTILE_URLS.length} hostile URLs refused)`, () => {
    expect(HOSTILE_URLS.length).toBeGreaterThanOrEqual(30);
    const openExternal = vi.fn(async () => undefined);
    for (const url of HOSTILE_URLS) {
      expect(isSafeExternalUrl(url), url).toBe(false);
      expect(openIfSafe(url, openExternal)).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
    for (const url of [
      'https://arxiv.org/abs/1706.03762',
      'http://example.com/paper.pdf',
      'https://doi.org/10.1000/xyz',
      'mailto:author@example.org',
    ])
      expect(isSafeExternalUrl(url), url).toBe(true);
  });

  it('grants no permission but writing to the clipboard, and that only to the app’s own page', () => {
    type Details = { requestingUrl?: string; isMainFrame?: boolean };
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void, d: Details) => void) | undefined;
    let check: ((c: unknown, p: string, origin: string, d: Details) => boolean) | undefined;
    denyAllPermissions(
      {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
      },
      APP_URL,
    );
    const app = { requestingUrl: `${APP_URL}#reader`, isMainFrame: true };
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'unknown',
    ]) {
      const callback = vi.fn();
      request?.({}, permission, callback, app);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check?.({}, permission, 'file://', app)).toBe(false);
    }
    const granted = (details: Details) => {
      const callback = vi.fn();
      request?.({}, 'clipboard-sanitized-write', callback, details);
      const checked = check?.({}, 'clipboard-sanitized-write', 'file://', details);
      expect(callback).toHaveBeenCalledWith(checked);
      return checked;
    };
    expect(granted(app)).toBe(true);
    expect(granted({ requestingUrl: 'https://evil.example/index.html', isMainFrame: true })).toBe(false);
    expect(granted({ requestingUrl: 'file:///tmp/other.html', isMainFrame: true })).toBe(false);
    expect(granted({ requestingUrl: APP_URL, isMainFrame: false })).toBe(false);
    expect(granted({})).toBe(false);
  });

  it('ships a strict CSP without inline or eval script in the built index.html', async () => {
    const html = await readFile(path.resolve(import.meta.dirname, '../../../out/renderer/index.html'), 'utf8');
    // Read as HTML, so formatting or attribute order cannot hide the tag.
    const metas: Array<Record<string, string>> = [];
    new Parser({ onopentag: (name, attrs) => void (name === 'meta' && metas.push(attrs)) }).end(html);
    const csp = metas.find((m) => m['http-equiv']?.toLowerCase() === 'content-security-policy')?.content ?? '';
    expect(csp).toBe(CONTENT_SECURITY_POLICY_META);
    const scriptSrc =
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src')) ?? '';
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script element
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });
});
