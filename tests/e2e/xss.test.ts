import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

/** Each payload, if it ever ran, would set window.__xss (or navigate, or open a dialog). */
const BASE = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '<svg><script>window.__xss=1</script></svg>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<iframe src="javascript:parent.__xss=1"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '[click](javascript:window.__xss=1)',
  '[click](data:text/html,<script>parent.__xss=1</script>)',
  '[click](file:///etc/passwd)',
  '![img](x" onerror="window.__xss=1)',
  '<body onload="window.__xss=1">',
  '<details open ontoggle="window.__xss=1">',
  '<input autofocus onfocus="window.__xss=1">',
  '<video><source onerror="window.__xss=1"></video>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">',
  '"><img src=x onerror=window.__xss=1>',
  "'><svg/onload=window.__xss=1>",
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '<object data="javascript:window.__xss=1"></object>',
  '<embed src="javascript:window.__xss=1">',
  '<form action="javascript:window.__xss=1"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">',
  '<base href="javascript:window.__xss=1//">',
  '<link rel=import href="data:text/html,<script>parent.__xss=1</script>">',
  '{{constructor.constructor("window.__xss=1")()}}',
  '${window.__xss=1}',
  '$\\href{javascript:window.__xss=1}{x}$',
  'javascript:window.__xss=1',
  'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9MTwvc2NyaXB0Pg==',
  '<style>@import "javascript:window.__xss=1";</style>',
  '<div style="background:url(javascript:window.__xss=1)">',
  '\u202E<script>window.__xss=1</script>',
];
/** Each base payload as is, inside Markdown, and split by an entity: 105 payloads. */
const PAYLOADS = BASE.flatMap((p) => [p, `**bold** ${p} _end_`, p.replace('<', '&lt;<')]);

describe('hostile text stays text in every view', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  const dialogs: string[] = [];

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-xss-');
    const file = path.join(library, '..', `${path.basename(library)}-hostile.json`);
    const items = PAYLOADS.map((payload, i) => ({
      id: `xss${i}`,
      type: 'article',
      title: `Paper ${i} ${payload}`,
      author: [{ literal: payload }, { given: payload, family: `Family${i}` }],
      abstract: `Abstract ${i}: ${payload} and $O(n^2)$ math.`,
      keyword: `tag${i}, ${payload.replace(/[,;]/g, ' ')}`,
      URL: i % 2 === 0 ? 'javascript:window.__xss=1' : `https://example.com/${encodeURIComponent(payload)}`,
      issued: { 'date-parts': [[2024]] },
    }));
    await writeFile(file, JSON.stringify(items));
    const imported = await runMargin(['import', file, '--json', '--library', library]);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as { added: number; ids: string[]; failed: Array<{ message: string }> };
    expect(report.added).toBe(PAYLOADS.length);
    expect(report.failed.some((f) => f.message.includes('dropped a link'))).toBe(true);
    for (const [i, id] of report.ids.slice(0, 40).entries()) {
      const payload = PAYLOADS[i] ?? '';
      await runMargin([
        'note',
        id,
        '--set',
        `# Note\n\n${payload}\n\n[link](javascript:window.__xss=1) <b onmouseover=window.__xss=1>x</b>`,
        '--library',
        library,
      ]);
      await runMargin(['annotate', id, '--quote', `Abstract ${i}`, '--comment', payload, '--library', library]);
    }
    // And the hostile BibTeX file of the reliability suite: script in title and abstract, javascript: URL, a path-traversal title.
    expect(
      (
        await runMargin([
          'import',
          path.resolve(import.meta.dirname, '../fixtures/import/hostile.bib'),
          '--library',
          library,
        ])
      ).code,
    ).toBe(0);
    served = await serve(library);
    browser = await launchBrowser();
    ({ page, errors } = await newPage(browser));
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(served.url);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  /** Nothing ran, nothing navigated, and no markup from the payloads made it into the page. */
  async function assertInert(where: string): Promise<void> {
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), where).toBeUndefined();
    expect(new URL(page.url()).origin, where).toBe(served.origin);
    expect(dialogs, where).toEqual([]);
    const injected = await page.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll('*'))) {
        for (const attr of Array.from(el.attributes))
          if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (['IFRAME', 'OBJECT', 'EMBED', 'BASE', 'META', 'FORM', 'VIDEO'].includes(el.tagName) && !el.closest('head'))
          found.push(el.tagName);
        if (el.tagName === 'SCRIPT' && !(el as HTMLScriptElement).src) found.push('inline SCRIPT');
        if (el.tagName === 'A' && /^\s*(javascript|data|file):/i.test(el.getAttribute('href') ?? ''))
          found.push(`A ${el.getAttribute('href')}`);
        if (el.tagName === 'IMG' && !/icon\.svg$/.test(el.getAttribute('src') ?? ''))
          found.push(`IMG ${el.getAttribute('src')}`);
      }
      return found;
    });
    expect(injected, where).toEqual([]);
  }

  it(`renders ${PAYLOADS.length} payloads in the list, the sidebar and the reader as text`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
    await page
      .getByRole('navigation', { name: 'Library' })
      .getByRole('button', { name: 'All papers', exact: true })
      .click();
    const list = page.getByRole('listbox', { name: 'Papers' });
    await list.getByRole('option').first().waitFor();
    await assertInert('list');
    // Walk through every paper with the keyboard, so each is drawn in the reader.
    await list.focus();
    for (let i = 0; i < PAYLOADS.length + 3; i++) {
      await page.keyboard.press('j');
      if (i % 15 === 0) await assertInert(`reader, paper ${i}`);
    }
    await page.waitForTimeout(200);
    await assertInert('reader, last paper');
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    expect(title).toMatch(/^Paper \d+ /);
  });

  it('keeps notes, highlights and comments inert, in the editor and in the Markdown preview', async () => {
    const list = page.getByRole('listbox', { name: 'Papers' });
    await list.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 40; i++) {
      const note = page.getByRole('textbox', { name: 'Note' });
      if ((await note.count()) > 0 && (await note.inputValue()) !== '') {
        await page.getByRole('button', { name: 'Preview' }).click();
        await assertInert(`note preview ${i}`);
        const link = page.locator('.note-preview').getByText('link', { exact: true });
        if ((await link.count()) > 0) await link.first().click();
        await assertInert(`note link ${i}`);
        await page.getByRole('button', { name: 'Edit' }).click();
        const annotation = page.getByRole('list', { name: 'Annotations' }).getByRole('button').first();
        if ((await annotation.count()) > 0) await annotation.click();
        await assertInert(`annotation ${i}`);
      }
      await list.focus();
      await page.keyboard.press('j');
    }
    await screenshot(page, 'xss-reader');
  });

  it('keeps pasted hostile text inert in the import preview', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const text = PAYLOADS.map(
      (p, i) => `Pasted Title ${i} ${p}\n\n${p} as an abstract sentence that is long enough.`,
    ).join('\n\n');
    await page.getByRole('dialog', { name: 'Import papers' }).getByRole('textbox', { name: 'Paste papers' }).fill(text);
    await page.getByRole('dialog', { name: 'Import papers' }).getByRole('status').first().waitFor();
    await page.waitForTimeout(500);
    await assertInert('import preview');
    await page.keyboard.press('Escape');
    expect(errors.filter((e) => !/Content Security Policy|Refused to/.test(e))).toEqual([]);
  });
});
