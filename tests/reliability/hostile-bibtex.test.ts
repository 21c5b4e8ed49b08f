import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMargin } from '../helpers/run-margin.js';
import { tempDir } from '../helpers/temp-dir.js';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile.bib');

describe('a hostile BibTeX file', () => {
  it('imports as inert text, drops non-web links with a warning, reads no file it names, and exports inside the chosen folder', async () => {
    const library = await tempDir();
    const imported = await runMargin(['import', HOSTILE, '--json', '--library', library]);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      added: number;
      failed: Array<{ line: number | null; message: string }>;
    };
    expect(report.added).toBe(3);
    expect(report.failed).toEqual(
      expect.arrayContaining([
        { line: 1, message: 'entry "evil1": dropped a link that is not a web address (javascript:window.__xss=1)' },
        { line: 10, message: 'entry "evil2": dropped a link that is not a web address (file:///etc/passwd)' },
      ]),
    );
    const papers = JSON.parse((await runMargin(['list', '--json', '--library', library])).stdout) as Array<{
      title: string;
      url: string | null;
      abstract: string | null;
      doi: string | null;
    }>;
    const evil = papers.find((p) => p.title.includes('Hostile'));
    expect(evil?.title).toBe('<script>window.__xss=1</script> A Hostile Title');
    expect(evil?.abstract).toContain('<script>window.__xss=1</script>');
    expect(papers.every((p) => p.url === null)).toBe(true);
    // The `file` field is never followed: no paper carries /etc/passwd's contents.
    expect(JSON.stringify(papers)).not.toMatch(/root:x:0:0/);

    const vault = path.join(await tempDir(), 'vault');
    const exported = JSON.parse(
      (await runMargin(['export', 'markdown', '--out', vault, '--json', '--library', library])).stdout,
    ) as { written: Array<{ file: string }> };
    expect(exported.written).toHaveLength(3);
    const files = await readdir(vault);
    expect(files.sort()).toEqual(
      ['.margin-base', '.margin-export.json', ...exported.written.map((w) => w.file)].sort(),
    );
    // The bases a merge needs are named by paper id, never by anything the entries say.
    const bases = await readdir(path.join(vault, '.margin-base'));
    expect(bases).toHaveLength(3);
    for (const base of bases) expect(base).toMatch(/^[a-z0-9]{8,32}\.json$/);
    for (const file of exported.written.map((w) => w.file)) {
      expect(path.dirname(path.resolve(vault, file))).toBe(path.resolve(vault));
      expect(file).not.toMatch(/[/\\]|^\.\.|^con\.md$/i);
    }
    const markdown = await readFile(
      path.join(vault, exported.written.find((w) => w.file.includes('Hostile'))?.file ?? ''),
      'utf8',
    );
    // The front matter holds the title as a quoted YAML string (data); the Markdown body escapes it.
    const body = markdown.slice(markdown.indexOf('\n---\n', 4) + 5);
    expect(body).toContain('\\<script>window.\\_\\_xss=1\\</script>');
    expect(body).not.toMatch(/(?<!\\)<script>/);
    // The abstract's `[a link](javascript:…)` stays text: its brackets are escaped, so it is no link.
    expect(body).toContain('\\[a link\\](javascript:window.\\_\\_xss=1)');
    expect(body).not.toMatch(/(?<!\\)\]\(javascript:/);
  });
});

describe('exports cannot be broken out of (issue 12, item 1)', () => {
  it('writes a hostile CSL-JSON key and hostile math so that the export re-parses to exactly the entries and fields written', async () => {
    const { bibliography } = await import('../../electron/library/export/bibliography/export-bibliography.js');
    const { parseImport } = await import('../../electron/library/import/parse-import.js');
    const { recordFromEntry } = await import('../../electron/library/merge/merge-entry.js');
    const { PaperIdSchema } = await import('../../shared/models/paper.js');
    const today = new Date('2026-11-27T12:00:00Z');
    const hostile = JSON.stringify([
      {
        id: 'a',
        'citation-key': 'x,\n note = {\\input{/etc/passwd}}}\n@misc{y',
        title: 'Key Injection',
        abstract: 'Plain.',
      },
      {
        id: 'b',
        title: 'Math Injection',
        abstract: 'See $}} @misc{evil, title={\\immediate\\write18{rm -rf ~}}, note={$ and $x^{2}$.',
      },
      { id: 'c', title: 'Unsafe Math', abstract: 'Also $\\input{/etc/passwd}$ and $\\def\\x{1}$ here.' },
    ]);
    const imported = parseImport(hostile, 'auto', { fileName: 'hostile.json', today });
    // The hostile key is refused on import (the item's plain id is kept instead)...
    expect(imported.entries.map((e) => e.citationKey)).toEqual(['a', 'b', 'c']);
    const papers = imported.entries.map((entry, i) => {
      const { record, content } = recordFromEntry(
        entry,
        PaperIdSchema.parse(`hostile0000${i}`),
        [],
        '2026-11-27T12:00:00.000Z',
      );
      // ...and refused on write too, should a library already hold one.
      return {
        ...record,
        citationKey: i === 0 ? 'x,\n note = {\\input{/etc/passwd}}}\n@misc{y' : record.citationKey,
        ...content,
      };
    });
    const bib = bibliography(papers, 'bibtex');
    expect(bib).not.toContain('\\input{/etc/passwd}}}');
    expect(bib).not.toContain('\\immediate\\write18');
    const again = parseImport(bib, 'auto', { fileName: 'export.bib', today });
    expect(again.failures).toEqual([]);
    expect(again.entries.map((e) => [e.title, e.abstract])).toEqual(papers.map((p) => [p.title, p.abstract]));
    expect(bib.match(/^@/gm)).toHaveLength(3);
  });
});
