import { describe, expect, it } from 'vitest';
import { numberedPapers } from '../../helpers/in-process-api.js';
import { editExportedNote, exportedNote, vaultFolder } from '../../helpers/exported-note.js';
import { runMargin } from '../../helpers/run-margin.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('margin export conflicts | resolve', () => {
  it('lists a conflict with the place both changed, refuses a merge without answers, and merges with them', async () => {
    const library = await tempDir();
    const imported = await runMargin(['import', '-', '--format', 'csl-json', '--json', '--library', library], {
      input: numberedPapers(1),
    });
    const [id = ''] = (JSON.parse(imported.stdout) as { ids: string[] }).ids;
    const out = await vaultFolder();
    await runMargin(['note', id, '--set', 'Line A', '--library', library]);
    expect((await runMargin(['export', 'markdown', '--out', out, '--library', library])).code).toBe(0);
    await editExportedNote(out, (text) => text.replace('Line A', 'Line A (mine)'));
    await runMargin(['note', id, '--set', 'Line A (Margin)', '--library', library]);
    expect((await runMargin(['export', 'markdown', '--out', out, '--library', library])).stdout).toMatch(/conflicts 1/);

    const listed = await runMargin(['export', 'conflicts', '--out', out, '--library', library]);
    expect(listed.stdout).toContain(`${id}  `);
    expect(listed.stdout).toContain('place 1, in the note:\n    mine   | Line A (mine)\n    margin | Line A (Margin)');

    const unanswered = await runMargin([
      'export',
      'resolve',
      '--out',
      out,
      '--id',
      id,
      '--merge',
      '--library',
      library,
    ]);
    expect(unanswered.code).toBe(1);
    expect(unanswered.stderr).toMatch(/give one answer for each of the 1 places/);
    const merged = await runMargin([
      'export',
      'resolve',
      '--out',
      out,
      '--id',
      id,
      '--merge',
      '--answers',
      'both',
      '--library',
      library,
    ]);
    expect(merged.stdout).toMatch(/^written: Paper 0/);
    expect((await exportedNote(out)).text).toContain('Line A (mine)\nLine A (Margin)');
    expect((await runMargin(['export', 'conflicts', '--out', out, '--library', library])).stdout).toMatch(
      /^no conflicts in /,
    );
    const twice = await runMargin(['export', 'resolve', '--out', out, '--id', id, '--keep-mine', '--library', library]);
    expect(twice.code).toBe(1);
  });
});
