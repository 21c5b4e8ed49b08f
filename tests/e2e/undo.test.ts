import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { screenshot, sidebarCount, type Served, openInChromium } from './harness.js';

const count = sidebarCount;

describe('moves that say what they did and can be undone, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-undo-');
    expect((await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library])).code).toBe(0);
    ({ served, browser, page, errors } = await openInChromium(library));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('archives with e, says so with Undo, takes it back with Ctrl+Z and makes it again with Ctrl+Shift+Z', async () => {
    await expect.poll(() => count(page, 'Inbox')).toBe('76');
    const list = page.getByRole('listbox', { name: 'Papers' });
    const first = await list.getByRole('option').first().getAttribute('aria-label');
    // As a person does: the key is pressed once the first paper shows as selected.
    await expect.poll(() => list.getByRole('option', { selected: true }).count()).toBe(1);
    await list.focus();
    await page.keyboard.press('e');
    const toast = page.getByRole('status').filter({ hasText: 'Moved to Archive' });
    await expect.poll(() => toast.count()).toBe(1);
    expect(await toast.getByRole('button', { name: 'Undo' }).count()).toBe(1);
    await screenshot(page, 'undo-toast-light');
    await expect.poll(() => count(page, 'Archive')).toBe('1');
    await expect.poll(() => count(page, 'Inbox')).toBe('75');

    await page.keyboard.press('Control+z');
    await expect.poll(() => count(page, 'Inbox')).toBe('76');
    await expect.poll(() => count(page, 'Archive')).toBe('0');
    await expect.poll(() => list.getByRole('option').first().getAttribute('aria-label')).toBe(first);

    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => count(page, 'Archive')).toBe('1');
    await expect.poll(() => count(page, 'Inbox')).toBe('75');
  });

  it('takes a move back from the Undo button in its toast', async () => {
    await page.getByRole('listbox', { name: 'Papers' }).focus();
    await page.keyboard.press('s');
    const toast = page.getByRole('status').filter({ hasText: 'Moved to To read' });
    await expect.poll(() => toast.count()).toBe(1);
    await expect.poll(() => count(page, 'To read')).toBe('1');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count(page, 'To read')).toBe('0');
    expect(errors).toEqual([]);
  });

  it('opens the command palette with focus in its field, so typing filters it, and Esc closes it', async () => {
    const list = page.getByRole('listbox', { name: 'Papers' });
    await list.focus();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Commands' });
    await expect.poll(() => palette.count()).toBe(1);
    const before = await palette.getByRole('option').count();
    await page.keyboard.type('archive');
    await expect.poll(() => palette.getByRole('combobox', { name: 'Command' }).inputValue()).toBe('archive');
    await expect.poll(() => palette.getByRole('option').count()).toBeLessThan(before);
    expect((await palette.getByRole('option').allTextContents()).join(' ').toLowerCase()).toContain('archive');
    await page.keyboard.press('Escape');
    await expect.poll(() => palette.count()).toBe(0);
    // Focus is back where it was.
    expect(await list.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  });
});
