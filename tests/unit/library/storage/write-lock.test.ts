import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../../../electron/library/library.js';
import { LOCK_FILE } from '../../../../electron/library/storage/write-lock.js';
import { tempDir } from '../../../helpers/temp-dir.js';

describe('single writer', () => {
  it('refuses a second writer with an error naming the holder, and lets readers in', async () => {
    const dir = await tempDir();
    const first = await Library.open({ dir, mode: 'write', holder: 'margin serve' });
    await expect(Library.open({ dir, mode: 'write', holder: 'margin tag' })).rejects.toThrow(
      new RegExp(`open for writing by margin serve \\(pid ${process.pid} on ${hostname()}`),
    );
    const reader = await Library.open({ dir, mode: 'read', holder: 'margin list' });
    expect(await reader.records()).toEqual([]);
    await first.close();
    const second = await Library.open({ dir, mode: 'write', holder: 'margin tag' });
    await second.close();
  });

  it('recovers a lock left by a process that died', async () => {
    const dir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lockPath = path.join(dir, LOCK_FILE);
    await writeFile(lockPath, JSON.stringify({ pid: Number(dead.stdout), host: hostname(), holder: 'Margin app', since: '2026-01-01T00:00:00.000Z' }));
    const library = await Library.open({ dir, mode: 'write', holder: 'margin import' });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, holder: 'margin import' });
    await library.close();
  });
});
