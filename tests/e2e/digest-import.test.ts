import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDigestFixtures } from '../../scripts/fixtures/digest-fixtures.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

// A real Hugging Face daily-papers page: its copied text shows no ids, its HTML links each title to /papers/<arXiv id>.
const HF = loadDigestFixtures(path.resolve(import.meta.dirname, '../fixtures/digests')).find(
  (f) => f.name === 'hf-page/slbqc-hf-daily-papers-2024-08-01',
);
if (!HF?.html) throw new Error('the Hugging Face page fixture is missing');
const hf = HF;

let browser: Browser;
let served: Served;
let page: Page;
let errors: string[];
beforeAll(async () => {
  browser = await launchBrowser();
  served = await serve(await suiteTempDir());
  ({ page, errors } = await newPage(browser));
  await page.goto(served.url);
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
});
afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/**
 * Put text and HTML on the real clipboard, as copying from a browser does, and paste with the keyboard
 * outside any field. Chromium sanitizes clipboard HTML by parsing it in the page, so the page's CSP
 * reports (and blocks) the real page's inline handlers then: those reports are taken out of `errors`,
 * after checking that each one is such a block.
 */
async function pasteFromBrowser(target: Page, text: string, html: string, pageErrors: string[]): Promise<void> {
  const before = pageErrors.length;
  await target.evaluate(
    async ([t, h]) => {
      await navigator.clipboard.write([
        new ClipboardItem({
          'text/plain': new Blob([t], { type: 'text/plain' }),
          'text/html': new Blob([h], { type: 'text/html' }),
        }),
      ]);
    },
    [text, html] as const,
  );
  await target.waitForTimeout(100);
  const blocked = pageErrors.splice(before);
  expect(blocked.every((e) => /violates the following Content Security Policy directive/.test(e))).toBe(true);
  await target.locator('body').click({ position: { x: 700, y: 880 } });
  await target.keyboard.press('Control+V');
}

const dialog = (p: Page) => p.getByRole('dialog', { name: 'Import papers' });
const row = (p: Page, title: string) =>
  dialog(p)
    .getByRole('list', { name: 'Papers in this import' })
    .getByRole('listitem')
    .filter({ has: p.getByRole('checkbox', { name: `Import ${title}`, exact: true }) });

describe('the address bar', () => {
  it('loses the token once the page has it, and the page still works after a reload', async () => {
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await expect.poll(() => page.getByText('Your reading list is empty').isVisible()).toBe(true);
  });
});

describe('pasting a digest from a browser', () => {
  it('names the source and gives every paper the arXiv id of the link under its title', async () => {
    await pasteFromBrowser(page, hf.text, hf.html ?? '', errors);
    await expect
      .poll(() => dialog(page).getByLabel('Recognised source').textContent())
      .toContain('Hugging Face daily papers');
    for (const paper of hf.expected) {
      await expect
        .poll(() => row(page, paper.title).textContent(), { message: paper.title })
        .toContain(`arXiv:${paper.htmlArxivId}`);
    }
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toMatch(/13\s*new/);
    await screenshot(page, 'import-digest-preview');
  });

  it('lets the user untick a paper and mark another "not a paper", and lists the skipped text with its lines', async () => {
    const [first, second] = hf.expected;
    if (!first || !second) throw new Error('fixture has too few papers');
    await row(page, first.title)
      .getByRole('checkbox', { name: `Import ${first.title}` })
      .uncheck();
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toMatch(/12\s*new/);
    expect(await row(page, first.title).getByRole('checkbox').isChecked()).toBe(false);

    await row(page, second.title)
      .getByRole('button', { name: `Correct the reading of ${second.title}` })
      .click();
    await page
      .getByRole('menu', { name: `Corrections for ${second.title}` })
      .getByRole('menuitem', { name: 'Not a paper' })
      .click();
    await expect.poll(() => row(page, second.title).count()).toBe(0);
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toMatch(/11\s*new/);

    await dialog(page)
      .getByText(/^Skipped text \(\d+\)/)
      .click();
    const skipped = dialog(page).getByRole('list', { name: 'Skipped text' });
    await expect.poll(() => skipped.textContent()).toContain(`${second.title} (marked not a paper)`);
    expect(await skipped.textContent()).toMatch(/Pasted text, line \d+/);
    await screenshot(page, 'import-digest-corrected');

    await dialog(page).getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => dialog(page).getByRole('status').textContent()).toContain('Imported 11 new papers');
    await dialog(page).getByRole('button', { name: 'Done' }).click();
    // Each imported paper keeps the arXiv id its link gave it.
    const third = hf.expected[2];
    const stored = await page.evaluate(
      async ([origin, token, title]) => {
        const call = async (channel: string, body: unknown) =>
          (await (
            await fetch(`${origin}/api/${channel}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-margin-token': token },
              body: JSON.stringify(body),
            })
          ).json()) as { data: { rows?: Array<{ id: string; title: string }>; arxivId?: string } };
        const list = await call('papers:query', {
          view: { kind: 'all' },
          search: '',
          sort: 'added',
          offset: 0,
          limit: 100,
        });
        const id = list.data.rows?.find((r) => r.title === title)?.id;
        return { count: list.data.rows?.length, arxivId: id ? (await call('papers:get', { id })).data.arxivId : null };
      },
      [served.origin, served.token, third?.title ?? ''] as const,
    );
    expect(stored).toEqual({ count: 11, arxivId: third?.htmlArxivId });
    expect(errors).toEqual([]);
  });

  it('looks right in the dark theme and in a narrow window', async () => {
    const dark = await newPage(browser, 'dark');
    await dark.page.setViewportSize({ width: 760, height: 900 });
    await dark.page.goto(served.url);
    await dark.page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await pasteFromBrowser(dark.page, hf.text, hf.html ?? '', dark.errors);
    await expect
      .poll(() => dialog(dark.page).getByRole('status').textContent())
      .toMatch(/2\s*new.*11\s*already in the library/s);
    await screenshot(dark.page, 'import-digest-preview-dark-narrow');
    expect(dark.errors).toEqual([]);
    await dark.context.close();
  });
});
