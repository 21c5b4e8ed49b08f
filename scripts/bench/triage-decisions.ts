import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath, launchChromium } from '../chromium.js';
import { startServe } from './serve-process.js';
import { summarize, type Stats } from './stats.js';

const WORDS = [
  'sparse',
  'attention',
  'routing',
  'experts',
  'kernel',
  'graph',
  'diffusion',
  'protein',
  'retrieval',
  'memory',
  'quantized',
  'adaptive',
  'contrastive',
  'causal',
  'robust',
  'federated',
  'spectral',
  'latent',
  'policy',
  'token',
];

/** A digest page of `count` papers: title, then abstract, as a daily-papers page lists them. */
export function syntheticDigest(count: number): string {
  const paragraphs = ['Daily Papers', 'Get trending papers in your email inbox!', 'Subscribe'];
  let seed = 7;
  const word = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return WORDS[seed % WORDS.length] ?? 'model';
  };
  for (let i = 0; i < count; i++) {
    const title = Array.from({ length: 6 }, () => word())
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join(' ');
    paragraphs.push(`${title} ${i + 1}`);
    paragraphs.push(
      `We study ${word()} ${word()} models and show that ${word()} ${word()} improves ${word()} ${word()} by a wide margin. ` +
        `Experiments on ${word()} benchmarks confirm that the ${word()} approach scales to large ${word()} settings. ` +
        `Code is available for paper ${i + 1}.`,
    );
  }
  return `${paragraphs.join('\n\n')}\n`;
}

/** In-page code (this file is built for Node, without DOM types): press `key`, wait for the counter and a frame. */
function decisionTimer(key: 'k' | 'x'): string {
  return `(async () => {
    const counter = () => document.querySelector('.triage-progress')?.textContent ?? '';
    const before = counter();
    const started = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '${key}', bubbles: true }));
    while (counter() === before) {
      if (performance.now() - started > 5000) throw new Error('the counter did not change');
      await new Promise((r) => setTimeout(r, 0));
    }
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    return performance.now() - started;
  })()`;
}

/**
 * Each triage decision, from the key press until the view has drawn it (the counter shows the new count and a
 * frame has passed), on a digest of `count` papers in Chromium through `margin serve`; null without Chromium.
 */
export async function measureTriageDecisions(
  cliPath: string,
  count: number,
  decisions: number,
): Promise<{ stats: Stats; papers: number } | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const dir = await mkdtemp(path.join(tmpdir(), 'margin-bench-triage-'));
  const browser = await launchChromium(executablePath);
  const served = await startServe(cliPath, dir).catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const { url } = served;
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The digest goes in through the API (what the import dialog's Triage button calls); the view is then
    // opened as a person reopens a triage, from Triage history.
    const address = new URL(url);
    const started = await fetch(`${address.origin}/api/${encodeURIComponent('triage:start')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-margin-token': address.searchParams.get('token') ?? '' },
      body: JSON.stringify({ text: syntheticDigest(count), html: null, format: 'auto', fileName: 'bench.txt' }),
    });
    if (!started.ok) throw new Error(`triage:start answered ${started.status}`);
    await page.goto(url);
    await page.getByRole('listbox', { name: 'Papers' }).waitFor();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Triage history');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Triage history' }).getByRole('button', { name: 'Reopen' }).first().click();
    const region = page.getByRole('region', { name: 'Triage' });
    await region.getByRole('status').first().waitFor({ timeout: 120_000 });
    const shown = Number((await region.getByRole('status').first().textContent())?.split(' of ')[1]?.replace(/,/g, ''));
    const times: number[] = [];
    // One decision per paper at most: once all are decided the counter stops changing.
    for (let i = 0; i < Math.min(decisions, shown); i++) {
      const key = i % 3 === 2 ? 'x' : 'k';
      // Timed in the page: the key event, then the counter's change, then the next frame (the drawing).
      const ms = await page.evaluate<number>(decisionTimer(key));
      times.push(ms);
    }
    return { stats: summarize(times), papers: shown };
  } finally {
    await served.stop();
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}
