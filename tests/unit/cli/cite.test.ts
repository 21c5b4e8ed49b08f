import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMargin } from '../../helpers/run-margin.js';
import { tempDir } from '../../helpers/temp-dir.js';

const BIBTEX = `@article{lecun2015deep,
  title = {Deep learning},
  author = {LeCun, Yann and Bengio, Yoshua and Hinton, Geoffrey},
  journal = {Nature},
  year = {2015},
  doi = {10.1038/nature14539}
}
`;

describe('margin cite', () => {
  it('prints a paper’s citation in the style asked for, APA unless told', async () => {
    const library = await tempDir();
    const file = path.join(await tempDir(), 'refs.bib');
    await writeFile(file, BIBTEX);
    const imported = await runMargin(['import', file, '--json', '--library', library]);
    const [id] = (JSON.parse(imported.stdout) as { ids: string[] }).ids;
    expect(await runMargin(['cite', id ?? '', '--library', library])).toEqual({
      code: 0,
      stdout:
        'LeCun, Y., Bengio, Y., & Hinton, G. (2015). Deep learning. Nature. https://doi.org/10.1038/nature14539\n',
      stderr: '',
    });
    const ieee = await runMargin(['cite', id ?? '', '--style', 'ieee', '--library', library]);
    expect(ieee.stdout).toBe(
      '[1] Y. LeCun, Y. Bengio, and G. Hinton, “Deep learning,” Nature, 2015, doi: 10.1038/nature14539.\n',
    );
    const wrong = await runMargin(['cite', id ?? '', '--style', 'mla', '--library', library]);
    expect(wrong).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--style must be one of apa, chicago, ieee'),
    });
  });
});
