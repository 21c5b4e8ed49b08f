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
    expect(await reader.papers.records()).toEqual([]);
    await first.close();
    const second = await Library.open({ dir, mode: 'write', holder: 'margin tag' });
    await second.close();
  });

  it('recovers a lock left by a process that died', async () => {
    const dir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const lockPath = path.join(dir, LOCK_FILE);
    await writeFile(
      lockPath,
      JSON.stringify({
        pid: Number(dead.stdout),
        host: hostname(),
        holder: 'Margin app',
        since: '2026-01-01T00:00:00.000Z',
      }),
    );
    const library = await Library.open({ dir, mode: 'write', holder: 'margin import' });
    expect(JSON.parse(await readFile(lockPath, 'utf8'))).toMatchObject({ pid: process.pid, holder: 'margin import' });
    await library.close();
  });
});

describe('a lock held from another machine (issue 12, item 6)', () => {
  it('names the holder and is taken over only when the user says so; a live lock on this machine never is', async () => {
    const { acquireWriteLock } = await import('../../../../electron/library/storage/write-lock.js');
    const { writeFile, readFile, readdir } = await import('node:fs/promises');
    const { hostname } = await import('node:os');
    const dir = await tempDir();
    const other = { pid: 4242, host: 'laptop.example', holder: 'the Margin app', since: '2026-11-26T09:00:00.000Z' };
    await writeFile(path.join(dir, 'write.lock'), JSON.stringify(other));
    await expect(acquireWriteLock(dir, 'test', () => new Date())).rejects.toThrow(
      /open for writing by the Margin app \(pid 4242 on laptop\.example.*take the library over/,
    );
    const lock = await acquireWriteLock(dir, 'test', () => new Date(), { takeOverFromOtherHost: true });
    expect(JSON.parse(await readFile(path.join(dir, 'write.lock'), 'utf8'))).toMatchObject({
      host: hostname(),
      pid: process.pid,
      holder: 'test',
    });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await lock.release();
    // Our own live process on this machine: taking over is never offered.
    await writeFile(path.join(dir, 'write.lock'), JSON.stringify({ ...other, host: hostname(), pid: process.ppid }));
    await expect(acquireWriteLock(dir, 'test', () => new Date(), { takeOverFromOtherHost: true })).rejects.toThrow(
      /open for writing/,
    );
  });
});
