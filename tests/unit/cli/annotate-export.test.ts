import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMargin } from '../../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH } from '../../helpers/sample-digest.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function sampleLibrary() {
  const library = await tempDir();
  const imported = JSON.parse(
    (await runMargin(['import', SAMPLE_DIGEST_PATH, '--json', '--library', library])).stdout,
  ) as { ids: string[] };
  const papers = JSON.parse((await runMargin(['list', '--json', '--library', library])).stdout) as Array<{
    id: string;
    title: string;
    abstract: string;
  }>;
  const prosparse = papers.find((p) => p.title.startsWith('ProSparse'));
  if (!prosparse) throw new Error('sample paper missing');
  return { library, id: prosparse.id, abstract: prosparse.abstract, ids: imported.ids };
}

describe('margin annotate, note and export', () => {
  it('annotates the Nth occurrence of a quote and prints it as JSON', async () => {
    const { library, id, abstract } = await sampleLibrary();
    const result = await runMargin([
      'annotate',
      id,
      '--quote',
      'high sparsity',
      '--occurrence',
      '2',
      '--comment',
      '89% on LLaMA2-7B',
      '--color',
      'green',
      '--json',
      '--library',
      library,
    ]);
    expect(result.code).toBe(0);
    const annotation = JSON.parse(result.stdout) as {
      id: string;
      start: number;
      end: number;
      quote: string;
      color: string;
      comment: string;
      state: string;
    };
    const second = abstract.indexOf('high sparsity', abstract.indexOf('high sparsity') + 1);
    expect(annotation).toEqual({
      id: expect.stringMatching(/^[a-z0-9]+$/),
      start: second,
      end: second + 'high sparsity'.length,
      quote: 'high sparsity',
      color: 'green',
      comment: '89% on LLaMA2-7B',
      state: 'anchored',
    });
    const shown = JSON.parse((await runMargin(['show', id, '--json', '--library', library])).stdout) as {
      annotations: unknown[];
    };
    expect(shown.annotations).toHaveLength(1);
  });

  it('says clearly when the quote is not there, or the color is unknown', async () => {
    const { library, id } = await sampleLibrary();
    const absent = await runMargin(['annotate', id, '--quote', 'quantum gravity', '--library', library]);
    expect(absent.code).toBe(1);
    expect(absent.stderr).toMatch(/"quantum gravity" does not occur in the abstract of/);
    const third = await runMargin([
      'annotate',
      id,
      '--quote',
      'high sparsity',
      '--occurrence',
      '3',
      '--library',
      library,
    ]);
    expect(third.stderr).toMatch(/occurs 2 times, not 3/);
    const color = await runMargin(['annotate', id, '--quote', 'ReLU', '--color', 'orange', '--library', library]);
    expect(color.code).toBe(2);
    expect(color.stderr).toMatch(/unknown color "orange"/);
  });

  it('sets, appends and reads notes from a file', async () => {
    const { library, id } = await sampleLibrary();
    await runMargin(['note', id, '--set', 'First thought.', '--library', library]);
    await runMargin(['note', id, '--append', 'Second thought.', '--library', library]);
    const file = path.join(library, 'note.md');
    const shown = JSON.parse((await runMargin(['show', id, '--json', '--library', library])).stdout) as {
      note: string;
    };
    expect(shown.note).toBe('First thought.\n\nSecond thought.');
    await writeFile(file, '# From a file\n');
    await runMargin(['note', id, '--file', file, '--library', library]);
    expect(
      (JSON.parse((await runMargin(['show', id, '--json', '--library', library])).stdout) as { note: string }).note,
    ).toBe('# From a file\n');
    expect((await runMargin(['note', id, '--set', 'a', '--append', 'b', '--library', library])).code).toBe(2);
  });

  it('exports Markdown by tag, keeps user edits, reports conflicts, and shows a dry-run diff', async () => {
    const { library, id } = await sampleLibrary();
    await runMargin(['tag', id, 'llm/sparsity', '--library', library]);
    await runMargin(['annotate', id, '--quote', 'ProSparse', '--comment', 'the name', '--library', library]);
    const out = path.join(await tempDir(), 'vault');
    const first = JSON.parse(
      (await runMargin(['export', 'markdown', '--out', out, '--tag', 'llm', '--json', '--library', library])).stdout,
    ) as { written: Array<{ file: string }> };
    expect(first.written).toHaveLength(1);
    const file = path.join(out, first.written[0]?.file ?? '');
    await writeFile(file, `${await readFile(file, 'utf8')}\nMy paragraph.\n`);
    await runMargin(['tag', id, 'to-cite', '--library', library]);
    const second = await runMargin(['export', 'markdown', '--out', out, '--id', id, '--library', library]);
    expect(second.stdout).toMatch(/^wrote 1, unchanged 0, conflicts 0/);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('My paragraph.');
    expect(text).toContain('"to-cite"');

    await writeFile(file, text.replace('**Important**: the name', '**Important**: the name (edited)'));
    // Margin's highlights change too (a second highlight), so both sides changed the section.
    await runMargin(['annotate', id, '--quote', 'sparsity', '--library', library]);
    const dry = await runMargin(['export', 'markdown', '--out', out, '--id', id, '--dry-run', '--library', library]);
    expect(dry.stdout).toMatch(
      /conflict: .*you edited Margin's highlights, which changed in Margin too; left as you wrote it/,
    );
    expect(dry.stdout).toContain('-**Important**: the name (edited)');
    const real = await runMargin(['export', 'markdown', '--out', out, '--id', id, '--library', library]);
    expect(real.stdout).toMatch(/conflicts 1/);
    expect(await readFile(file, 'utf8')).toContain('the name (edited)');
    expect((await readdir(out)).sort()).toEqual(['.margin-base', '.margin-export.json', path.basename(file)].sort());
  });
});
