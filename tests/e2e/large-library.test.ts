import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticLibrary } from '../helpers/seed-library.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

describe('a library of 20,000 papers', () => {
  let browser: Browser;
  let served: Served;
  beforeAll(async () => {
    const dir = await suiteTempDir('margin-e2e-20k-');
    await seedSyntheticLibrary(dir, 20_000);
    served = await serve(dir);
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('keeps fewer than 200 rows in the DOM and scrolls to the end', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(served.url);
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'All papers', exact: true })
      .click();
    const list = page.getByRole('listbox', { name: 'Papers' });
    await expect.poll(() => list.getByRole('option').first().getAttribute('aria-setsize')).toBe('20000');
    const rowsInDom = () => list.locator('[role="option"], .row').count();
    expect(await rowsInDom()).toBeLessThan(200);

    await list.focus();
    await page.keyboard.press('End');
    await expect.poll(() => list.locator('[aria-selected="true"]').getAttribute('aria-posinset')).toBe('20000');
    expect(await rowsInDom()).toBeLessThan(200);
    await list.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await expect
      .poll(() =>
        list
          .getByRole('option')
          .evaluateAll((els) =>
            els.map((e) => Number(e.getAttribute('aria-posinset'))).some((n) => n > 9000 && n < 11000),
          ),
      )
      .toBe(true);
    expect(await rowsInDom()).toBeLessThan(200);
    await screenshot(page, 'large-library-light');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
