import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMargin } from '../../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../../helpers/sample-digest.js';
import { NEW_PAPERS, secondDigest } from '../../helpers/second-digest.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('margin triage', () => {
  it('prints how a digest would be triaged, as JSON, and changes nothing', async () => {
    const library = await tempDir();
    // Two papers of the sample are in the library already.
    const known = path.join(await tempDir(), 'known.txt');
    await writeFile(known, secondDigest([0, 1], []));
    expect((await runMargin(['import', known, '--library', library])).code).toBe(0);
    const before = await readdir(library);

    const tomorrow = path.join(await tempDir(), 'tomorrow.txt');
    await writeFile(tomorrow, secondDigest([0, 1, 2], NEW_PAPERS.slice(0, 2)));
    const result = await runMargin(['triage', tomorrow, '--json', '--library', library]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      counts: Record<string, number>;
      items: Array<{ title: string; group: string; paperId: string | null }>;
    };
    expect(printed.counts).toEqual({ new: 3, newVersion: 0, inLibrary: 2, skippedBefore: 0 });
    expect(printed.items.filter((i) => i.group === 'in-library').every((i) => i.paperId !== null)).toBe(true);
    expect(printed.items.filter((i) => i.group === 'new').map((i) => i.title)).toContain(NEW_PAPERS[0].title);
    expect(await readdir(library)).toEqual(before); // no triage saved, nothing written

    const text = await runMargin(['triage', SAMPLE_DIGEST_PATH, '--library', library]);
    expect(text.stdout.split('\n')[0]).toBe(
      'Hugging Face daily papers: 74 new · 2 already in your library · 0 skipped before · 0 new versions',
    );
  });
});
