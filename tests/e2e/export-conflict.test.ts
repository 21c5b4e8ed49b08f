import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { newPage, screenshot, type Served, openInChromium } from './harness.js';

const TITLE = 'ProSparse: Introducing and Enhancing Intrinsic Activation Sparsity within Large Language Models';
const SENTENCE =
  'Activation sparsity refers to the existence of considerable weakly-contributed elements among activation outputs.';

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

describe('an export conflict settled in the app, in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let page: Page;
  let errors: string[];
  let exportDir: string;

  const noteFile = async () => {
    const name = (await readdir(exportDir)).find((f) => f.startsWith('ProSparse'));
    if (!name) throw new Error(`no note in ${exportDir}`);
    return path.join(exportDir, name);
  };
  const readNote = async () => readFile(await noteFile(), 'utf8');
  const editNoteFile = async (change: (text: string) => string) => {
    const file = await noteFile();
    const before = await readFile(file, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    await writeFile(file, after);
  };

  /** Open the Export dialog, export notes for this paper, and return the dialog. */
  async function exportNotes(on: Page, expected: RegExp): Promise<Locator> {
    await on.getByRole('button', { name: 'Export', exact: true }).click();
    const dialog = on.getByRole('dialog', { name: 'Export' });
    await dialog.getByRole('textbox', { name: 'Folder' }).fill(exportDir);
    await dialog.getByRole('button', { name: 'Export notes' }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export result' }).getByRole('status').textContent())
      .toMatch(expected);
    return dialog;
  }

  /** Change the paper's note in the app's reader and wait until it is saved. */
  async function setNoteInApp(on: Page, text: string): Promise<void> {
    await on.getByRole('textbox', { name: 'Note' }).fill(text);
    await on.getByRole('textbox', { name: 'Note' }).blur();
    await expect.poll(() => on.locator('.note-state').textContent()).toBe('Saved');
  }

  beforeAll(async () => {
    const library = await suiteTempDir('margin-e2e-conflict-');
    const vault = await suiteTempDir('margin-e2e-conflict-vault-');
    exportDir = path.join(vault, 'Papers');
    expect((await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library])).code).toBe(0);
    const listed = await runMargin(['list', '--search', 'ProSparse', '--json', '--library', library]);
    const [paper] = JSON.parse(listed.stdout) as { id: string }[];
    const id = paper?.id ?? '';
    expect(
      (await runMargin(['annotate', id, '--quote', 'ProSparse', '--comment', 'the name', '--library', library])).code,
    ).toBe(0);
    expect((await runMargin(['note', id, '--set', 'Compare with CHESS.', '--library', library])).code).toBe(0);
    ({ served, browser, page, errors } = await openInChromium(library, ['--exports', vault]));
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('lists the conflict with its diff after Export notes, and merges it: the file keeps my edit and Margin’s new highlight', async () => {
    await page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: TITLE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    const first = await exportNotes(page, /1\s*written\s*0\s*unchanged\s*0\s*conflicts/);
    await first.getByRole('button', { name: 'Close' }).click();

    // In the vault: I edit a highlight's comment and a line of the note, both inside Margin's sections.
    await editNoteFile((s) =>
      s
        .replace('**Important**: the name', '**Important**: the name, as I read it')
        .replace('Compare with CHESS.', 'Compare with CHESS and TEAL.'),
    );
    // In Margin: a new highlight, and the same line of the note changed.
    await selectInAbstract(page, SENTENCE);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => page.getByRole('list', { name: 'Annotations' }).getByRole('listitem').count()).toBe(2);
    await setNoteInApp(page, 'Compare with CHESS, and with the Sparsing Law paper.');

    const dialog = await exportNotes(page, /0\s*written\s*0\s*unchanged\s*1\s*conflicts/);
    const conflict = dialog.getByRole('list', { name: 'Conflicts' }).getByRole('listitem').first();
    expect(await conflict.textContent()).toContain(
      "you edited Margin's highlights and note, which changed in Margin too",
    );
    await conflict.getByRole('button', { name: 'See the diff' }).click();
    const diff = conflict.getByRole('region', { name: /^Differences in ProSparse/ });
    await expect.poll(() => diff.getByRole('deletion').count()).toBeGreaterThan(0);
    expect(await diff.textContent()).toContain('Compare with CHESS and TEAL.');
    expect(await diff.textContent()).toContain('Compare with CHESS, and with the Sparsing Law paper.');
    await screenshot(page, 'export-conflict-diff-light');
    await conflict.getByRole('button', { name: 'See the diff' }).click();

    await conflict.getByRole('button', { name: 'Merge' }).click();
    const merge = conflict.getByRole('region', { name: /^Merge ProSparse/ });
    const place = merge.getByRole('group', { name: /Place 1 of 1/ });
    expect(await place.getByRole('figure', { name: 'Yours, place 1' }).textContent()).toContain(
      'Compare with CHESS and TEAL.',
    );
    expect(await place.getByRole('figure', { name: "Margin's, place 1" }).textContent()).toContain(
      'Sparsing Law paper',
    );
    const write = merge.getByRole('button', { name: 'Write merged note' });
    expect(await write.isDisabled()).toBe(true); // nothing is written before every place has an answer
    await place.getByRole('button', { name: 'Use both' }).click();
    await expect.poll(() => place.getByRole('button', { name: 'Use both' }).getAttribute('aria-pressed')).toBe('true');
    await merge.getByRole('button', { name: 'Show the merged result' }).click();
    const result = merge.getByRole('region', { name: 'Merged result' });
    expect(await result.textContent()).toContain(
      'Compare with CHESS and TEAL.\nCompare with CHESS, and with the Sparsing Law paper.',
    );
    expect(await result.textContent()).toContain('**Important**: the name, as I read it');
    expect(await result.textContent()).toContain(`> ${SENTENCE}`);
    await screenshot(page, 'export-conflict-merge-light');
    await write.scrollIntoViewIfNeeded();
    await screenshot(page, 'export-conflict-merge-result-light');
    await write.click();

    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export conflicts' }).getByRole('status').textContent())
      .toMatch(/^Merged ProSparse.*\.md\. Your version before it is kept as \.margin-base\/[a-z0-9]+\.yours\.md\.$/);
    expect(await dialog.getByRole('list', { name: 'Conflicts' }).count()).toBe(0);
    const merged = await readNote();
    expect(merged).toContain('**Important**: the name, as I read it');
    expect(merged).toContain(`> ${SENTENCE}`);
    expect(merged).toContain('Compare with CHESS and TEAL.\nCompare with CHESS, and with the Sparsing Law paper.');
    // Export notes also refreshed the cross-paper highlights file, with the new highlight.
    expect(await readFile(path.join(exportDir, 'Highlights.md'), 'utf8')).toContain(SENTENCE);

    await dialog.getByRole('button', { name: 'Export notes' }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export result' }).getByRole('status').textContent())
      .toMatch(/0\s*written\s*1\s*unchanged\s*0\s*conflicts/);
    expect(await readNote()).toBe(merged);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows the conflict and merge views in the dark theme too', async () => {
    await editNoteFile((s) => s.replace('the Sparsing Law paper.', 'the Sparsing Law paper (dark).'));
    await setNoteInApp(page, 'Compare with CHESS, in the dark.');
    const dark = await newPage(browser, 'dark');
    await dark.page.goto(served.url);
    await dark.page.getByRole('listbox', { name: 'Papers' }).getByRole('option', { name: TITLE }).click();
    // The dialog exports the open paper: wait until it is open, or it would export them all.
    await expect.poll(() => dark.page.getByRole('heading', { level: 1 }).textContent()).toBe(TITLE);
    const dialog = await exportNotes(dark.page, /0\s*written\s*0\s*unchanged\s*1\s*conflicts/);
    const conflict = dialog.getByRole('list', { name: 'Conflicts' }).getByRole('listitem').first();
    await conflict.getByRole('button', { name: 'See the diff' }).click();
    await screenshot(dark.page, 'export-conflict-diff-dark');
    await conflict.getByRole('button', { name: 'See the diff' }).click();
    await conflict.getByRole('button', { name: 'Merge' }).click();
    await conflict.getByRole('button', { name: "Use Margin's" }).first().click();
    await screenshot(dark.page, 'export-conflict-merge-dark');
    await dark.page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(dark.page, 'export-conflict-merge-dark-1024');
    expect(dark.errors).toEqual([]);
    await dark.context.close();
  });

  it('keeps mine: the file stays as I wrote it, and the next export leaves it alone', async () => {
    const mine = await readNote();
    const dialog = await exportNotes(page, /0\s*written\s*0\s*unchanged\s*1\s*conflicts/);
    const conflict = dialog.getByRole('list', { name: 'Conflicts' }).getByRole('listitem').first();
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export conflicts' }).getByRole('status').textContent())
      .toMatch(/^Kept your version of ProSparse/);
    expect(await readNote()).toBe(mine);
    await dialog.getByRole('button', { name: 'Export notes' }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export result' }).getByRole('status').textContent())
      .toMatch(/0\s*written\s*1\s*unchanged\s*0\s*conflicts/);
    expect(await readNote()).toBe(mine);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it("takes Margin's side after showing what it replaces, keeping what I wrote outside Margin's sections", async () => {
    await editNoteFile((s) => `${s.replace('Compare with CHESS and TEAL.', 'My last word.')}\nMy own paragraph.\n`);
    await setNoteInApp(page, 'Margin has the last word.');
    const dialog = await exportNotes(page, /0\s*written\s*0\s*unchanged\s*1\s*conflicts/);
    const conflict = dialog.getByRole('list', { name: 'Conflicts' }).getByRole('listitem').first();
    await conflict.getByRole('button', { name: "Take Margin's" }).click();
    expect(await conflict.getByRole('region', { name: /^Differences in/ }).textContent()).toContain('My last word.');
    await conflict.getByRole('button', { name: "Replace with Margin's" }).click();
    await expect
      .poll(() => dialog.getByRole('region', { name: 'Export conflicts' }).getByRole('status').textContent())
      .toMatch(/^Took Margin's side in ProSparse/);
    const text = await readNote();
    expect(text).toContain('Margin has the last word.');
    expect(text).not.toContain('My last word.');
    expect(text).toContain('My own paragraph.');
    expect(errors).toEqual([]);
  });
});
