import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gitignoreBlock, withGitignoreBlock, writeGitignore } from '../../../../electron/library/sync/gitignore.js';
import { tempDir } from '../../../helpers/temp-dir.js';

const run = promisify(execFile);

describe('the library .gitignore', () => {
  it('keeps the user lines and replaces only its own block', () => {
    const first = withGitignoreBlock('notes/\n');
    expect(first.startsWith('notes/\n\n# Margin')).toBe(true);
    expect(withGitignoreBlock(first)).toBe(first);
    const older = first.replace(
      gitignoreBlock(),
      '# Margin: never synced (this block is rewritten by Margin; add your own lines outside it)\n/old\n# end of Margin',
    );
    expect(withGitignoreBlock(`${older}mine.txt\n`)).toBe(`${first}mine.txt\n`);
    expect(withGitignoreBlock(null)).toBe(`${gitignoreBlock()}\n`);
  });

  it('is written once, and then left alone', async () => {
    const dir = await tempDir();
    expect(await writeGitignore(dir)).toBe(true);
    expect(await writeGitignore(dir)).toBe(false);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(`${gitignoreBlock()}\n`);
  });

  it('makes git leave out what is local, and keep the library', async () => {
    const dir = await tempDir();
    await run('git', ['init', '-q', dir]);
    await writeGitignore(dir);
    const local = [
      'write.lock',
      'write.lock.123.abcdef.tmp',
      'journal.json',
      'papers/.000.json.123.abcdef.tmp',
      'backups/papers/000.json',
      'quarantine/conflicted-copies/papers-000 2.json',
      '.search-index/terms.bin',
      `attachments/${'a'.repeat(64)}.txt`,
      `attachments/${'a'.repeat(64)}.pdf`,
      'downloads.json',
      'triage/sessions/2026-01-01-abcd.json',
      'exports/paper.md',
    ];
    const synced = [
      'margin.json',
      'papers/000.json',
      'contents/3ff.json',
      'searches.json',
      'distinct.json',
      'triage/skipped.json',
      'triage/watch.json',
      '.gitignore',
    ];
    for (const file of [...local, ...synced].filter((f) => f !== '.gitignore')) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), '{}');
    }
    const { stdout } = await run('git', ['-C', dir, 'ls-files', '--others', '--exclude-standard']);
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual([...synced].sort());
  });
});
