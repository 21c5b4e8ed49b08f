import { it } from 'vitest';
import { launchBrowser, newPage, serve, screenshot } from './harness.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runMargin } from '../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../helpers/sample-digest.js';
it('look', async () => {
  const lib = await tempDir();
  await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', lib]);
  const s = await serve(lib);
  const b = await launchBrowser();
  const { page, errors } = await newPage(b);
  await page.goto(s.url);
  await page.waitForTimeout(2000); console.log('count', await page.getByRole('option').count(), await page.getByRole('listbox', {name: 'Papers'}).count(), await page.locator('[role=option]').count());
  await page.waitForTimeout(500);
  await screenshot(page, 'look-light');
  console.log('errors', errors);
  await b.close(); await s.stop();
}, 60000);
