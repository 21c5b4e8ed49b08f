import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  contentTypeOf,
  resolveAppUrl,
  serveAppRequest,
} from '../../../electron/main/app-protocol.js';
import { registerAppScheme, serveAppScheme, type ProtocolLike } from '../../../electron/main/app-scheme.js';
import { CONTENT_SECURITY_POLICY } from '../../../shared/security/csp.js';
import { trustedSender } from '../../../electron/main/ipc.js';
import { tempDir } from '../../helpers/temp-dir.js';

const ROOT = path.resolve('/opt/Margin/resources/app.asar/out/renderer');

/** Requests that must never reach a file, inside the renderer folder or out of it. */
const HOSTILE = [
  'app://margin/../main/main.js',
  'app://margin/assets/../../main/main.js',
  'app://margin/..',
  'app://margin/.',
  'app://margin/./index.html',
  'app://margin/%2e%2e/main/main.js',
  'app://margin/%2E%2E/main/main.js',
  'app://margin/.%2e/main/main.js',
  'app://margin/assets/%2e%2e%2f%2e%2e%2fmain/main.js',
  'app://margin/..%2fmain%2fmain.js',
  'app://margin/..%5cmain%5cmain.js',
  'app://margin/assets\\..\\..\\main\\main.js',
  'app://margin/%252e%252e/main/main.js',
  'app://margin//etc/passwd',
  'app://margin/%2fetc%2fpasswd',
  'app://margin/C:/Windows/win.ini',
  'app://margin/C%3A%5CWindows%5Cwin.ini',
  'app://margin/index.html%00.png',
  'app://margin/index%0a.html',
  'app://margin/nul',
  'app://margin/assets/%E0%A4%A',
  'app://evil/index.html',
  'app://margin.evil/index.html',
  'app://margin:8080/index.html',
  'app://user:pass@margin/index.html',
  'app:index.html',
  'app:/index.html',
  'file:///opt/Margin/resources/app.asar/out/renderer/index.html',
  'https://margin/index.html',
  `app://margin/${'a/'.repeat(1100)}x.js`,
  '',
];

describe('app:// resolver', () => {
  it('maps the app URL and its assets to files in the renderer folder, ignoring query and hash', () => {
    expect(resolveAppUrl(APP_INDEX_URL, ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://margin/', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://margin', ROOT)).toBe(path.join(ROOT, 'index.html'));
    expect(resolveAppUrl('app://margin/assets/index-Bq3x.js?v=1#top', ROOT)).toBe(
      path.join(ROOT, 'assets', 'index-Bq3x.js'),
    );
    expect(resolveAppUrl('app://margin/pdfjs/standard_fonts/FoxitSans.pfb', ROOT)).toBe(
      path.join(ROOT, 'pdfjs', 'standard_fonts', 'FoxitSans.pfb'),
    );
    expect(resolveAppUrl('app://margin/assets/a%20b.js', ROOT)).toBe(path.join(ROOT, 'assets', 'a b.js'));
  });

  it('refuses traversal (plain and encoded), absolute paths, other hosts and schemes', () => {
    for (const url of HOSTILE) expect(resolveAppUrl(url, ROOT), url).toBeNull();
    for (const value of [null, undefined, 42, {}, ['app://margin/index.html']])
      expect(resolveAppUrl(value, ROOT)).toBeNull();
  });

  it('is registered as a standard, secure, fetchable scheme that cannot bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
    });
  });

  it('gives each file its type, and unknown ones none a browser would sniff as a page', () => {
    expect(contentTypeOf('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/r/assets/pdf.worker.min.MJS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/r/pdfjs/cmaps/Adobe-Japan1-0.bcmap')).toBe('application/octet-stream');
    expect(contentTypeOf('/r/toString')).toBe('application/octet-stream');
    expect(contentTypeOf('/r/x.constructor')).toBe('application/octet-stream');
  });
});

describe('app:// responses', () => {
  it('serves a file with its type and the CSP, and answers 404 alike for a refused or a missing path', async () => {
    const root = path.join(await tempDir(), 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html>');
    await writeFile(path.join(root, '..', 'secret.txt'), 'secret');
    const read = (file: string) => readFile(file);

    const page = await serveAppRequest(APP_INDEX_URL, root, read, "default-src 'self'");
    expect(page.status).toBe(200);
    expect(page.headers).toMatchObject({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'self'",
      'X-Content-Type-Options': 'nosniff',
    });
    expect(Buffer.from(page.body).toString()).toBe('<!doctype html>');

    const refused = await serveAppRequest('app://margin/%2e%2e/secret.txt', root, read, 'x');
    const missing = await serveAppRequest('app://margin/assets/none.js', root, read, 'x');
    expect(refused).toEqual(missing);
    expect(refused.status).toBe(404);
    expect(refused.headers['Content-Security-Policy']).toBe('x');
  });
});

describe('app:// in Electron (over a fake protocol module)', () => {
  it('registers app: as privileged and answers requests from the renderer folder with the CSP', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'index.html'), '<p>hi</p>');
    const registered: unknown[] = [];
    let handler: ((request: { url: string }) => Promise<Response>) | undefined;
    const protocol: ProtocolLike = {
      registerSchemesAsPrivileged: (schemes) => registered.push(...schemes),
      handle: (scheme, h) => {
        expect(scheme).toBe('app');
        handler = h;
      },
    };
    registerAppScheme(protocol);
    serveAppScheme(protocol, root);
    expect(registered).toEqual([{ scheme: 'app', privileges: APP_SCHEME_PRIVILEGES }]);
    const page = await handler?.({ url: APP_INDEX_URL });
    expect(page?.status).toBe(200);
    expect(page?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page?.text()).toBe('<p>hi</p>');
    expect((await handler?.({ url: 'app://margin/%2e%2e/etc/passwd' }))?.status).toBe(404);
  });
});

describe('the app page as the one trusted sender', () => {
  it('accepts IPC from app://margin/index.html only, whatever its query or hash', () => {
    const trusted = trustedSender(APP_INDEX_URL);
    expect(trusted(APP_INDEX_URL)).toBe(true);
    expect(trusted(`${APP_INDEX_URL}?x=1#y`)).toBe(true);
    for (const url of [
      'app://margin/other.html',
      'app://margin/assets/index.js',
      'app://evil/index.html',
      'app://margin.evil/index.html',
      'file:///opt/Margin/resources/app.asar/out/renderer/index.html',
      'https://margin/index.html',
      'margin://paper/a1b2c3d4e5f60718',
    ])
      expect(trusted(url), url).toBe(false);
  });
});
