import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { screenshot, type Served, openInChromium } from './harness.js';

const SENTENCE =
  'Activation sparsity refers to the existence of considerable weakly-contributed elements among activation outputs.';
const TITLE = 'ProSparse: Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models';

/** Select a passage of the abstract with the DOM selection API, as a mouse drag would. */
async function selectInAbstract(page: Page, passage: string): Promise<void> {
  await page.getByRole('region', { name: 'Abstract' }).evaluate((region, text) => {
    const walker = region.ownerDocument.createTreeWalker(region, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = region.ownerDocument.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = region.ownerDocument.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`passage not found: ${text}`);
  }, passage);
}

describe('annotating abstracts and exporting notes, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  let exportDir: string;

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-annotate-');
    const vault = await suiteTempDir('margin-e2e-vault-');
    exportDir = path.join(vault, 'Papers');
    const imported = await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library]);
    expect(imported.code).toBe(0);
    // Under margin serve the page may export only below the folder named on its command line.
    ({ served, browser, page, errors } = await openInChromium(library, ['--exports', vault]));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('highlights a selected sentence in green with a comment, draws it in place and lists it', async () => {
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: TITLE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    await selectInAbstract(page, SENTENCE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();

    const list = page.getByRole('list', { name: 'Annotations' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await page.getByRole('radiogroup', { name: 'Color' }).getByRole('radio', { name: 'Green' }).click();
    await page.getByRole('textbox', { name: 'Comment' }).fill('The definition the paper builds on.');
    await page.getByRole('textbox', { name: 'Comment' }).blur();

    const drawn = page.getByRole('region', { name: 'Abstract' }).locator('mark.hl-green');
    await expect.poll(() => drawn.allTextContents().then((t) => t.join(''))).toBe(SENTENCE);
    expect(await list.textContent()).toContain(SENTENCE);
    await expect
      .poll(() =>
        page
          .getByRole('radiogroup', { name: 'Color' })
          .getByRole('radio', { name: 'Green' })
          .getAttribute('aria-checked'),
      )
      .toBe('true');
    await screenshot(page, 'reader-highlight-light');
  });

  it('keeps the highlight and comment after a reload', async () => {
    await page.waitForTimeout(900); // the comment saves a beat after typing stops (and on blur)
    await page.reload();
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: TITLE }).click();
    const list = page.getByRole('list', { name: 'Annotations' });
    await expect.poll(() => list.textContent()).toContain(SENTENCE);
    expect(await list.textContent()).toContain('The definition the paper builds on.');
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Abstract' })
          .locator('mark.hl-green')
          .allTextContents()
          .then((t) => t.join('')),
      )
      .toBe(SENTENCE);
  });

  it('writes a note and undoes a tag with Ctrl+Z', async () => {
    await page.getByRole('textbox', { name: 'Note' }).fill('Compare with **CHESS** and the Sparsing Law paper.');
    await page.getByRole('textbox', { name: 'Note' }).blur();
    await expect.poll(() => page.locator('.note-state').textContent()).toBe('Saved');
    const tagBox = page.getByRole('combobox', { name: 'Add tag' });
    await tagBox.fill('oops');
    await tagBox.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Remove tag oops' }).count()).toBe(1);
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByRole('button', { name: 'Remove tag oops' }).count()).toBe(0);
  });

  it('exports the paper from the Export dialog: the file holds the quote, the comment and the note', async () => {
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(exportDir);
    await dialog.getByRole('button', { name: 'Export notes' }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export result' }).getByRole('status').textContent())
      .toMatch(/1\s*written\s*0\s*unchanged\s*0\s*conflicts/);
    await screenshot(page, 'export-light');

    // The note, and the cross-paper highlights file that Export notes keeps up to date beside it.
    const files = (await readdir(exportDir)).filter((f) => f.endsWith('.md')).sort();
    expect(files).toEqual([
      'Highlights.md',
      'ProSparse Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models.md',
    ]);
    expect(await readFile(path.join(exportDir, 'Highlights.md'), 'utf8')).toContain(SENTENCE);
    const markdown = await readFile(path.join(exportDir, files[1] ?? ''), 'utf8');
    expect(markdown).toContain(`> ${SENTENCE}`);
    expect(markdown).toContain('**Key result**: The definition the paper builds on.');
    expect(markdown).toContain('Compare with **CHESS** and the Sparsing Law paper.');

    await dialog.getByRole('button', { name: 'Export notes' }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export result' }).getByRole('status').textContent())
      .toMatch(/0\s*written\s*1\s*unchanged\s*0\s*conflicts/);
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('bibtex');
    await dialog.getByRole('button', { name: 'Export references' }).click();
    await expect
      .poll(() => dialog.getByRole('status').last().textContent())
      .toMatch(/Wrote .*references\.bib \(1 papers\)/);
    const bib = await readFile(path.join(exportDir, 'references.bib'), 'utf8');
    expect(bib).toMatch(
      /^@misc\{anonndprosparse,\n  title = \{\{ProSparse: Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models\}\}/m,
    );
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(errors).toEqual([]);
  });
});
