import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Chromium for the end-to-end tests and the first-paint benchmark: `MARGIN_CHROMIUM`, else Debian's (CI installs it). */
export function chromiumPath(): string | null {
  return (
    [process.env.MARGIN_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
      (p): p is string => !!p && existsSync(p),
    ) ?? null
  );
}

/** Headless, sandbox off (containers), and nothing that goes online by itself. */
export async function launchChromium(executablePath: string | null = chromiumPath()): Promise<Browser> {
  const { chromium } = await import('playwright-core'); // loaded only when used: it is heavy, and a dev dependency
  return chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
