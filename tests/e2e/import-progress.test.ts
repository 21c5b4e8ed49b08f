import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSyntheticLibrary } from '../helpers/seed-library.js';
import { librarySnapshot } from '../helpers/snapshot.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, sidebarCount, type Served } from './harness.js';

/** Entries in the file: enough that matching them against the library takes a couple of seconds. */
const ENTRIES = 40_000;

/** A reference manager's export of `n` papers the library does not have. */
function bibtex(n: number): string {
  return Array.from(
    { length: n },
    (_, i) =>
      `@article{ref${i},\n  title = {Progress report number ${i} on sparse attention},\n  author = {Doe, Jane and Roe, Rich},\n  year = {2024},\n  doi = {10.5555/progress.${i}}\n}\n`,
  ).join('\n');
}

let browser: Browser;
let served: Served;
let page: Page;
let errors: string[];
let library: string;
let file: string;
beforeAll(async () => {
  const root = await suiteTempDir('margin-import-progress-');
  library = path.join(root, 'library');
  await seedSyntheticLibrary(library, 40);
  file = path.join(root, 'references.bib');
  await writeFile(file, bibtex(ENTRIES));
  browser = await launchBrowser();
  served = await serve(library);
  ({ page, errors } = await newPage(browser));
  await page.goto(served.url);
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const dialog = (p: Page) => p.getByRole('dialog', { name: 'Import papers' });
const importBar = (p: Page) => dialog(p).getByRole('progressbar', { name: 'Import progress' });
const valueNow = async (p: Page): Promise<number> => Number((await importBar(p).getAttribute('aria-valuenow')) ?? -1);

/** Open the dialog on the file and wait for its preview: every entry a new paper. */
async function chooseFile(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog(p).locator('input[type="file"]').setInputFiles(file);
  await expect
    .poll(() => dialog(p).getByRole('status').first().textContent(), { timeout: 90_000 })
    .toMatch(new RegExp(`${ENTRIES}\\s*new`));
}

/** Start recording every value the import's progress bar takes, from before it appears. */
async function recordBar(p: Page): Promise<void> {
  await p.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { barValues: string[] }).barValues = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-label="Import progress"]');
      const value = bar ? `${bar.getAttribute('aria-valuenow') ?? ''}|${bar.getAttribute('aria-valuetext') ?? ''}` : '';
      if (value !== '' && seen[seen.length - 1] !== value) seen.push(value);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}
const barValues = (p: Page) => p.evaluate(() => (window as unknown as { barValues: string[] }).barValues);

describe('a large import', () => {
  it('cancelled before its commit point, leaves the library as it was and says so', async () => {
    await chooseFile(page);
    const before = await librarySnapshot(library);
    const allBefore = await sidebarCount(page, 'All papers');
    // `margin serve` held still while the import is sent and cancelled, so the cancel surely comes before the
    // commit point (that a cancel mid-way writes nothing is the core's test, import-progress.test.ts).
    served.process.kill('SIGSTOP');
    try {
      await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
      // A large import shows its progress and its Cancel at once, before main has answered.
      expect(await importBar(page).getAttribute('aria-valuetext')).toBe('Starting the import…');
      await dialog(page).getByRole('button', { name: 'Cancel import' }).click();
      await expect.poll(() => dialog(page).getByRole('button', { name: 'Cancelling…' }).isDisabled()).toBe(true);
    } finally {
      served.process.kill('SIGCONT');
    }
    await expect
      .poll(() => dialog(page).getByText('Import cancelled — nothing was changed.').isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await importBar(page).count()).toBe(0);
    expect(await dialog(page).getByRole('alert').count()).toBe(0);
    // Nothing written: every data file as it was, the same count in the sidebar.
    expect(await librarySnapshot(library)).toBe(before);
    expect(await sidebarCount(page, 'All papers')).toBe(allBefore);
    // The cancelled call's answer is an error (409), which Chromium logs; nothing else went wrong.
    expect(errors.filter((e) => !/status of 409 \(Conflict\)/.test(e))).toEqual([]);
    errors.length = 0;
  }, 180_000);

  it('run again, shows its progress moving (light and dark) and lands whole', async () => {
    await recordBar(page);
    await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
    // From "Starting the import…" (no value yet) to a share of the whole: matched so far, or writing.
    await expect.poll(() => valueNow(page), { timeout: 30_000, interval: 10 }).toBeGreaterThanOrEqual(10);
    // Held still for the pictures, so light and dark show the same moment.
    served.process.kill('SIGSTOP');
    try {
      await screenshot(page, 'import-progress-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'import-progress-dark');
      await page.emulateMedia({ colorScheme: 'light' });
    } finally {
      served.process.kill('SIGCONT');
    }
    await expect
      .poll(() => page.getByText(`Imported ${ENTRIES} new papers`).isVisible(), { timeout: 60_000 })
      .toBe(true);
    // The bar moved: it started with no value, then took values that only grew.
    const seen = await barValues(page);
    expect(seen[0]).toBe('|Starting the import…');
    const numbers = seen.map((v) => Number(v.split('|')[0] || Number.NaN)).filter((v) => !Number.isNaN(v));
    expect(numbers.length).toBeGreaterThanOrEqual(1);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(
      seen.some((v) =>
        /^\d+\|(Planning: [\d,]+ of 40,000 entries matched against your library|Writing 40,000 papers…)$/.test(v),
      ),
    ).toBe(true);
    await expect
      .poll(() => sidebarCount(page, 'All papers'), { timeout: 30_000 })
      .toBe((ENTRIES + 40).toLocaleString('en-US'));
    expect(errors).toEqual([]);
  }, 180_000);
});
