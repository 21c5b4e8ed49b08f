import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { suiteTempDir } from '../helpers/temp-dir.js';
import { launchBrowser, newPage, screenshot, serve, type Served } from './harness.js';

const BIBTEX_TITLE = 'Sparse recovery in the $\\ell_1$ norm';
const BIBTEX = String.raw`@article{candes2006sparse,
  title = {Sparse recovery in the {$\ell_1$} norm},
  author = {Cand{\`e}s, Emmanuel and Tao, Terence},
  year = {2006},
  journal = {IEEE Trans. Inf. Theory},
  abstract = {We bound $\sum_{i=1}^n x_i$ for every signal with $\|x\|_0 \le k$, so that
    $$\min_x \|x\|_1 \quad \text{s.t.} \quad Ax = b$$
    recovers $x$ in 68\% of trials with {\em high} probability, as Erd\H{o}s and \'Alvarez guessed.}
}
`;

/** An arXiv API answer: its abstract keeps the authors' TeX, text-mode markup included. */
const ATOM_TITLE = 'Codes with $O(n \\log n)$ decoding';
const ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
  <entry>
    <id>http://arxiv.org/abs/2401.00001v1</id>
    <published>2024-01-01T00:00:00Z</published>
    <title>${ATOM_TITLE}</title>
    <summary>We reach 68\\% accuracy with {\\em sparse} codes, as Erd\\H{o}s and \\'Alvarez guessed,
decoding in \\(O(n \\log n)\\) time.</summary>
    <author><name>Ada Lovelace</name></author>
    <category term="cs.IT" scheme="http://arxiv.org/schemas/atom"/>
  </entry>
