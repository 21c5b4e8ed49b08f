import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDurableFs, writeFileDurable, type DurableFs } from '../../../../electron/library/storage/durable-write.js';
import { tempDir } from '../../../helpers/temp-dir.js';

/** Wraps the real file system and records every call, including those on opened handles. */
function recordingFs(log: string[], root: string): DurableFs {
  const rel = (p: unknown) =>
    path
      .relative(root, String(p))
      .replace(/\.[0-9a-f]{12}\.tmp$/, '.TMP')
      .replace(/\.\d+\.TMP$/, '.TMP') || '.';
  return {
    open: (async (file: string, flags: string) => {
      log.push(`open ${rel(file)} ${flags}`);
      const handle = await nodeDurableFs.open(file, flags);
      return {
        writeFile: async (data: string) => {
          log.push(`write ${rel(file)}`);
          await handle.writeFile(data);
        },
        sync: async () => {
          log.push(`fsync ${rel(file)}`);
          await handle.sync();
        },
        close: async () => handle.close(),
      };
    }) as unknown as DurableFs['open'], // a partial FileHandle: the durable write uses only these three methods
    rename: async (from, to) => {
      log.push(`rename ${rel(from)} -> ${rel(to)}`);
      await fsp.rename(from, to);
    },
    link: async (from, to) => {
      log.push(`link ${rel(from)} -> ${rel(to)}`);
      await fsp.link(from, to);
    },
    rm: async (p, o) => {
      log.push(`rm ${rel(p)}`);
      await fsp.rm(p, o);
    },
    unlink: async (p) => {
      log.push(`unlink ${rel(p)}`);
      await fsp.unlink(p);
    },
  };
}

describe('writeFileDurable', () => {
  it('writes a unique temp file, fsyncs it, keeps the old version, renames, then fsyncs the folder', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.json');
    await fsp.writeFile(file, 'old');
    const log: string[] = [];
    await writeFileDurable(file, 'new', {
      previousVersionPath: path.join(dir, 'data.json.prev'),
      fs: recordingFs(log, dir),
    });
    expect(log).toEqual([
      'open .data.json.TMP wx',
      'write .data.json.TMP',
      'fsync .data.json.TMP',
      'unlink data.json.prev',
      'link data.json -> data.json.prev',
      'rename .data.json.TMP -> data.json',
      'open . r',
      'fsync .',
    ]);
    expect(await fsp.readFile(file, 'utf8')).toBe('new');
    expect(await fsp.readFile(path.join(dir, 'data.json.prev'), 'utf8')).toBe('old');
    expect((await fsp.readdir(dir)).sort()).toEqual(['data.json', 'data.json.prev']);
  });

  it("leaves the folder's fsync to the caller of a journaled write (syncFolder: false)", async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'data.json');
    const log: string[] = [];
    await writeFileDurable(file, 'new', { fs: recordingFs(log, dir), syncFolder: false });
    expect(log).toEqual([
      'open .data.json.TMP wx',
      'write .data.json.TMP',
      'fsync .data.json.TMP',
      'rename .data.json.TMP -> data.json',
    ]);
    expect(await fsp.readFile(file, 'utf8')).toBe('new');
  });

  it('leaves the old file and no temp file behind when the rename fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'occupied');
    await fsp.mkdir(path.join(target, 'child'), { recursive: true }); // renaming a file over a non-empty folder fails
    await expect(writeFileDurable(target, 'x')).rejects.toThrow();
    expect((await fsp.readdir(dir)).sort()).toEqual(['occupied']);
  });
});
