import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { newPage, screenshot, type Served, openInChromium } from './harness.js';

const run = promisify(execFile);

describe('sync from the toolbar, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  let remote: string;

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-sync-');
    remote = `${await suiteTempDir('margin-e2e-remote-')}/library.git`;
    await run('git', ['init', '--quiet', '--bare', '--initial-branch', 'main', remote]);
    expect((await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library])).code).toBe(0);
    ({ served, browser, page, errors } = await openInChromium(library));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const statusLine = () => page.locator('.sync-control').getByRole('status');

  it('says no remote is set, then syncs with the remote set in Settings', async () => {
    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect.poll(() => statusLine().textContent()).toMatch(/^No remote set — run margin sync --remote URL/);

    await page.keyboard.press('Control+,');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.getByLabel('Remote URL').fill(remote);
    await dialog.getByRole('button', { name: 'Save remote' }).click();
    await expect.poll(() => dialog.getByRole('button', { name: 'Save remote' }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect.poll(() => statusLine().textContent()).toBe('Synced just now · 76 changes sent, 0 received');
    await screenshot(page, 'sync-status-light');
  });

  it('receives another machine’s edit and the list shows it', async () => {
    const other = await suiteTempDir('margin-e2e-sync-b-');
    expect((await runMargin(['sync', '--remote', remote, '--library', other])).code).toBe(0);
    const listed = await runMargin(['list', '--json', '--library', other]);
    const id = (JSON.parse(listed.stdout) as { id: string }[])[0]?.id ?? '';
    expect((await runMargin(['tag', id, 'from-the-lab', '--library', other])).code).toBe(0);
    expect((await runMargin(['sync', '--library', other])).code).toBe(0);

    await page.getByRole('button', { name: 'Sync', exact: true }).click();
    await expect.poll(() => statusLine().textContent()).toMatch(/^Synced just now · \d+ changes? sent, 1 received$/);
    const tag = page.getByRole('navigation', { name: 'Tags' }).getByRole('button', { name: /from-the-lab/ });
    await expect.poll(() => tag.count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('shows the status line in dark', async () => {
    const dark = await newPage(browser, 'dark');
    await dark.page.goto(served.url);
    await expect
      .poll(() => dark.page.locator('.sync-control').getByRole('status').textContent())
      .toMatch(/^Synced just now/);
    await screenshot(dark.page, 'sync-status-dark');
    await dark.context.close();
  });
});
