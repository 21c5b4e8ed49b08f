import { readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf } from '../helpers/make-pdf.js';
import { runMargin } from '../helpers/run-margin.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { screenshot, type Served, openInChromium } from './harness.js';

const TITLE = 'ProSparse: Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models';
const MISSING = 'This PDF is not on this machine yet';
const BIBTEX = `@article{song2024prosparse,
  title = {${TITLE}},
  author = {Song, Chenyang and Han, Xu},
  year = {2024},
  eprint = {2402.13516},
  archivePrefix = {arXiv},
  abstract = {Activation sparsity refers to the existence of considerable weakly-contributed elements among activation outputs.}
}
`;

describe('a paper whose PDF is not on this machine (received by sync: PDFs do not go through git)', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-missing-pdf-');
    const files = await suiteTempDir('margin-e2e-missing-pdf-files-');
    const pdfFile = path.join(files, 'prosparse.pdf');
    await writeFile(pdfFile, await makePdf([['ProSparse, page one.']], TITLE));
    const bibFile = path.join(files, 'prosparse.bib');
    await writeFile(bibFile, BIBTEX);
    expect((await runMargin(['import', bibFile, '--library', library])).code).toBe(0);
    const papers = JSON.parse((await runMargin(['list', '--json', '--library', library])).stdout) as Array<{
      id: string;
      title: string;
    }>;
    const paper = papers.find((p) => p.title === TITLE);
    if (!paper) throw new Error(`the sample digest has no "${TITLE}"`);
    expect((await runMargin(['attach', paper.id, pdfFile, '--library', library])).code).toBe(0);
    // The record keeps the PDF; the file is gone, as on a machine that received the paper by sync.
    const pdfs = (await readdir(path.join(library, 'attachments'))).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(1);
    await rm(path.join(library, 'attachments', pdfs[0] ?? ''));
    ({ served, browser, page, errors } = await openInChromium(library));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('says the PDF is not here yet and offers to download it from arXiv, in light and dark', async () => {
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: TITLE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);

    const missing = page.getByRole('region', { name: MISSING });
    await missing.waitFor();
    expect(await missing.textContent()).toContain('prosparse.pdf');
    expect(await missing.getByRole('button', { name: 'Download from arXiv' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Read PDF/ }).count()).toBe(0);
    await screenshot(page, 'missing-pdf-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'missing-pdf-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Offline (`margin serve` in the tests never goes online): the download is queued and waits.
    await missing.getByRole('button', { name: 'Download from arXiv' }).click();
    await expect.poll(() => page.getByText(/Offline: the PDF is queued/).count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
