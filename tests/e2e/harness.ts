import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium.js';
import { CLI_PATH } from '../helpers/run-margin.js';

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');

/** A running `margin serve` on a library folder. */
export interface Served {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Start `margin serve` as a user would and wait for the one line with its URL. It is offline unless `env`
 * says otherwise (a test that needs "arXiv" passes `MARGIN_OFFLINE: undefined` and a local fake's URL).
 */
export function serve(
  library: string,
  extraArgs: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<Served> {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run npm run build first (npm test does it)`);
  return new Promise((resolve, reject) => {
    // Offline: the tests never reach past this machine.
    const child = spawn(process.execPath, [CLI_PATH, 'serve', '--port', '0', '--library', library, ...extraArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MARGIN_OFFLINE: '1', ...env },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`margin serve did not start: ${err}`)), 15_000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (!out.includes('\n') || !line) return;
      clearTimeout(timer);
      const url = new URL(line.trim());
      resolve({
        url: url.toString(),
        origin: url.origin,
        token: url.searchParams.get('token') ?? '',
        process: child,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`margin serve exited (${code}): ${err}`)));
  });
}

/** Debian's Chromium when installed (CI installs it); Playwright's own where it has one. */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A fresh page (fresh profile) in the given color scheme, failing the test on any page error. */
export async function newPage(
  browser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    colorScheme,
    viewport: { width: 1440, height: 900 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = await context.newPage();
  // An action that cannot happen fails with Playwright's own account of why, before the test's time runs out.
  page.setDefaultTimeout(20_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { context, page, errors };
}

/**
 * What most browser tests start with: `margin serve` on the library, Chromium, and a fresh light page at the
 * app's URL. The test closes `browser` and stops `served` when it is done.
 */
export async function openInChromium(
  library: string,
  extraArgs: readonly string[] = [],
): Promise<{ served: Served; browser: Browser; context: BrowserContext; page: Page; errors: string[] }> {
  const served = await serve(library, extraArgs);
  const browser = await launchBrowser();
  const opened = await newPage(browser);
  await opened.page.goto(served.url);
  return { served, browser, ...opened };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** The count the sidebar shows beside a view ("Inbox", "To read"…), as text. */
export function sidebarCount(page: Page, view: string): Promise<string | null | undefined> {
  return page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: view, exact: true })
    .evaluate(
      (button) => button.ownerDocument.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent,
    );
}
