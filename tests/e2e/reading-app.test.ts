import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIGEST_PATH, samplePapers } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const papersList = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const navItem = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name, exact: true });

/** Every option name in the virtualized list, scrolling through it as a person would. */
async function allOptionNames(page: Page): Promise<string[]> {
  const list = papersList(page);
  const names = new Set<string>();
  await list.evaluate((el) => el.scrollTo(0, 0));
  for (let guard = 0; guard < 200; guard++) {
    for (const name of await list
      .getByRole('option')
      .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '')))
      names.add(name);
    const done = await list.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 2);
    if (done) break;
    await list.evaluate((el) => el.scrollBy(0, el.clientHeight));
    await page.waitForTimeout(30);
  }
  return [...names];
}

async function pasteDigest(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import papers' });
  await dialog.getByRole('textbox', { name: 'Paste papers' }).fill(text);
}

describe('the reading app in Chromium', () => {
  let served: Served;
  let page: Page;
  let errors: string[];
  const digest = readFile(SAMPLE_DIGEST_PATH, 'utf8');
  const expected = samplePapers();

  beforeAll(async () => {
    served = await serve(await suiteTempDir('margin-e2e-'));
    ({ page, errors } = await newPage(browser));
    await page.goto(served.url);
  });
  afterAll(async () => {
    await page?.context().close();
    await served?.stop();
  });

  it('shows an empty state that says what to do', async () => {
    await expect.poll(() => page.getByText('Your reading list is empty').isVisible()).toBe(true);
    await screenshot(page, 'empty-light');
  });

  it('previews a pasted digest as 76 new papers, imports them, and lists all 76', async () => {
    await pasteDigest(page, await digest);
    const dialog = page.getByRole('dialog', { name: 'Import papers' });
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/76\s*new\s*0\s*to merge\s*0\s*already in the library/);
    await screenshot(page, 'import-preview-light');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Imported 76 new papers');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await expect.poll(() => papersList(page).getByRole('option').first().getAttribute('aria-setsize')).toBe('76');
    expect((await allOptionNames(page)).sort()).toEqual(expected.map((p) => p.title).sort());
    await expect
      .poll(() =>
        navItem(page, 'Inbox')
          .getAttribute('aria-describedby')
          .then((id) => page.locator(`#${id}`).textContent()),
      )
      .toBe('76');
  });

  it('narrows the list to the papers whose text has the word "sparsity"', async () => {
    const wordStart = /(^|[^\p{L}\p{N}])sparsity/iu;
    const matching = expected.filter((p) => wordStart.test(`${p.title}\n${p.abstract}`)).map((p) => p.title);
    expect(matching.length).toBeGreaterThan(5);
    await page.getByRole('searchbox', { name: 'Search library' }).fill('sparsity');
    await expect
      .poll(() => papersList(page).getByRole('option').first().getAttribute('aria-setsize'))
      .toBe(String(matching.length));
    expect((await allOptionNames(page)).sort()).toEqual([...matching].sort());
  });

  it('opens a paper, sets it to Reading, tags it, and keeps all of it after a reload', async () => {
    const title = expected.find((p) => p.title.startsWith('ProSparse'))?.title ?? '';
    await papersList(page).getByRole('option', { name: title }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: title }).isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('region', { name: 'Abstract' }).textContent())
      .toContain('Activation sparsity refers to');

    await page.getByRole('combobox', { name: 'Status' }).selectOption('reading');
    const tagBox = page.getByRole('combobox', { name: 'Add tag' });
    await tagBox.fill('llm/sparsity');
    await tagBox.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Remove tag llm/sparsity' }).isVisible()).toBe(true);
    await screenshot(page, 'reader-light');

    await page.reload();
    await page.getByRole('searchbox', { name: 'Search library' }).fill('');
    await navItem(page, 'Reading').click();
    await expect
      .poll(() =>
        papersList(page)
          .getByRole('option')
          .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))),
      )
      .toEqual([title]);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('reading');
    expect(await page.getByRole('button', { name: 'Remove tag llm/sparsity' }).isVisible()).toBe(true);

    const count = async (nav: string, name: string) => {
      const button = page.getByRole('navigation', { name: nav }).getByRole('button', { name, exact: true });
      const id = await button.getAttribute('aria-describedby');
      return page.locator(`#${id}`).textContent();
    };
    await expect.poll(() => count('Library', 'Inbox')).toBe('75');
    expect(await count('Library', 'Reading')).toBe('1');
    expect(await count('Library', 'All papers')).toBe('76');
    expect(await count('Tags', 'llm')).toBe('1');
    expect(await count('Tags', 'sparsity')).toBe('1');
  });

  it('previews the same digest again as 0 new and 76 already in the library', async () => {
    await pasteDigest(page, await digest);
    const dialog = page.getByRole('dialog', { name: 'Import papers' });
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toMatch(/0\s*new\s*0\s*to merge\s*76\s*already in the library/);
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('is keyboard-first: j/k move, s cycles status, ? and Ctrl+K list every action', async () => {
    await navItem(page, 'All papers').click();
    await papersList(page).focus();
    const selectedName = () => papersList(page).locator('[aria-selected="true"]').getAttribute('aria-label');
    const first = await selectedName();
    await page.keyboard.press('j');
    await expect.poll(selectedName).not.toBe(first);
    await page.keyboard.press('k');
    await expect.poll(selectedName).toBe(first);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(first);
    await page.keyboard.press('s');
    await expect.poll(() => page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('to-read');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(first);
    await page.keyboard.press('?');
    await expect.poll(() => page.getByRole('dialog', { name: 'Keyboard shortcuts' }).isVisible()).toBe(true);
    await screenshot(page, 'shortcuts-light');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    await palette.getByRole('combobox', { name: 'Command' }).fill('archive');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('combobox', { name: 'Status' }).inputValue()).toBe('archived');
    await page.keyboard.press('/');
    expect(
      await page
        .getByRole('searchbox', { name: 'Search library' })
        .evaluate((el) => el === el.ownerDocument.activeElement),
    ).toBe(true);
  });

  it('saves a search to the sidebar', async () => {
    await page.getByRole('searchbox', { name: 'Search library' }).fill('tag:llm');
    await page.getByRole('button', { name: 'Save search' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Saved searches' })
          .getByRole('button', { name: 'tag:llm', exact: true })
          .isVisible(),
      )
      .toBe(true);
  });

  it('looks finished in the dark theme too, with no errors in the page', async () => {
    const dark = await newPage(browser, 'dark');
    await dark.page.goto(served.url);
    await papersList(dark.page).getByRole('option').first().waitFor();
    await dark.page.waitForTimeout(300);
    await screenshot(dark.page, 'main-dark');
    await dark.page.getByRole('button', { name: 'Import', exact: true }).click();
    await dark.page
      .getByRole('textbox', { name: 'Paste papers' })
      .fill(`${await digest}\n\nA Paper That Is New Here\n\nIts abstract, which is a full sentence.`);
    await dark.page.getByRole('dialog', { name: 'Import papers' }).getByText('1', { exact: true }).first().waitFor();
    await screenshot(dark.page, 'import-preview-dark');
    await dark.context.close();
    await page.getByRole('searchbox', { name: 'Search library' }).fill('');
    await expect.poll(() => papersList(page).getByRole('option').first().getAttribute('aria-setsize')).toBe('76');
    await screenshot(page, 'main-light');
    expect(errors).toEqual([]);
    expect(dark.errors).toEqual([]);
  });
});
