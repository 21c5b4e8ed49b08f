import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { exportMarkdown, paperMarkdown } from '../../../../electron/library/export/markdown/export-markdown.js';
import { fileStem } from '../../../../electron/library/export/markdown/file-names.js';
import { exportHighlightsDigest } from '../../../../electron/library/export/markdown/highlights-digest.js';
import type { Paper, PaperId } from '../../../../shared/models/paper.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const GOLDEN = path.resolve(import.meta.dirname, '../../../fixtures/golden');

function paper(overrides: Partial<Paper> = {}): Paper {
  return {
    id: 'golden00000001' as PaperId, // a valid PaperId
    title: 'Sparse *Attention*: Is [Everything] <Needed>?',
    authors: ['Ada Lovelace', 'Łukasz Kaiser', 'Jürgen Schmidhuber'],
    year: 2024,
    publishedAt: '2024-06-17',
    arxivId: '2406.11944',
    arxivVersion: null,
    editors: [],
    doi: '10.1000/xyz.123',
    url: 'https://arxiv.org/abs/2406.11944',
    venue: 'NeurIPS',
    tags: ['llm/sparsity', 'to-cite'],
    status: 'reading',
    source: { format: 'digest', fileName: 'digest.txt', digestDate: '2024-06-18' },
    citationKey: null,
    trashedAt: null,
    attachments: [],
    reading: null,
    annotationCount: 2,
    hasNote: true,
    addedAt: '2026-11-27T09:00:00.000Z',
    updatedAt: '2026-11-27T09:00:00.000Z',
    abstract:
      'We study attention with $O(n^2)$ cost. Sparse patterns cut it to $O(n \\log n)$ and #win 3x on <b>long</b> inputs.',
    note: { text: 'Compare with **Longformer**.\n\n- check the `log n` claim', updatedAt: '2026-11-27T09:00:00.000Z' },
    annotations: [
      {
        id: 'hb0000000002',
        quote: 'Sparse patterns cut it',
        prefix: 'with $O(n^2)$ cost. ',
        suffix: ' to $O(n \\log n)$',
        start: 39,
        end: 61,
        abstractHash: 'x',
        color: 'green',
        comment: 'the main result',
        state: 'anchored',
        pdf: null,
        createdAt: '2026-11-27T09:00:00.000Z',
        updatedAt: '2026-11-27T09:00:00.000Z',
      },
      {
        id: 'ha0000000001',
        quote: 'We study attention',
        prefix: '',
        suffix: ' with $O(n^2)$',
        start: 0,
        end: 18,
        abstractHash: 'x',
        color: 'pink',
        comment: '',
        state: 'anchored',
        pdf: null,
        createdAt: '2026-11-27T09:00:00.000Z',
        updatedAt: '2026-11-27T09:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

async function onlyMarkdown(dir: string): Promise<string> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
  expect(files).toHaveLength(1);
  return path.join(dir, files[0] ?? '');
}

describe('Markdown export', () => {
  it('writes the golden file', async () => {
    const golden = path.join(GOLDEN, 'paper.md');
    const markdown = paperMarkdown(paper());
    if (process.env.UPDATE_GOLDEN === '1') await writeFile(golden, markdown);
    expect(markdown).toBe(await readFile(golden, 'utf8'));
  });

  it('writes front matter that a YAML parser reads back exactly', () => {
    const hostile = paper({
      title: 'yes: no — "quoted" \\ back\nslash #tag',
      authors: ['null', 'NO', '- dash', '1e5'],
      tags: ['@at', 'a: b', '~'],
      doi: null,
    });
    const markdown = paperMarkdown(hostile);
    const yaml = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
    expect(parseYaml(yaml)).toEqual({
      title: hostile.title,
      authors: hostile.authors,
      year: 2024,
      arxiv: '2406.11944',
      doi: null,
      url: 'https://arxiv.org/abs/2406.11944',
      tags: hostile.tags,
      status: 'reading',
      added: '2026-11-27',
      'margin-id': 'golden00000001',
    });
  });

  it('gives hostile titles safe, unique file names inside the folder', async () => {
    const dir = await tempDir();
    const titles = [
      '../../etc/passwd',
      'CON',
      'con.txt',
      ':*?"<>|',
      'x'.repeat(300),
      '...',
      'Same Title',
      'same title',
      'A/B\\C: #1 [draft] ^v2 | final',
      'Ünïcödé 論文',
    ];
    const papers = titles.map((title, i) => paper({ id: `hostile${String(i).padStart(8, '0')}` as PaperId, title })); // valid PaperIds
    const report = await exportMarkdown(papers, dir, { dryRun: false });
    expect(report.written).toHaveLength(titles.length);
    const names = (await readdir(dir)).filter((f) => f.endsWith('.md'));
    expect(names).toHaveLength(titles.length);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(titles.length);
    for (const name of names) {
      expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f#^[\]]/);
      expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(name.length).toBeLessThanOrEqual(110);
      expect(name).not.toMatch(/^[.\s]|[.\s]\.md$/);
    }
    expect(names).toContain('Same Title.md');
    expect(names).toContain('same title (2).md');
    expect(fileStem('CON', 'x')).toBe('CON (paper)');
    expect(fileStem('../..', 'fallback')).toBe('fallback');
  });

  it('keeps what the user added, updates what Margin owns, and rewrites nothing when nothing changed', async () => {
    const dir = await tempDir();
    const first = await exportMarkdown([paper()], dir, { dryRun: false });
    expect(first.written).toHaveLength(1);
    const file = await onlyMarkdown(dir);

    // The user adds a paragraph below and a key of their own to the front matter.
    const original = await readFile(file, 'utf8');
    const edited =
      original.replace('margin-id: "golden00000001"\n', 'margin-id: "golden00000001"\naliases: ["SparseAttn"]\n') +
      '\nMy own thoughts, written in Obsidian.\n';
    await writeFile(file, edited);

    // In Margin, a tag changes.
    const second = await exportMarkdown([paper({ tags: ['llm/sparsity', 'read-later'] })], dir, { dryRun: false });
    expect(second).toMatchObject({ written: [{ paperId: 'golden00000001' }], conflicts: [] });
    const after = await readFile(file, 'utf8');
    expect(after).toContain('My own thoughts, written in Obsidian.');
    expect(parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(after)?.[1] ?? '')).toMatchObject({
      tags: ['llm/sparsity', 'read-later'],
      aliases: ['SparseAttn'],
    });

    // Nothing changed: nothing is written, the bytes and mtime stay.
    const before = await stat(file);
    const third = await exportMarkdown([paper({ tags: ['llm/sparsity', 'read-later'] })], dir, { dryRun: false });
    expect(third).toMatchObject({ written: [], unchanged: [{ paperId: 'golden00000001' }], conflicts: [] });
    expect(await readFile(file, 'utf8')).toBe(after);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps an edit inside a Margin section that Margin has not changed since, and updates the rest', async () => {
    const dir = await tempDir();
    await exportMarkdown([paper()], dir, { dryRun: false });
    const file = await onlyMarkdown(dir);
    const mine = (await readFile(file, 'utf8')).replace(
      '**Key result**: the main result',
      '**Key result**: the main result — I disagree!',
    );
    await writeFile(file, mine);

    const report = await exportMarkdown([paper({ status: 'read' })], dir, { dryRun: false });
    expect(report).toMatchObject({ written: [{ paperId: 'golden00000001' }], conflicts: [] });
    const after = await readFile(file, 'utf8');
    expect(after).toContain('— I disagree!');
    expect(after).toContain('status: "read"');
  });

  it('reports a section both the user and Margin changed as a conflict, leaves the file as the user wrote it, and shows the diff in a dry run', async () => {
    const dir = await tempDir();
    await exportMarkdown([paper()], dir, { dryRun: false });
    const file = await onlyMarkdown(dir);
    const mine = (await readFile(file, 'utf8')).replace(
      '**Key result**: the main result',
      '**Key result**: the main result — I disagree!',
    );
    await writeFile(file, mine);
    const changed = paper({
      annotations: paper().annotations.map((a) => ({ ...a, comment: a.comment && 'the main result, restated' })),
    });

    const dry = await exportMarkdown([changed], dir, { dryRun: true });
    expect(dry.conflicts).toEqual([
      expect.objectContaining({
        paperId: 'golden00000001',
        reason: "you edited Margin's highlights, which changed in Margin too",
      }),
    ]);
    expect(dry.conflicts[0]?.diff).toContain('-**Key result**: the main result — I disagree!');
    expect(dry.conflicts[0]?.diff).toContain('+**Key result**: the main result, restated');

    const real = await exportMarkdown([changed], dir, { dryRun: false });
    expect(real.conflicts).toHaveLength(1);
    expect(real.written).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(mine);
  });

  it('reports a file whose markers were removed, and never overwrites a file it did not write', async () => {
    const dir = await tempDir();
    await exportMarkdown([paper()], dir, { dryRun: false });
    const file = await onlyMarkdown(dir);
    await writeFile(file, 'I rewrote this file completely.\n');
    // While Margin's side is as it last wrote it, the file is simply the user's.
    const same = await exportMarkdown([paper()], dir, { dryRun: false });
    expect(same).toMatchObject({ written: [], unchanged: [{ paperId: 'golden00000001' }], conflicts: [] });
    const report = await exportMarkdown([paper({ note: null })], dir, { dryRun: false });
    expect(report.conflicts[0]?.reason).toMatch(/markers or front matter were removed/);
    expect(await readFile(file, 'utf8')).toBe('I rewrote this file completely.\n');

    const other = await tempDir();
    const stranger = path.join(other, 'Sparse Attention Is Everything Needed.md');
    await writeFile(stranger, 'not from Margin');
    const fresh = await exportMarkdown([paper({ title: 'Sparse Attention: Is Everything Needed?' })], other, {
      dryRun: false,
    });
    expect(fresh.written[0]?.file).toBe('Sparse Attention Is Everything Needed (2).md');
    expect(await readFile(stranger, 'utf8')).toBe('not from Margin');
  });

  it('writes one file of every highlight across papers, linking back to each paper note', async () => {
    const dir = await tempDir();
    const papers = [paper(), paper({ id: 'golden00000002' as PaperId, title: 'Second Paper', annotations: [] })]; // a valid PaperId
    await exportMarkdown(papers, dir, { dryRun: false });
    const digestFile = path.join(dir, 'Highlights.md');
    const report = await exportHighlightsDigest(papers, digestFile, { dryRun: false });
    expect(report).toMatchObject({ outcome: 'written', highlights: 2, papers: 1 });
    const digest = await readFile(digestFile, 'utf8');
    expect(digest).toContain(
      '## [[Sparse Attention Is Everything Needed|Sparse \\*Attention\\*: Is \\[Everything\\] \\<Needed>?]]',
    );
    expect(digest).toContain('([[Sparse Attention Is Everything Needed#^hb0000000002|source]])');
    expect(digest.indexOf('We study attention')).toBeLessThan(digest.indexOf('Sparse patterns cut it'));
    expect((await exportHighlightsDigest(papers, digestFile, { dryRun: false })).outcome).toBe('unchanged');
    await writeFile(digestFile, `${digest}\nmy edit\n`);
    expect(await exportHighlightsDigest(papers, digestFile, { dryRun: false })).toMatchObject({ outcome: 'conflict' });
    expect(await readFile(digestFile, 'utf8')).toContain('my edit');
  });
});
