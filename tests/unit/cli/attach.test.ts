import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePdf } from '../../helpers/make-pdf.js';
import { runMargin } from '../../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../../helpers/sample-digest.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('margin attach', () => {
  it('keeps a PDF with a paper, says so, and says so again without storing it twice', async () => {
    const library = await tempDir();
    const imported = await runMargin(['import', SAMPLE_DIGEST_PATH, '--json', '--library', library]);
    const id = (JSON.parse(imported.stdout) as { ids: string[] }).ids[0] ?? '';
    const file = path.join(await tempDir(), 'paper.pdf');
    await writeFile(file, await makePdf([['Hello'], ['World']]));

    const first = await runMargin(['attach', id, file, '--library', library]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(new RegExp(`^${id}: attached paper\\.pdf \\(0\\.0 MB, sha256 [0-9a-f]{12}…\\)\\n$`));
    const again = await runMargin(['attach', id, file, '--json', '--library', library]);
    const json = JSON.parse(again.stdout) as { outcome: string; attachment: { sha256: string; bytes: number } };
    expect(json.outcome).toBe('already-attached');
    expect(json.attachment.bytes).toBe((await readFile(file)).length);
    const shown = JSON.parse((await runMargin(['show', id, '--json', '--library', library])).stdout) as {
      attachments: unknown[];
    };
    expect(shown.attachments).toHaveLength(1);
  });

  it('fails with one line for a file that is not a PDF, and for a missing argument', async () => {
    const library = await tempDir();
    const imported = await runMargin(['import', SAMPLE_DIGEST_PATH, '--json', '--library', library]);
    const id = (JSON.parse(imported.stdout) as { ids: string[] }).ids[0] ?? '';
    const notPdf = await runMargin(['attach', id, SAMPLE_DIGEST_PATH, '--library', library]);
    expect(notPdf.code).toBe(1);
    expect(notPdf.stderr).toBe(
      'margin attach: daily-papers.txt: not a PDF (no %PDF- header in its first 1024 bytes)\n',
    );
    const usage = await runMargin(['attach', id, '--library', library]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/expected a paper id and one PDF file/);
  });
});