</feed>
`;

const papers = (page: Page) => page.getByRole('listbox', { name: 'Papers' });
const abstract = (page: Page) => page.getByRole('region', { name: 'Abstract' });

/**
 * Every data file of the library folder as text (the shards, the journal, the edit log): what is stored, whatever
 * the layout. Not the backups, which the import takes and checks in the background: a staged one is renamed while
 * it is listed (a recursive listing of the whole folder failed on it in CI), so their folder is never entered. A
 * file or folder replaced between its listing and its reading is read as nothing.
 */
async function storedText(dir: string): Promise<string> {
  const texts: string[] = [];
  const gone = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      if (gone(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      const at = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!(folder === dir && entry.name === 'backups')) await walk(at);
      } else if (entry.isFile() && (entry.name.endsWith('.json') || entry.name === 'edits.log'))
        texts.push(
          await readFile(at, 'utf8').catch((error: unknown) => {
            if (gone(error)) return '';
            throw error;
          }),
        );
    }
  };
  await walk(dir);
  return texts.join('\n');
}

describe('math in Chromium', () => {
  let browser: Browser;
  let served: Served;
  let library: string;

  beforeAll(async () => {
    library = await suiteTempDir('margin-e2e-math-');
    const atom = path.join(library, '..', `${path.basename(library)}-arxiv.atom.xml`);
    await writeFile(atom, ATOM);
    expect((await runMargin(['import', atom, '--library', library])).code).toBe(0);
    served = await serve(library);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('imports a BibTeX abstract with $\\sum_{i=1}^n x_i$ as TeX (no <sub>) and draws it as MathML', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(served.url);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import papers' });
    await dialog.getByRole('textbox', { name: 'Paste papers' }).fill(BIBTEX);
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/1\s*new/);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    // One confirmation: the dialog closes and a toast says what was imported.
    const toast = page.getByRole('status').filter({ hasText: 'Imported 1 new paper' });
    await expect.poll(() => toast.count()).toBe(1);
    await expect.poll(() => dialog.count()).toBe(0);

    const stored = await storedText(library);
    expect(stored).toContain(JSON.stringify('$\\sum_{i=1}^n x_i$').slice(1, -1));
    expect(stored).toContain(JSON.stringify(BIBTEX_TITLE).slice(1, -1));
    expect(stored).not.toMatch(/<\/?(sub|sup|i|em|span|a)\b/);

    await papers(page).getByRole('option', { name: BIBTEX_TITLE }).click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.getByRole('math').count()).toBe(1);
    // ∑ with i=1 below and n above, then x with i below: scripts as MathML, never as <sub> text.
    await expect.poll(() => abstract(page).getByRole('math').count()).toBe(4);
    const sum = abstract(page).getByRole('math').first();
    expect(await sum.locator('msubsup, munderover').count()).toBe(1);
    expect(await abstract(page).locator('sub, sup, [style]').count()).toBe(0);
    expect(await abstract(page).locator('math[display="block"]').count()).toBe(1);
    await expect.poll(() => abstract(page).textContent()).toContain('in 68% of trials with high probability');
    await screenshot(page, 'math-abstract-light');
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'math-abstract-1024-light');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows an arXiv abstract’s text-mode TeX as the characters it means, and highlights a formula whole', async () => {
    const { page, errors } = await newPage(browser, 'dark');
    await page.goto(served.url);
    await papers(page).getByRole('option', { name: ATOM_TITLE }).click();
    await expect.poll(() => abstract(page).getByRole('math').count()).toBe(1);
    await expect
      .poll(() => abstract(page).textContent())
      .toContain('We reach 68% accuracy with sparse codes, as Erdős and Álvarez guessed');

    // Select from inside "accuracy" to inside the formula: the highlight takes the formula whole.
    await abstract(page).evaluate((region) => {
      const word = [...region.querySelectorAll('[data-start]')].find((el) => el.textContent?.includes('accuracy'));
      const formula = region.querySelector('[data-math="true"] mi');
      const from = word?.firstChild;
      const to = formula?.firstChild;
      if (!from?.textContent || !to) throw new Error('abstract pieces missing');
      const range = region.ownerDocument.createRange();
      range.setStart(from, from.textContent.indexOf('accuracy'));
      range.setEnd(to, 1);
      region.ownerDocument.getSelection()?.removeAllRanges();
      region.ownerDocument.getSelection()?.addRange(range);
    });
    await abstract(page).getByRole('button', { name: 'Highlight' }).click();
    const highlights = page.getByRole('region', { name: 'Highlights' });
    const quote = highlights.getByRole('button', { name: /accuracy/ });
    await expect.poll(() => quote.getByRole('math').count()).toBe(1);
    await expect.poll(() => abstract(page).locator('mark').getByRole('math').count()).toBe(1);
    const stored = await storedText(library);
    expect(stored).toContain(JSON.stringify('\\(O(n \\log n)\\)').slice(1, -1));
    expect(stored).toMatch(/"quote":"accuracy with [^"]*\\\\\(O\(n \\\\log n\)\\\\\)"/);
    await screenshot(page, 'math-abstract-dark');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('draws $$…$$ and \\(…\\) in the note preview, as Obsidian does', async () => {
    const { page, errors } = await newPage(browser, 'dark');
    await page.goto(served.url);
    await papers(page).getByRole('option', { name: ATOM_TITLE }).click();
    // The reader shows this paper (its highlight loaded) before the note is written.
    await expect.poll(() => page.getByRole('region', { name: 'Highlights' }).getByRole('math').count()).toBe(1);
    const note = page.getByRole('region', { name: 'Note' });
    const field = note.getByRole('textbox', { name: 'Note' });
    const text = 'Decoding is \\(O(n \\log n)\\):\n\n$$\n\\sum_{i=1}^n x_i\n$$\n';
    await field.fill(text);
    await field.blur();
    await expect.poll(() => note.getByRole('status').textContent()).toBe('Saved');
    await note.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => note.getByRole('math').count()).toBe(2);
    expect(await note.locator('math[display="block"]').count()).toBe(1);
    await note.scrollIntoViewIfNeeded();
    await screenshot(page, 'math-note-dark');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
