import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_DIGEST_PATH, samplePapers } from '../helpers/sample-digest.js';
import { NEW_PAPERS, secondDigest } from '../helpers/second-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { screenshot, sidebarCount, type Served, openInChromium } from './harness.js';

const count = sidebarCount;

/** Paste a digest into the import dialog and choose Triage, as a person does in the morning. */
async function triage(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import papers' });
  await dialog.getByRole('textbox', { name: 'Paste papers' }).fill(text);
  const button = dialog.getByRole('button', { name: 'Triage…' });
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await expect.poll(() => page.getByRole('region', { name: 'Triage' }).count()).toBe(1);
}

const progress = (page: Page) => page.getByRole('region', { name: 'Triage' }).getByRole('status').first().textContent();
const shownTitle = (page: Page) =>
  page.getByRole('article', { name: 'Paper' }).getByRole('heading', { level: 1 }).textContent();

describe('morning triage in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  const sample = samplePapers();

  beforeAll(async () => {
    ({ served, browser, page, errors } = await openInChromium(await suiteTempDir('margin-e2e-triage-')));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('triages the sample digest with one key per paper: skips 3, keeps 5, and u undoes the last decision', async () => {
    await triage(page, await readFile(SAMPLE_DIGEST_PATH, 'utf8'));
    const region = page.getByRole('region', { name: 'Triage' });
    await expect.poll(() => region.textContent()).toContain('76 new · 0 already in your library');
    await expect.poll(() => progress(page)).toBe('0 of 76');
    await expect.poll(() => shownTitle(page)).toBe(sample[0]?.title);
    await screenshot(page, 'triage-light');

    for (const key of ['x', 'x', 'x', 'k', 'k', 'k', 'k', 'k', 'k']) await page.keyboard.press(key);
    await expect.poll(() => progress(page)).toBe('9 of 76');
    // One keep too many: u takes it back and shows that paper again.
    await page.keyboard.press('u');
    await expect.poll(() => progress(page)).toBe('8 of 76');
    await expect.poll(() => shownTitle(page)).toBe(sample[8]?.title);
    const options = region.getByRole('listbox', { name: 'Digest papers' }).getByRole('option');
    await expect.poll(() => options.nth(8).textContent()).not.toContain('Keep');

    await region.getByRole('button', { name: 'Finish' }).click();
    const summary = page.getByRole('region', { name: 'Triage summary' });
    await expect.poll(() => summary.getByRole('heading').first().textContent()).toBe('Kept 5 papers, skipped 3');
    expect(await summary.getByRole('button', { name: sample[3]!.title }).count()).toBe(1);
    await summary.getByRole('button', { name: 'Back to the library' }).click();
    await expect.poll(() => count(page, 'To read')).toBe('5');
    await expect.poll(() => count(page, 'All papers')).toBe('5');
  });

  it('sets tomorrow’s digest apart: 4 new, 2 already in the library, 2 skipped before; finishing adds only the kept', async () => {
    await triage(page, secondDigest([0, 1, 3, 4], NEW_PAPERS));
    const region = page.getByRole('region', { name: 'Triage' });
    await expect
      .poll(() => region.textContent())
      .toContain('4 new · 2 already in your library · 2 skipped before · 0 new versions');
    await expect.poll(() => progress(page)).toBe('0 of 4');
    await expect.poll(() => shownTitle(page)).toBe(NEW_PAPERS[0].title);
    // Show skipped brings the two back to decide again.
    await region.getByRole('button', { name: 'Show skipped' }).click();
    await expect.poll(() => progress(page)).toBe('0 of 6');
    await region.getByRole('button', { name: 'Show skipped' }).click();
    await expect.poll(() => progress(page)).toBe('0 of 4');

    for (const key of ['k', 'x', 'r', 'x']) await page.keyboard.press(key);
    await expect.poll(() => progress(page)).toBe('4 of 4');
    await region.getByRole('button', { name: 'Finish' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Triage summary' }).getByRole('heading').first().textContent())
      .toBe('Kept 2 papers, skipped 2');
    await page.getByRole('button', { name: 'Back to the library' }).click();
    await expect.poll(() => count(page, 'All papers')).toBe('7');
    await expect.poll(() => count(page, 'Reading')).toBe('1');
  });

  it('shows a known paper with a changed abstract as a new version, with the words that changed, and takes it', async () => {
    const known = sample[3]!;
    const changed = known.abstract.replace(/\. /, '. We add a new paragraph of results here. ');
    const text = secondDigest([], [{ title: known.title, abstract: changed }]);
    await triage(page, text);
    const region = page.getByRole('region', { name: 'Triage' });
    await expect.poll(() => region.textContent()).toContain('1 new version');
    const version = region.getByRole('region', { name: 'New version' });
    await expect
      .poll(() => version.locator('ins').first().textContent())
      .toContain('We add a new paragraph of results');
    await screenshot(page, 'triage-new-version-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'triage-new-version-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await version.getByRole('button', { name: 'Take the new abstract' }).click();
    await expect.poll(() => version.getByRole('status').textContent()).toContain('Every highlight kept its place');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Triage' }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
