import { readFile, truncate, writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { QUARANTINE_DIR, paperShardFile } from '../../../electron/library/storage/layout.js';
import { runMargin } from '../../helpers/run-margin.js';
import { SAMPLE_DIGEST_PATH, samplePapers } from '../../helpers/sample-digest.js';
import { tempDir } from '../../helpers/temp-dir.js';

interface ListedPaper {
  id: string;
  title: string;
  abstract: string | null;
  tags: string[];
  status: string;
  [key: string]: unknown;
}

async function importSample(library: string) {
  const result = await runMargin(['import', SAMPLE_DIGEST_PATH, '--json', '--library', library]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as {
    added: number;
    merged: number;
    unchanged: number;
    failed: unknown[];
    ids: string[];
  };
}

async function list(library: string, ...args: string[]): Promise<ListedPaper[]> {
  const result = await runMargin(['list', '--json', '--library', library, ...args]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ListedPaper[];
}

describe('margin CLI', () => {
  it('imports the sample digest: 76 papers equal to the page, none of its furniture, and nothing twice', async () => {
    const library = await tempDir();
    const report = await importSample(library);
    expect(report).toMatchObject({ added: 76, merged: 0, unchanged: 0, failed: [] });
    expect(report.ids).toHaveLength(76);

    const papers = await list(library);
    expect(papers.map((p) => ({ title: p.title, abstract: p.abstract }))).toEqual(samplePapers());
    for (const key of [
      'id',
      'title',
      'authors',
      'abstract',
      'year',
      'arxivId',
      'doi',
      'url',
      'tags',
      'status',
      'annotations',
      'note',
      'addedAt',
      'updatedAt',
    ]) {
      expect(papers[0]).toHaveProperty(key);
    }
    expect(papers.some((p) => /subscribe|trending|byAK|^Apr 28$/i.test(p.title))).toBe(false);

    expect(await importSample(library)).toMatchObject({ added: 0, merged: 0, unchanged: 76, failed: [] });
    expect(await list(library)).toHaveLength(76);
  });

  it('reads a digest from stdin and prints a summary for people', async () => {
    const library = await tempDir();
    const result = await runMargin(['import', '-', '--library', library], {
      input: 'A Title Here\r\n\r\nAn abstract that is a sentence.\r\n',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('imported digest (Page of papers): 1 added, 0 merged, 0 unchanged, 0 failed\n');
    const table = await runMargin(['list', '--library', library]);
    expect(table.stdout).toMatch(
      /^ID\s+STATUS\s+YEAR\s+AUTHORS\s+TITLE\n[0-9a-f]{16}\s+inbox\s+A Title Here\n1 paper\n$/,
    );
  });

  it('names the digest source it recognised and lists, with lines, the text that became no paper', async () => {
    const library = await tempDir();
    const alert = path.resolve(
      import.meta.dirname,
      '../../fixtures/digests/scholar-alert/bzz-allamanis-related-2019-12-10.txt',
    );
    const result = await runMargin(['import', alert, '--dry-run', '--library', library]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('would import digest (Google Scholar alert): 3 added, 0 merged, 0 unchanged, 0 failed');
    expect(lines.some((l) => /^ {2}bzz-allamanis-related-2019-12-10\.txt:\d+: skipped: .*CANCEL ALERT/.test(l))).toBe(
      true,
    );
  });

  it('takes `constructor` and `__proto__` for unknown commands, not for properties of its command table', async () => {
    for (const name of ['constructor', '__proto__', 'toString']) {
      const result = await runMargin([name]);
      expect(result.code, name).toBe(2);
      expect(result.stderr).toBe(`margin: unknown command "${name}". Run margin --help for the list.\n`);
    }
  });

  it('keeps tag and status changes across processes, and filters by them', async () => {
    const library = await tempDir();
    const { ids } = await importSample(library);
    const id = ids[2] ?? '';
    expect((await runMargin(['tag', id, 'llm/sparsity', 'to-cite', '--library', library])).stdout).toBe(
      `${id}: llm/sparsity, to-cite\n`,
    );
    expect((await runMargin(['status', id, 'reading', '--library', library])).code).toBe(0);
    expect((await runMargin(['tag', id, 'to-cite', '--remove', '--library', library])).code).toBe(0);

    const shown = JSON.parse((await runMargin(['show', id, '--json', '--library', library])).stdout) as ListedPaper;
    expect(shown).toMatchObject({ id, status: 'reading', tags: ['llm/sparsity'] });
    expect((await list(library, '--tag', 'llm')).map((p) => p.id)).toEqual([id]);
    expect((await list(library, '--status', 'reading')).map((p) => p.id)).toEqual([id]);
    expect((await list(library, '--tag', 'llm', '--status', 'reading')).map((p) => p.id)).toEqual([id]);
    expect(await list(library, '--tag', 'llm', '--status', 'inbox')).toEqual([]);
    // `--library` before the command works as it does after it, as git's -C does.
    const before = await runMargin(['--library', library, 'list', '--tag', 'llm', '--json']);
    expect((JSON.parse(before.stdout) as ListedPaper[]).map((p) => p.id)).toEqual([id]);
    // Export takes the same scopes as the app's Export dialog: one of them.
    const both = await runMargin(['export', 'bibtex', '--tag', 'llm', '--status', 'reading', '--library', library]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/choose one of --tag, --status and --id/);
    const byTag = await runMargin(['export', 'csl-json', '--tag', 'llm', '--library', library]);
    expect((JSON.parse(byTag.stdout) as unknown[]).length).toBe(1);
    const sparsity = await list(library, '--search', 'sparsity');
    expect(sparsity.length).toBeGreaterThan(5);
    expect(
      sparsity.every((p) => `${p.title} ${p.abstract} ${p.tags.join(' ')}`.toLowerCase().includes('sparsity')),
    ).toBe(true);
  });

  it('fails with one line on stderr and a non-zero exit for bad arguments, unknown ids, unreadable files and unknown formats', async () => {
    const library = await tempDir();
    const cases: Array<[string[], RegExp]> = [
      [['frobnicate'], /unknown command "frobnicate"/],
      [['status', 'abcdef123456', 'reading', '--library', library], /no paper with id abcdef123456/],
      [['status', 'abcdef123456', 'later', '--library', library], /unknown status "later"/],
      [['import', path.join(library, 'missing.txt'), '--library', library], /cannot read .*missing\.txt \(ENOENT\)/],
      [['import', SAMPLE_DIGEST_PATH, '--format', 'docx', '--library', library], /unknown format "docx"/],
      [['list', '--colour', '--library', library], /Unknown option '--colour'/],
      [['tag', '--library', library], /expected a paper id and at least one tag/],
    ];
    for (const [args, message] of cases) {
      const result = await runMargin(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('reports a truncated data file on the next command, keeps it, and overwrites nothing', async () => {
    const library = await tempDir();
    const { ids } = await importSample(library);
    const id = ids[0] ?? '';
    const file = paperShardFile(library, id);
    const size = (await readFile(file)).length;
    await truncate(file, Math.floor(size / 2));
    const damaged = await readFile(file);

    const listed = await runMargin(['list', '--json', '--library', library]);
    expect(listed.stderr).toContain(file);
    expect(listed.stderr).toMatch(/not valid JSON/);
    expect(await readFile(file)).toEqual(damaged);

    const edit = await runMargin(['status', id, 'read', '--library', library]);
    expect(edit.stderr).toMatch(/kept at .*quarantine/);
    const kept = await readdir(path.join(library, QUARANTINE_DIR));
    expect(await readFile(path.join(library, QUARANTINE_DIR, kept[0] ?? ''))).toEqual(damaged);
  });

  it('refuses a second writer while one holds the library, naming it', async () => {
    const library = await tempDir();
    await importSample(library);
    await writeFile(
      path.join(library, 'write.lock'),
      JSON.stringify({
        pid: process.pid,
        host: (await import('node:os')).hostname(),
        holder: 'margin serve',
        since: new Date().toISOString(),
      }),
    );
    const result = await runMargin(['import', SAMPLE_DIGEST_PATH, '--library', library]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/open for writing by margin serve \(pid \d+/);
  });
});
