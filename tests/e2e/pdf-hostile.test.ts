import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf, hugePdf, scriptedPdf, truncatedPdf } from '../helpers/hostile-pdfs.js';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, serve, type Served } from './harness.js';

/** Hostile PDFs, each attached to a paper of the sample digest: the reader must say what is wrong, or show it inertly. */
const CASES = [
  { name: 'truncated.pdf', make: truncatedPdf },
  { name: 'encrypted.pdf', make: encryptedPdf },
  { name: 'scripted.pdf', make: scriptedPdf },
  { name: 'huge.pdf', make: () => hugePdf(5001) },
] as const;

describe('hostile PDFs in the reader, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  const titles = new Map<string, string>();
  const dialogs: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-hostile-pdf-');
    const files = await suiteTempDir('margin-e2e-hostile-pdf-files-');
    const imported = await runMargin(['import', SAMPLE_DIGEST_PATH, '--json', '--library', library]);
    const ids = (JSON.parse(imported.stdout) as { ids: string[] }).ids;
    for (const [i, c] of CASES.entries()) {
      const file = path.join(files, c.name);
      await writeFile(file, await c.make());
      const id = ids[i] ?? '';
      const attached = await runMargin(['attach', id, file, '--library', library]);
      expect(attached.stderr).toBe('');
      const shown = JSON.parse((await runMargin(['show', id, '--json', '--library', library])).stdout) as {
        title: string;
      };
      titles.set(c.name, shown.title);
    }
    served = await serve(library);
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(served.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  async function open(name: string): Promise<void> {
    const title = titles.get(name) ?? name;
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: title }).click();
    // The list selects at once and the reader follows: open the PDF of this paper, not of the one before.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    await page.getByRole('button', { name: /Read PDF/ }).click();
  }

  async function back(): Promise<void> {
    await page.getByRole('button', { name: '← Abstract' }).click();
  }

  it('says a password-protected PDF cannot be opened', async () => {
    await open('encrypted.pdf');
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContain('This PDF is protected by a password; Margin cannot open it.');
    await back();
  });

  it('refuses a PDF with more pages than any paper', async () => {
    await open('huge.pdf');
    await expect
      .poll(() => page.getByRole('alert').allTextContents(), { timeout: 20_000 })
      .toContain('This PDF has 5001 pages, more than the 5000 Margin opens.');
    await back();
  });

  it('reads what it can of a truncated PDF, or says it is damaged', async () => {
    await open('truncated.pdf');
    await expect
      .poll(async () => {
        const alerts = (await page.getByRole('alert').allTextContents()).join(' ');
        const pages = await page.getByRole('spinbutton', { name: 'Page' }).isEnabled();
        return /damaged|cannot open/.test(alerts) || pages;
      })
      .toBe(true);
    await back();
  });

  it('shows a PDF that carries scripts without running any', async () => {
    await open('scripted.pdf');
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).isEnabled()).toBe(true);
    await expect
      .poll(() => page.getByRole('group', { name: 'Page 1' }).locator('.textLayer').textContent())
      .toContain('This page carries scripts.');
    await page.getByRole('group', { name: 'Page 1' }).click({ position: { x: 120, y: 60 } });
    await new Promise((r) => setTimeout(r, 500));
    expect(dialogs).toEqual([]);
    expect(requests.filter((url) => url.includes('evil.example'))).toEqual([]);
    await back();
  });

  it('never crashed the page', () => {
    // pdf.js warns on the console about damaged files; a crash is an uncaught error.
    expect(errors.filter((e) => !/Warning|warn/i.test(e))).toEqual([]);
    expect(page.url().startsWith(served.origin)).toBe(true);
  });
});
