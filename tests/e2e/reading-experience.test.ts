import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { screenshot, sidebarCount, type Served, openInChromium } from './harness.js';

const count = sidebarCount;

/** How many papers carry a tag, from the sidebar's tag tree (0 when the tag is not there). */
const tagCount = async (page: Page, tag: string) => {
  const button = page.getByRole('navigation', { name: 'Tags' }).getByRole('button', { name: tag, exact: true });
  if ((await button.count()) === 0) return 0;
  return Number(
    await button.evaluate(
      (b) => b.ownerDocument.getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent ?? '0',
    ),
  );
};

describe('bulk actions, tags, layout and reading position, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-reading-');
    expect((await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library])).code).toBe(0);
    ({ served, browser, page, errors } = await openInChromium(library));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('names the list for a screen reader as "Inbox, 76 papers"', async () => {
    await expect.poll(() => count(page, 'Inbox')).toBe('76');
    const heading = page.getByRole('region', { name: 'Paper list' }).getByRole('heading', { level: 2 });
    await expect.poll(() => heading.evaluate((h) => h.textContent)).toBe('Inbox, 76 papers');
  });

  it('selects five papers with a shift-click, tags all five in one step, and takes it back with one Ctrl+Z', async () => {
    const list = page.getByRole('listbox', { name: 'Papers' });
    const options = list.getByRole('option');
    await options.nth(0).click();
    await options.nth(4).click({ modifiers: ['Shift'] });
    const bulk = page.getByRole('region', { name: '5 selected' });
    await expect.poll(() => bulk.count()).toBe(1);
    await expect.poll(() => list.locator('[role="option"][aria-selected="true"]').count()).toBe(5);
    await screenshot(page, 'bulk-selection-light');

    await bulk.getByRole('textbox', { name: 'Add a tag' }).fill('to-cite');
    await bulk.getByRole('button', { name: 'Tag 5' }).click();
    await expect.poll(() => tagCount(page, 'to-cite')).toBe(5);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Tagged 5 papers #to-cite' }).count()).toBe(1);

    await list.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => tagCount(page, 'to-cite')).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => tagCount(page, 'to-cite')).toBe(5);

    // Ctrl-click takes one out; Shift+J extends; Esc clears.
    await options.nth(2).click({ modifiers: ['Control'] });
    await expect.poll(() => page.getByRole('region', { name: '4 selected' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: /selected$/ }).count()).toBe(0);
    await options.nth(0).click();
    await page.keyboard.press('Shift+J');
    await page.keyboard.press('Shift+J');
    await expect.poll(() => page.getByRole('region', { name: '3 selected' }).count()).toBe(1);
    await page.keyboard.press('Escape');
  });

  it('selects the whole list with Ctrl+A and moves it all in one undoable step', async () => {
    await page.getByRole('listbox', { name: 'Papers' }).focus();
    await page.keyboard.press('Control+a');
    const bulk = page.getByRole('region', { name: '76 selected' });
    await expect.poll(() => bulk.count()).toBe(1);
    await bulk.getByRole('group', { name: 'Move to' }).getByRole('button', { name: 'To read' }).click();
    await expect.poll(() => count(page, 'To read')).toBe('76');
    await expect.poll(() => count(page, 'Inbox')).toBe('0');
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(page, 'Inbox')).toBe('76');
    await expect.poll(() => count(page, 'To read')).toBe('0');
  });

  it('renames a tag onto another from the sidebar menu (a merge), one undoable step', async () => {
    const list = page.getByRole('listbox', { name: 'Papers' });
    await list.getByRole('option').nth(10).click();
    const title = await list.getByRole('option').nth(10).getAttribute('aria-label');
    // The tag goes on the paper shown: wait for it, as a person sees it before typing.
    await expect
      .poll(() => page.getByRole('main', { name: 'Reader' }).getByRole('heading', { level: 1 }).textContent())
      .toBe(title);
    const tagBox = page.getByRole('combobox', { name: 'Add tag' });
    await tagBox.fill('cite-later');
    await tagBox.press('Enter');
    await expect.poll(() => tagCount(page, 'cite-later')).toBe(1);

    await page
      .getByRole('navigation', { name: 'Tags' })
      .getByRole('button', { name: 'cite-later', exact: true })
      .click({ button: 'right' });
    await page
      .getByRole('menu', { name: 'Tag #cite-later' })
      .getByRole('menuitem', { name: 'Rename or merge…' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Tags' });
    await dialog.getByRole('combobox', { name: 'New name, or an existing tag to merge into' }).fill('to-cite');
    await dialog.getByRole('button', { name: 'Merge into #to-cite' }).click();
    await expect.poll(() => tagCount(page, 'to-cite')).toBe(6);
    await expect.poll(() => tagCount(page, 'cite-later')).toBe(0);
    await list.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => tagCount(page, 'cite-later')).toBe(1);
    await expect.poll(() => tagCount(page, 'to-cite')).toBe(5);
  });

  it('opens the next paper at its top after scrolling the one before (j)', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    const list = page.getByRole('listbox', { name: 'Papers' });
    await list.getByRole('option').first().click();
    const first = await list.getByRole('option').first().getAttribute('aria-label');
    const reader = page.getByRole('main', { name: 'Reader' });
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe(first);
    await reader.evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await expect.poll(() => reader.evaluate((main) => main.scrollTop)).toBeGreaterThan(0);
    const second = await list.getByRole('option').nth(1).getAttribute('aria-label');
    await list.focus();
    await page.keyboard.press('j');
    await expect.poll(() => reader.getByRole('heading', { level: 1 }).textContent()).toBe(second);
    expect(await page.getByRole('main', { name: 'Reader' }).evaluate((main) => main.scrollTop)).toBe(0);
  });

  it('keeps the abstract above the fold at 1024×700, light and dark, and resizes and hides panes', async () => {
    const reader = page.getByRole('main', { name: 'Reader' });
    const abstract = reader.getByRole('region', { name: 'Abstract' });
    await expect.poll(() => abstract.count()).toBe(1);
    const top = await abstract.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(700 - 120); // its heading and first lines show without scrolling
    await screenshot(page, 'reader-1024x700-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'reader-1024x700-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    const splitter = page.getByRole('separator', { name: 'Resize the list' });
    const before = Number(await splitter.getAttribute('aria-valuenow'));
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBe(before - 32);
    await page.getByRole('button', { name: 'Hide the sidebar' }).click();
    await expect.poll(() => page.getByRole('navigation', { name: 'Library' }).count()).toBe(0);
    await screenshot(page, 'reader-1024x700-no-sidebar');
    await page.reload();
    // Remembered on this machine.
    await expect.poll(() => page.getByRole('button', { name: 'Show the sidebar' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Show the sidebar' }).click();

    await page.getByRole('button', { name: 'Compact rows' }).click();
    const option = page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first();
    await expect.poll(async () => (await option.boundingBox())?.height ?? 0).toBeLessThan(56);
    await page.setViewportSize({ width: 1400, height: 900 });
    await screenshot(page, 'list-compact-1400-light');
    await page.getByRole('button', { name: 'Compact rows' }).click();
    // Comfortable rows fit their content: well under the old fixed 108 px for a short title.
    await expect.poll(async () => (await option.boundingBox())?.height ?? 200).toBeLessThan(100);
    await screenshot(page, 'list-comfortable-1400-light');
  });

  it('refuses a paste of junk with a reason instead of importing it', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import papers' });
    await dialog
      .getByRole('textbox', { name: 'Paste papers' })
      .fill('asdf qwer zxcv\nuiop\n\nlorem ipsum dolor sit amet');
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('this does not look like a list of papers');
    expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    // The refused preview is a 4xx answer the page reports; nothing else may have gone wrong.
    expect(errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
