import { chromiumPath, launchChromium } from '../chromium.js';
import { startServe } from './serve-process.js';
import path from 'node:path';

/** `margin serve` start until the paper list is shown in Chromium; null when no Chromium is installed. */
export async function measureFirstPaint(cliPath: string, dir: string): Promise<number | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const browser = await launchChromium(executablePath);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const started = performance.now();
    const served = await startServe(cliPath, dir);
    try {
      await page.goto(served.url);
      await page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      await served.stop();
    }
  } finally {
    await browser.close();
  }
}

export const CLI_FROM_BENCH = (benchFile: string) => path.resolve(path.dirname(benchFile), '../cli/margin.js');
