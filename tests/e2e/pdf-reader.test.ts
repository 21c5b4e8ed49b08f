import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/make-pdf.js';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

const SENTENCE = 'We progressively increase the regularization factor.';
const TITLE = 'ProSparse: Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models';
const PAGES = [
  ['ProSparse, page one.', 'Activation sparsity is the subject of this paper.'],
  ['Page two explains the method.', 'We progressively increase the regularization factor.'],
  ['Page three holds the results.', 'The word zeppelin appears only here.'],
  ['Page four concludes.'],
];

/** Whether the canvas of a page has anything drawn on it (not one flat color). */
function drawnOn(page: Page, n: number): Promise<boolean> {
  return page
    .getByRole('group', { name: `Page ${n}` })
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0) return false;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 4; i < data.length; i += 4)
        if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) return true;
      return false;
    });
}

describe('reading a PDF in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  let pdfFile: string;
  let library: string;
  const requests: string[] = [];

  beforeAll(async () => {
    library = await suiteTempDir('margin-e2e-pdf-');
    const files = await suiteTempDir('margin-e2e-pdf-files-');
    pdfFile = path.join(files, 'prosparse.pdf');
    await writeFile(
      pdfFile,
      await makePdf(PAGES, TITLE, [
        { title: 'Method', page: 2 },
        { title: 'Results', page: 3 },
      ]),
    );
    expect((await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library])).code).toBe(0);
    served = await serve(library);
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(served.url);
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('attaches a PDF from the file picker and opens it: page 1 is drawn, page 3 is reachable', async () => {
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: TITLE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach PDF…' }).click();
    await (await chooser).setFiles(pdfFile);
    await page.getByRole('button', { name: /Read PDF/ }).click();

    await expect.poll(() => page.getByLabel('Pages', { exact: true }).textContent()).toBe('/ 4');
    await expect.poll(() => drawnOn(page, 1), { timeout: 20_000 }).toBe(true);
    await page.getByRole('spinbutton', { name: 'Page' }).fill('3');
    await expect.poll(() => drawnOn(page, 3), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => page.getByRole('group', { name: 'Page 3' }).locator('.textLayer').textContent())
      .toContain('zeppelin');
    await screenshot(page, 'pdf-reader-light');
  });

  it('finds a word on its page', async () => {
    await page.getByRole('spinbutton', { name: 'Page' }).fill('1');
    await page.getByRole('searchbox', { name: 'Find in PDF' }).fill('zeppelin');
    await page.getByRole('searchbox', { name: 'Find in PDF' }).press('Enter');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'zeppelin' }).textContent()).toContain('p. 3');
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).inputValue()).toBe('3');
    await expect
      .poll(() => page.getByRole('group', { name: 'Page 3' }).locator('.find-hit').count())
      .toBeGreaterThan(0);
  });

  it('goes to a section from the contents', async () => {
    await page.getByRole('spinbutton', { name: 'Page' }).fill('1');
    const contents = page.getByRole('list', { name: 'Contents' });
    await expect.poll(() => contents.getByRole('button').allTextContents()).toEqual(['Method', 'Results']);
    await contents.getByRole('button', { name: 'Method' }).click();
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).inputValue()).toBe('2');
    await contents.getByRole('button', { name: 'Results' }).click();
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).inputValue()).toBe('3');
    await screenshot(page, 'pdf-contents-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'pdf-contents-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('opens again at the page last read', async () => {
    // Let the page be remembered, then go back to the abstract and open the PDF again.
    await new Promise((r) => setTimeout(r, 1200));
    await page.getByRole('button', { name: '← Abstract' }).click();
    await expect.poll(() => page.getByRole('button', { name: /Read PDF/ }).textContent()).toContain('p. 3/4');
    await page.getByRole('button', { name: /Read PDF/ }).click();
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).inputValue()).toBe('3');
    // Reading the PDF moved the paper from the Inbox to Reading.
    await page.getByRole('button', { name: '← Abstract' }).click();
    await expect.poll(() => page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('reading');
  });

  it('highlights a sentence on page 2 with a comment, keeps it across reopening, and exports it with its page', async () => {
    await page.getByRole('button', { name: /Read PDF/ }).click();
    await page.getByRole('spinbutton', { name: 'Page' }).fill('2');
    await expect.poll(() => drawnOn(page, 2), { timeout: 20_000 }).toBe(true);
    await page
      .getByRole('group', { name: 'Page 2' })
      .locator('.textLayer')
      .evaluate((layer, sentence) => {
        const walker = layer.ownerDocument.createTreeWalker(layer, 4 /* NodeFilter.SHOW_TEXT */);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf(sentence) ?? -1;
          if (at < 0) continue;
          const range = layer.ownerDocument.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + sentence.length);
          layer.ownerDocument.getSelection()?.removeAllRanges();
          layer.ownerDocument.getSelection()?.addRange(range);
          return;
        }
        throw new Error(`not on the page: ${sentence}`);
      }, SENTENCE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    const list = page.getByRole('list', { name: 'Annotations' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    expect(await list.textContent()).toContain('p. 2');
    await page.getByRole('textbox', { name: 'Comment' }).fill('The schedule that makes it work.');
    await page.getByRole('textbox', { name: 'Comment' }).blur();
    await expect
      .poll(() => page.getByRole('group', { name: 'Page 2' }).locator('.pdf-hl-yellow').count())
      .toBeGreaterThan(0);
    await screenshot(page, 'pdf-highlight-light');
    // Let the page be remembered before leaving the PDF.
    await new Promise((r) => setTimeout(r, 1000));

    await page.getByRole('button', { name: '← Abstract' }).click();
    await page.getByRole('button', { name: /Read PDF/ }).click();
    await expect.poll(() => page.getByRole('spinbutton', { name: 'Page' }).inputValue()).toBe('2');
    await expect
      .poll(() => page.getByRole('group', { name: 'Page 2' }).locator('.pdf-hl-yellow').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => list.textContent()).toContain('The schedule that makes it work.');

    const out = await suiteTempDir('margin-e2e-pdf-export-');
    const exported = await runMargin(['export', 'markdown', '--out', out, '--library', library]);
    expect(exported.stderr).toBe('');
    const files = await readdir(out);
    const note = await readFile(path.join(out, files.find((f) => f.startsWith('ProSparse')) ?? ''), 'utf8');
    expect(note).toContain(`> ${SENTENCE} (p. 2)`);
    expect(note).toContain('The schedule that makes it work.');
  });

  it('finds the paper by a word that only its PDF holds', async () => {
    await page.getByRole('button', { name: '← Abstract' }).click();
    await page.getByRole('button', { name: 'All papers' }).click();
    const search = page.getByRole('searchbox', { name: 'Search library' });
    await search.fill('zeppelin');
    await search.press('Enter');
    const options = page.getByRole('listbox', { name: 'Papers' }).getByRole('option');
    await expect
      .poll(() => options.allTextContents(), { timeout: 20_000 })
      .toEqual([expect.stringContaining('ProSparse')]);
    // The row says where: in the PDF.
    await expect.poll(() => options.first().locator('.snippet').textContent()).toMatch(/^In the PDF: .*zeppelin/);
    // Opening its PDF from the search finds and marks the word there.
    await options.first().click();
    await page.getByRole('button', { name: /Read PDF/ }).click();
    await expect.poll(() => page.getByRole('searchbox', { name: 'Find in PDF' }).inputValue()).toBe('zeppelin');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'zeppelin' }).textContent()).toContain('p. 3');
    await expect
      .poll(() => page.getByRole('group', { name: 'Page 3' }).locator('.find-hit').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await screenshot(page, 'pdf-search-hit-light');
  });

  it('fetched nothing from anywhere but the app itself, and the page logged no errors', () => {
    const foreign = requests.filter((url) => !url.startsWith(served.origin) && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
