import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH, samplePapers } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { screenshot, type Served, openInChromium } from './harness.js';

describe('search everywhere by default, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  const sample = samplePapers();

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-search-');
    expect((await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library])).code).toBe(0);
    // One paper moves to Reading: a search typed in the Inbox must still find it.
    const listed = await runMargin(['list', '--search', '"MindBridge"', '--json', '--library', library]);
    const [paper] = JSON.parse(listed.stdout) as Array<{ id: string }>;
    expect((await runMargin(['status', paper!.id, 'reading', '--library', library])).code).toBe(0);
    ({ served, browser, page, errors } = await openInChromium(library));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  const options = () => page.getByRole('listbox', { name: 'Papers' }).getByRole('option');

  it('finds a paper in Reading from a search typed in the Inbox, and can narrow to the Inbox', async () => {
    const mindBridge = sample.find((p) => p.title.startsWith('MindBridge'))!.title;
    await expect.poll(() => options().count()).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Search library' }).fill('mindbridge');
    await expect.poll(() => options().first().getAttribute('aria-label')).toBe(mindBridge);
    await expect.poll(() => page.getByText('Searching all papers').count()).toBe(1);
    await screenshot(page, 'search-everywhere-light');

    await page.getByRole('button', { name: 'Only in Inbox' }).click();
    await expect.poll(() => options().count()).toBe(0);
    const offer = page.getByRole('button', { name: '1 match in All papers' });
    await expect.poll(() => offer.count()).toBe(1);
    await offer.click();
    await expect.poll(() => options().first().getAttribute('aria-label')).toBe(mindBridge);

    await page.getByRole('button', { name: 'Only in Inbox' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Search all papers, not only Inbox' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Search all papers, not only Inbox' }).click();
    await expect.poll(() => options().count()).toBe(1);
  });

  it('shows in each row where the search matched, the words marked, and marks them in the paper opened', async () => {
    const box = page.getByRole('searchbox', { name: 'Search library' });
    await box.fill('recomputation');
    const first = options().first();
    await expect.poll(() => first.locator('.snippet').textContent()).toContain('recomputation');
    // The marks are CSS highlights over the text as drawn: read them back as the words they cover.
    const marked = (name: string) =>
      page.evaluate(
        (highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => String(range).toLowerCase()),
        name,
      );
    await expect.poll(() => marked('margin-search-list')).toContain('recomputation');
    await first.click();
    await expect.poll(() => marked('margin-search-reader')).toContain('recomputation');
    await screenshot(page, 'search-snippet-light');
    await box.fill('');
    await expect.poll(() => marked('margin-search-reader')).toEqual([]);
  });

  it('explains a filter it cannot read instead of showing nothing', async () => {
    const box = page.getByRole('searchbox', { name: 'Search library' });
    await box.fill('status:done sparsity');
    const explained = page.getByRole('status', { name: 'Search filters not understood' });
    await expect
      .poll(() => explained.textContent())
      .toBe('status:done is not a status; use inbox, to-read, reading, read, archived');
    await expect.poll(() => options().count()).toBeGreaterThan(0); // the words still search
    await box.fill('year:>=20x4');
    await expect.poll(() => explained.textContent()).toContain('year:>=20x4 is not a year');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'search-problem-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await box.fill('');
    await expect.poll(() => explained.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
