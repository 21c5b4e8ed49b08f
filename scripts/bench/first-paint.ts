import { spawn } from 'node:child_process';
import { chromiumPath, launchChromium } from '../chromium.js';
import path from 'node:path';

/** `margin serve` start until the paper list is shown in Chromium; null when no Chromium is installed. */
export async function measureFirstPaint(cliPath: string, dir: string): Promise<number | null> {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const browser = await launchChromium(executablePath);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--library', dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, MARGIN_OFFLINE: '1' },
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]?.trim() ?? '');
        });
        child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      await page.goto(url);
      await page.getByRole('listbox', { name: 'Papers' }).getByRole('option').first().waitFor({ timeout: 60_000 });
      return performance.now() - started;
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    await browser.close();
  }
}

export const CLI_FROM_BENCH = (benchFile: string) => path.resolve(path.dirname(benchFile), '../cli/margin.js');
