import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeArxiv } from '../helpers/fake-arxiv.js';
import { runMargin } from '../helpers/run-margin.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

/** Two real papers as a reference manager exports them, neither with an arXiv id. */
const BIBTEX = `
@article{lecun2015deep,
  title = {Deep learning},
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal = {Nature},
  year = {2015},
  doi = {10.1038/nature14539}
}
@inproceedings{vaswani2017attention,
  title = {Attention Is All You Need},
  author = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki},
  booktitle = {Advances in Neural Information Processing Systems},
  year = {2017}
}
`;

const reader = (page: Page) => page.getByRole('main', { name: 'Reader' });

async function open(page: Page, title: string): Promise<void> {
  await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: title }).click();
  await expect.poll(() => reader(page).getByRole('heading', { level: 1 }).textContent()).toBe(title);
}

describe('citations and links in the reader, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let arxiv: Awaited<ReturnType<typeof startFakeArxiv>>;

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-cite-');
    const bib = path.join(await suiteTempDir('margin-e2e-cite-bib-'), 'refs.bib');
    await writeFile(bib, BIBTEX);
    expect((await runMargin(['import', bib, '--library', library])).code).toBe(0);
    // Online, but the only "arXiv" it can reach is a local fake.
    arxiv = await startFakeArxiv();
    served = await serve(library, [], {
      MARGIN_OFFLINE: undefined,
      MARGIN_ARXIV_API: arxiv.url,
      MARGIN_ARXIV_PDF_BASE: new URL(arxiv.url).origin,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    await arxiv?.close();
  });

  it('copies an APA citation of the open paper from the Copy citation menu', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(served.url);
    await open(page, 'Deep learning');
    expect(await reader(page).getByRole('link', { name: 'Open DOI' }).getAttribute('href')).toBe(
      'https://doi.org/10.1038/nature14539',
    );

    const button = reader(page).getByRole('button', { name: 'Copy citation' });
    await button.click();
    const menu = page.getByRole('menu', { name: 'Citation style' });
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'APA',
      'Chicago',
      'IEEE',
      'BibTeX',
      'CSL-JSON',
    ]);
    // Focus is in the menu; Esc closes it and gives focus back to its button.
    expect(await menu.getByRole('menuitem', { name: 'APA' }).evaluate((el) => el === document.activeElement)).toBe(
      true,
    );
    await screenshot(page, 'citation-menu-light');
    // Keys in the menu are the menu's: arrows move through it, and `e` does not archive the paper behind it.
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('CSL-JSON');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chicago');
    await page.keyboard.press('e');
    await page.waitForTimeout(300); // time for an archive to land, were `e` to reach the list
    expect(await reader(page).getByRole('combobox', { name: 'Status' }).inputValue()).toBe('inbox');
    expect(await page.getByRole('status').filter({ hasText: 'Moved to' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

    await button.click();
    await menu.getByRole('menuitem', { name: 'APA' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied the citation (APA).' }).count()).toBe(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature. https://doi.org/10.1038/nature14539\n',
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a paper without an arXiv id on arXiv, and merges the one chosen into it', async () => {
    const { page, errors, context } = await newPage(browser);
    await page.goto(served.url);
    await open(page, 'Attention Is All You Need');
    expect(await reader(page).getByRole('link', { name: 'Open on arXiv' }).count()).toBe(0);
    await reader(page).getByRole('button', { name: 'Find on arXiv' }).click();

    const found = reader(page).getByRole('region', { name: 'Find on arXiv' });
    const use = found.getByRole('button', { name: 'Use this: arXiv:1706.03762' });
    await expect.poll(() => use.count()).toBe(1);
    expect(await found.getByRole('listitem').count()).toBe(2); // the paper and a decoy with most of its words
    expect(await found.getByRole('listitem').first().textContent()).toContain(
      'Ashish Vaswani, Noam Shazeer, Niki Parmar et al. · 2017',
    );
    expect(arxiv.queries.at(-1)?.get('search_query')).toBe('ti:attention AND ti:all AND ti:you AND ti:need');
    await screenshot(page, 'find-on-arxiv-light');

    await use.click();
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: 'Filled in the arXiv id, the link and the abstract from arXiv:1706.03762.' })
          .count(),
      )
      .toBe(1);
    await expect.poll(() => found.count()).toBe(0);
    const pdf = reader(page).getByRole('link', { name: 'PDF', exact: true });
    await expect.poll(() => pdf.getAttribute('href')).toBe('https://arxiv.org/pdf/1706.03762');
    expect(await reader(page).getByRole('link', { name: 'Open on arXiv' }).getAttribute('href')).toBe(
      'https://arxiv.org/abs/1706.03762',
    );
    expect(await reader(page).getByRole('button', { name: 'Find on arXiv' }).count()).toBe(0);
    await screenshot(page, 'reader-links-light');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'reader-links-1024');
    await expect.poll(() => reader(page).textContent()).toContain('The dominant sequence transduction models');

    // One undoable step: Ctrl+Z empties what the match filled in, Ctrl+Shift+Z fills it in again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => reader(page).getByRole('button', { name: 'Find on arXiv' }).count()).toBe(1);
    expect(await pdf.count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => pdf.getAttribute('href')).toBe('https://arxiv.org/pdf/1706.03762');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('looks right in the dark too', async () => {
    const { page, errors, context } = await newPage(browser, 'dark');
    await page.goto(served.url);
    await open(page, 'Deep learning');
    await reader(page).getByRole('button', { name: 'Copy citation' }).click();
    await expect.poll(() => page.getByRole('menu', { name: 'Citation style' }).count()).toBe(1);
    await screenshot(page, 'citation-menu-dark');
    await page.keyboard.press('Escape');
    // arXiv has nothing titled like it: the panel says so.
    await reader(page).getByRole('button', { name: 'Find on arXiv' }).click();
    const found = reader(page).getByRole('region', { name: 'Find on arXiv' });
    await expect
      .poll(() => found.getByRole('status').textContent())
      .toBe('arXiv has no paper with a title like this one.');
    expect(await found.getByRole('listitem').count()).toBe(0);
    await screenshot(page, 'find-on-arxiv-dark');
    expect(errors).toEqual([]);
    await context.close();
  });
});
